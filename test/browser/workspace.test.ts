import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser, signInPage } from '../helpers/browser.js';
import { runCli, type CliRun } from '../helpers/process.js';
import { seriousViolations } from '../helpers/browser-setup-axe.js';

type App = { id: string; candidate: { id: string; name: string }; stage: { id: string; kind: string } | null; requisition: { id: string } };

describe.runIf(browserAvailable())('the internal workspace in Chromium', { timeout: 90_000 }, () => {
  let server: CliRun;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    server = runCli(['serve', '--demo', '--no-history'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-workspace-')), PORT: '0' });
    url = await server.ready();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  async function signedIn(email: string): Promise<Page> {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signInPage(page, url, email);
    return page;
  }

  async function api<T>(page: Page, method: string, route: string, body?: unknown): Promise<T> {
    const csrf = (await page.context().cookies()).find((c) => c.name === 'lw_csrf')?.value ?? '';
    const response = await page.context().request.fetch(`${url}${route}`, { method, headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) });
    expect(response.ok(), `${method} ${route}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  /** A panel request for the demo candidate at the panel stage, in a zone where the panel fits. */
  async function panelRequest(page: Page): Promise<{ requestId: string; app: App }> {
    const apps = await api<{ items: App[] }>(page, 'GET', '/api/v1/applications?status=active');
    const app = apps.items.find((a) => a.stage?.kind === 'panel')!;
    await api(page, 'PATCH', `/api/v1/candidates/${app.candidate.id}`, { timeZone: 'America/New_York' });
    const list = await api<{ items: { id: string; status: string; candidate: { id: string } }[] }>(page, 'GET', `/api/v1/scheduling-requests?requisitionId=${app.requisition.id}`);
    const open = list.items.find((r) => r.candidate.id === app.candidate.id && ['ready', 'offered', 'booked'].includes(r.status));
    const requestId = open?.id ?? (await api<{ id: string }>(page, 'POST', '/api/v1/scheduling-requests', { applicationId: app.id, stageId: app.stage!.id })).id;
    return { requestId, app };
  }

  const navLabels = async (page: Page) => (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((t) => t.trim());

  it('shows each role only its own navigation', async () => {
    const expected: Record<string, string[]> = {
      'admin@acme.test': ['My queue', 'Requisitions', 'Candidates', 'Calendar', 'Interviewers & pools', 'Dashboards', 'My calendar', 'Users', 'Clients', 'Organization', 'API keys', 'Webhooks', 'Failed deliveries', 'Calendar connections', 'Import', 'Audit'],
      'recruiter@acme.test': ['My queue', 'Requisitions', 'Candidates', 'Calendar', 'Interviewers & pools', 'Dashboards', 'Audit', 'Import', 'My calendar'],
      'coordinator@acme.test': ['My queue', 'Requisitions', 'Candidates', 'Calendar', 'Interviewers & pools', 'Dashboards', 'Audit', 'Import', 'My calendar'],
      'hm@acme.test': ['My queue', 'Requisitions', 'Candidates', 'Calendar', 'Dashboards', 'My calendar'],
      'interviewer1@acme.test': ['My interviews', 'My availability', 'My calendar'],
      'client@northwind.test': ['Candidates', 'Interviews', 'Dashboard'],
    };
    for (const [email, labels] of Object.entries(expected)) {
      const page = await signedIn(email);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().waitFor();
      expect(await navLabels(page), email).toEqual(labels);
      await page.close();
    }
    // A page outside the role's navigation is "not found", as the API would answer.
    const interviewer = await signedIn('interviewer1@acme.test');
    await interviewer.goto(`${url}/queue`);
    await expect.poll(() => interviewer.getByRole('heading', { level: 1 }).textContent()).toMatch(/not found/i);
    await interviewer.close();
  });

  it('lets a coordinator book a panel from the solver options', async () => {
    const page = await signedIn('coordinator@acme.test');
    const { requestId, app } = await panelRequest(page);
    await page.goto(`${url}/queue`);
    await page.getByRole('link', { name: app.candidate.name }).first().click();
    await page.waitForURL(`**/requests/${requestId}`);
    const first = page.getByTestId('solver-option').first();
    await first.waitFor();
    expect(await first.textContent()).toMatch(/Candidate · America\/New_York/);
    await first.getByRole('button', { name: 'Book Option 1' }).click();
    await page.getByTestId('booked-alert').waitFor();
    await expect.poll(() => page.getByTestId('booked-interview').textContent()).toMatch(/Confirmed/);
    const request = await api<{ status: string; interviewId: string | null }>(page, 'GET', `/api/v1/scheduling-requests/${requestId}`);
    expect(request.status).toBe('booked');
    expect(request.interviewId).not.toBeNull();
    await page.close();
  });

  it('keeps an interviewer’s new working-hours range after a reload', async () => {
    const page = await signedIn('interviewer1@acme.test');
    await page.goto(`${url}/my/availability`);
    await page.getByRole('button', { name: 'Add a range on Saturday' }).click();
    await page.getByLabel('Saturday range 1 start').fill('10:00');
    await page.getByLabel('Saturday range 1 end').fill('13:30');
    await page.getByRole('button', { name: 'Save hours and limits' }).click();
    await page.getByText('Saved. New options use these hours.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Saturday range 1 end').inputValue()).toBe('13:30');
    expect(await page.getByLabel('Saturday range 1 start').inputValue()).toBe('10:00');
    await page.close();
  });

  it('adds and removes an interviewer’s time off and date overrides on My availability', async () => {
    const page = await signedIn('interviewer2@acme.test');
    const { user: me } = await api<{ user: { id: string } }>(page, 'GET', '/api/v1/me');
    await page.goto(`${url}/my/availability`);
    const timeOff = page.getByRole('region', { name: 'Time off' });
    await timeOff.getByText('No time off planned.').waitFor();
    await timeOff.getByLabel('From').fill('2026-12-24T09:00');
    await timeOff.getByLabel('Until').fill('2026-12-24T08:00');
    await timeOff.getByText('Ends before it starts').waitFor();
    expect(await timeOff.getByRole('button', { name: 'Block time' }).isDisabled()).toBe(true);
    await timeOff.getByLabel('Until').fill('2026-12-24T17:00');
    await timeOff.getByLabel('Reason (optional)').fill('Holiday');
    await timeOff.getByRole('button', { name: 'Block time' }).click();
    await timeOff.getByRole('row', { name: /Holiday/ }).waitFor();
    // Entered in the interviewer's zone (America/Chicago, UTC−6 in December), stored in UTC.
    const blocks = await api<{ items: { startsAt: string; endsAt: string; reason: string }[] }>(page, 'GET', `/api/v1/users/${me.id}/blocks`);
    expect(blocks.items).toEqual([expect.objectContaining({ startsAt: '2026-12-24T15:00:00.000Z', endsAt: '2026-12-24T23:00:00.000Z', reason: 'Holiday' })]);
    await timeOff.getByRole('button', { name: /Remove the time off from/ }).click();
    await timeOff.getByText('No time off planned.').waitFor();
    expect((await api<{ items: unknown[] }>(page, 'GET', `/api/v1/users/${me.id}/blocks`)).items).toEqual([]);

    const overrides = page.getByRole('region', { name: 'Date overrides' });
    await overrides.getByText('No upcoming overrides.').waitFor();
    await overrides.getByLabel('Date').fill('2026-12-31');
    await overrides.getByRole('button', { name: 'Add override' }).click();
    const row = overrides.getByRole('row', { name: /2026-12-31/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Day off');
    await page.reload();
    await overrides.getByRole('row', { name: /2026-12-31/ }).waitFor();
    await overrides.getByRole('button', { name: 'Remove the override on 2026-12-31' }).click();
    await overrides.getByText('No upcoming overrides.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('has no serious or critical accessibility violations on the main pages', async () => {
    const page = await signedIn('coordinator@acme.test');
    const { requestId, app } = await panelRequest(page);
    const pages: [string, () => Promise<unknown>][] = [
      ['/queue', () => page.getByRole('heading', { name: 'My queue' }).waitFor()],
      [`/requests/${requestId}`, () => page.getByRole('heading', { level: 1 }).waitFor()],
      [`/requisitions/${app.requisition.id}?stage=${app.stage!.id}`, () => page.getByTestId('stage-editor').waitFor()],
      [`/candidates/${app.candidate.id}`, () => page.getByRole('heading', { name: 'Timeline' }).waitFor()],
      ['/calendar', () => page.getByTestId('calendar-title').waitFor()],
      ['/interviewers', () => page.getByRole('heading', { name: 'Pools', exact: true }).waitFor()],
    ];
    const problems: string[] = [];
    const check = async (path: string) => {
      for (const problem of await seriousViolations(page)) problems.push(`${path}: ${problem}`);
    };
    for (const [path, ready] of pages) {
      await page.goto(`${url}${path}`);
      await ready();
      await page.waitForLoadState('networkidle');
      await check(path);
    }
    const interviewer = await signedIn('interviewer2@acme.test');
    await interviewer.goto(`${url}/my/availability`);
    await interviewer.getByRole('heading', { name: /Weekly hours/ }).waitFor();
    for (const problem of await seriousViolations(interviewer)) problems.push(`/my/availability: ${problem}`);
    expect(problems).toEqual([]);
  });
});
