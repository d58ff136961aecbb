import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../helpers/browser.js';
import { runCli, type CliRun } from '../helpers/process.js';

describe.runIf(browserAvailable())('the web app in Chromium', { timeout: 60_000 }, () => {
  let server: CliRun;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    server = runCli(['serve'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-web-')), PORT: '0' });
    url = await server.ready();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it('shows the server health panel on the sign-in page without CSP violations', async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${url}/login`);
    const panel = page.getByTestId('health-panel');
    await expect.poll(() => panel.textContent()).toContain('ok');
    expect(await page.getByTestId('health-version').textContent()).toContain('0.1.0');
    expect(await page.getByTestId('health-database').textContent()).toMatch(/ok/i);
    // The signed-out session check answers 401 by design; anything else (CSP, script errors) fails.
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
  });

  it('renders the API documentation under the same strict CSP', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/docs`);
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    expect(errors).toEqual([]);
  });
});
