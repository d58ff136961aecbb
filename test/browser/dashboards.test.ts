import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser, signInPage } from '../helpers/browser.js';
import { bookFirstOption, expectWebApp, offerStage, signIn, type ApiSession } from '../helpers/browser-setup.js';
import { seriousViolations } from '../helpers/browser-setup-axe.js';
import { runCli, type CliRun } from '../helpers/process.js';

type Column = { key: string; label: string; format: 'count' | 'hours' | 'rate' | 'ratio' };
type Metric = { columns: Column[]; total: Record<string, number | null>; groups: { label: string }[] };

/** How the page writes a value (the test's own copy, so a wrong format fails too). */
function shown(value: number | null | undefined, format: Column['format']): string {
  if (value === null || value === undefined) return '—';
  if (format === 'hours') return `${value} h`;
  if (format === 'rate') return `${Math.round(value * 1000) / 10}%`;
  if (format === 'ratio') return value.toFixed(2);
  return String(value);
}

/**
 * Dashboards on a demo server (eight weeks of history) after two more bookings made through the API: a Northwind client
 * interview (Data Analyst, Maria Gonzalez) and an in-house recruiter screen (Senior Backend
 * Engineer, James Whitfield), both picked by the candidate from the offered times.
 */
describe.runIf(browserAvailable())('dashboards in Chromium', { timeout: 60_000 }, () => {
  let server: CliRun;
  let browser: Browser;
  let url: string;
  let recruiter: ApiSession;
  let client: ApiSession;
  let page: Page;
  let organizationScheduled = 0;

  beforeAll(async () => {
    server = runCli(['serve', '--demo'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-dashboards-')), PORT: '0' });
    // Slow under load: the server compiles from source.
    [url, browser] = await Promise.all([server.ready(150_000), launchBrowser()]);
    await expectWebApp(url);
    recruiter = await signIn(url, 'recruiter@acme.test');
    client = await signIn(url, 'client@northwind.test');
    for (const input of [
      { requisition: 'Data Analyst', candidate: 'Maria Gonzalez', stageKind: 'client' },
      { requisition: 'Senior Backend Engineer', candidate: 'James Whitfield', stageKind: 'recruiter_screen' },
    ]) {
      const offered = await offerStage(url, recruiter, input);
      await bookFirstOption(url, offered.token);
    }
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  async function signInAs(email: string) {
    await page.context().clearCookies();
    await signInPage(page, url, email);
  }

  const card = (name: string) => page.getByTestId(`metric-${name}`);

  /** The "All" row of a card's table, and the API's numbers for the same query (from its CSV link). */
  async function allRowAndApi(name: string, session: ApiSession) {
    const table = card(name).getByTestId('metric-table');
    await table.waitFor();
    const cells = await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'All', exact: true }) }).getByRole('cell').allTextContents();
    const csv = await card(name).getByRole('link', { name: /Download CSV/ }).getAttribute('href');
    const api = await session.call<Metric>('GET', csv!.replace(/[?&]format=csv/, ''));
    return { cells, expected: api.columns.map((c) => shown(api.total[c.key], c.format)), api };
  }

  it('a recruiter sees the numbers the API returns, with definitions and CSV', async () => {
    await signInAs('recruiter@acme.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboards' }).click();
    await page.getByRole('heading', { name: 'Dashboards', level: 1 }).waitFor();

    const schedule = await allRowAndApi('time-to-schedule', recruiter);
    // The demo's history plus the two bookings above.
    expect(schedule.api.total.scheduled).toBeGreaterThanOrEqual(2);
    expect(schedule.cells).toEqual(schedule.expected);
    organizationScheduled = schedule.api.total.scheduled!;
    for (const name of ['reschedule-rate', 'no-show-rate', 'coordinator-load', 'pipeline-aging']) {
      const { cells, expected } = await allRowAndApi(name, recruiter);
      expect(cells, name).toEqual(expected);
    }

    await card('time-to-schedule').getByRole('combobox', { name: 'Group by' }).click();
    await page.getByRole('option', { name: 'Client', exact: true }).click();
    await card('time-to-schedule').getByRole('rowheader', { name: 'Northwind' }).waitFor();
    expect(await card('time-to-schedule').getByRole('rowheader').allTextContents()).toEqual(expect.arrayContaining(['All', 'In-house', 'Northwind']));

    await card('time-to-schedule').getByRole('link', { name: /How time to schedule is counted/ }).click();
    expect(await page.locator('#definition-time-to-schedule').textContent()).toBe('Time to schedule');
    expect(await page.locator('#definition-time-to-schedule + dd').textContent()).toMatch(/entering ready .* first booking/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a client user’s dashboard counts only their client', async () => {
    await signInAs('client@northwind.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

    const schedule = await allRowAndApi('time-to-schedule', client);
    // At least Maria's booking, and fewer than the whole organization's.
    expect(schedule.api.total.scheduled).toBeGreaterThanOrEqual(1);
    expect(schedule.api.total.scheduled).toBeLessThan(organizationScheduled);
    expect(schedule.cells).toEqual(schedule.expected);
    const aging = await allRowAndApi('pipeline-aging', client);
    expect(aging.cells).toEqual(aging.expected);

    await card('reschedule-rate').getByRole('combobox', { name: 'Group by' }).click();
    const options = await page.getByRole('option').allTextContents();
    expect(options).not.toContain('Interviewer');
    expect(options).not.toContain('Team (pool)');
    await page.getByRole('option', { name: 'Client', exact: true }).click();
    await card('reschedule-rate').getByRole('rowheader', { name: 'Northwind' }).waitFor();
    expect(await card('reschedule-rate').getByRole('rowheader').allTextContents()).toEqual(['All', 'Northwind']);
    expect(await page.getByRole('main').textContent()).not.toMatch(/Globex|In-house|Senior Backend/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
