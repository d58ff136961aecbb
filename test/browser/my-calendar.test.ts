import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser, signInPage } from '../helpers/browser.js';
import { seriousViolations } from '../helpers/browser-setup-axe.js';
import { runCli, type CliRun } from '../helpers/process.js';
import { radicaleInstalled, startRadicale, type TestRadicale } from '../helpers/radicale.js';

describe.runIf(browserAvailable() && radicaleInstalled)('My calendar in Chromium', { timeout: 90_000 }, () => {
  let server: CliRun;
  let browser: Browser;
  let radicale: TestRadicale;
  let url: string;
  const ivan = { username: 'ivan', password: 'ivan-secret-pass' };

  beforeAll(async () => {
    radicale = await startRadicale([ivan]);
    await radicale.makeCalendar(ivan, 'work');
    server = runCli(['serve', '--demo', '--no-history'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-calendar-')), PORT: '0' });
    url = await server.ready();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill();
    await radicale?.stop();
  });

  it('an interviewer connects their Radicale calendar through the page, sees the refusal of a wrong password, and creates a feed URL', async () => {
    const page = await browser.context.newPage();
    await signInPage(page, url, 'interviewer1@acme.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My calendar' }).click();
    await page.getByRole('heading', { name: 'Connect a CalDAV calendar' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Server URL').fill(radicale.url);
    await page.getByLabel('Username').fill(ivan.username);
    await page.locator('input[autocomplete="current-password"]').fill('wrong');
    await page.getByRole('button', { name: 'Connect calendar' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The calendar server refused the username or password.');

    await page.locator('input[autocomplete="current-password"]').fill(ivan.password);
    await page.getByRole('button', { name: 'Connect calendar' }).click();
    await page.getByRole('heading', { name: 'work (ivan)' }).waitFor();
    expect(await page.getByText('Connected', { exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: 'Create feed URL' }).click();
    const feedUrl = await page.getByRole('textbox', { name: 'Feed URL' }).inputValue();
    expect(feedUrl).toMatch(/\/api\/v1\/public\/calendar-feeds\/[A-Za-z0-9_-]+\.ics$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
