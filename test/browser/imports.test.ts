import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser, signInPage } from '../helpers/browser.js';
import { seriousViolations } from '../helpers/browser-setup-axe.js';
import { runCli, type CliRun } from '../helpers/process.js';

describe.runIf(browserAvailable())('CSV import in Chromium', { timeout: 60_000 }, () => {
  let server: CliRun;
  let browser: Browser;
  let url: string;
  let page: Page;

  beforeAll(async () => {
    server = runCli(['serve', '--demo', '--no-history'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-imports-')), PORT: '0' });
    url = await server.ready();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signInPage(page, url, 'recruiter@acme.test');
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  const upload = (name: string, text: string) => page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

  it('checks an uploaded file, lists its problems by line and column, and keeps Import disabled', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Download the candidates template' }).getAttribute('download')).toBe('loopwise-candidates-template.csv');
    await upload('people.csv', 'External ID,Name,Email,Time Zone\nWEB-1,Ada Lovelace,ada@example.com,Europe/London\nWEB-2,Grace Hopper,not-an-email,America/New_York\n');
    await page.getByRole('button', { name: 'Check file' }).click();
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    expect(await problems.getByRole('row').allTextContents()).toEqual(['LineColumnProblem', '3emailInvalid email address']);
    expect(await page.getByRole('button', { name: 'Import' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('imports a file that passed the check and lists it under recent imports', async () => {
    await upload('people-fixed.csv', 'External ID,Name,Email,Time Zone\nWEB-1,Ada Lovelace,ada@example.com,Europe/London\nWEB-2,Grace Hopper,grace@example.com,America/New_York\n');
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('2 rows checked: 2 to create, 0 to update, 0 unchanged. Nothing has been written yet.').waitFor();
    const importButton = page.getByRole('button', { name: 'Import' });
    expect(await importButton.isDisabled()).toBe(false);
    await importButton.click();
    await page.getByText('2 rows: 2 created, 0 updated, 0 unchanged.').waitFor();
    const row = page.getByRole('row', { name: /people-fixed\.csv/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/people-fixed\.csvCandidatesImported2200Riley Recruiter/);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${url}/candidates`);
    await page.getByText('Grace Hopper').waitFor();
  });
});
