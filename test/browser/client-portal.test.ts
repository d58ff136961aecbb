import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser, signInPage } from '../helpers/browser.js';
import { bookFirstOption, expectWebApp, offerAgain, offerStage, signIn, type ApiSession } from '../helpers/browser-setup.js';
import { seriousViolations } from '../helpers/browser-setup-axe.js';
import { runCli, type CliRun } from '../helpers/process.js';

type Interview = { id: string; status: string; approval: string | null; approvalReason?: string | null };

/**
 * The client portal as Northwind's client user: a client interview the candidate booked through
 * their link waits for the client, who declines it with a reason, then approves the next booking.
 */
describe.runIf(browserAvailable())('client portal in Chromium', { timeout: 60_000 }, () => {
  let server: CliRun;
  let browser: Browser;
  let url: string;
  let staff: ApiSession;
  let page: Page;
  let requestId: string;

  beforeAll(async () => {
    server = runCli(['serve', '--demo', '--no-history'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-client-')), PORT: '0' });
    [url, browser] = await Promise.all([server.ready(), launchBrowser()]);
    await expectWebApp(url);
    staff = await signIn(url, 'coordinator@acme.test');
    const offered = await offerStage(url, staff, { requisition: 'Data Analyst', candidate: 'Maria Gonzalez', stageKind: 'client' });
    requestId = offered.requestId;
    expect((await bookFirstOption(url, offered.token)).state).toBe('pending_approval');

    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await signInPage(page, url, 'client@northwind.test');
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  const pending = () => page.getByTestId('pending-approval');
  const requestOf = () => staff.call<{ interviewId: string | null; status: string }>('GET', `/api/v1/scheduling-requests/${requestId}`);

  it('declines the booked time with a reason; the request goes back to the coordinator', async () => {
    const before = await requestOf();
    await nav('Interviews');
    await pending().filter({ hasText: 'Maria Gonzalez' }).waitFor();
    expect(await page.getByText('Candidate’s time:').count()).toBe(0); // Maria and Nora are both in Chicago.
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Decline Maria Gonzalez’s interview' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Decline time' }).click();
    expect(await dialog.getByRole('alert').filter({ hasText: 'Enter a reason' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('Reason').fill('Our panel is at an offsite that day.');
    await dialog.getByRole('button', { name: 'Decline time' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByText('Nothing is waiting for your approval.').waitFor();
    await page.getByText('Your reason: Our panel is at an offsite that day.').waitFor();
    const declined = await staff.call<Interview>('GET', `/api/v1/interviews/${before.interviewId}`);
    expect(declined).toMatchObject({ status: 'canceled', approval: 'declined', approvalReason: 'Our panel is at an offsite that day.' });
    expect((await requestOf()).status).toBe('ready');
  });

  it('approves the next booked time; it moves to upcoming and is confirmed', async () => {
    const token = await offerAgain(url, staff, requestId);
    expect((await bookFirstOption(url, token)).state).toBe('pending_approval');
    // Back to the page in the app (no reload): the list is fetched again when it opens.
    await nav('Candidates');
    await nav('Interviews');
    await pending().filter({ hasText: 'Maria Gonzalez' }).waitFor();

    // Proposing other times is offered too: its form validates before anything is sent.
    await page.getByRole('button', { name: 'Propose other times for Maria Gonzalez' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date').fill('');
    await dialog.getByRole('button', { name: 'Send proposed times' }).click();
    await dialog.getByText('Enter a date.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Approve Maria Gonzalez’s interview' }).click();
    await page.getByText('Nothing is waiting for your approval.').waitFor();
    const upcoming = page.getByRole('region', { name: 'Upcoming' });
    await upcoming.getByText('Maria Gonzalez').waitFor();
    expect(await upcoming.getByText('Confirmed', { exact: true }).count()).toBe(1);
    const { interviewId, status } = await requestOf();
    expect(status).toBe('booked');
    expect(await staff.call<Interview>('GET', `/api/v1/interviews/${interviewId}`)).toMatchObject({ status: 'confirmed', approval: 'approved' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists only their requisitions and the candidates submitted to them', async () => {
    await nav('Candidates');
    await page.getByRole('heading', { name: 'Data Analyst' }).waitFor();
    const main = page.getByRole('main');
    expect(await main.getByRole('rowheader').allTextContents()).toEqual(['Maria Gonzalez']);
    // The client-visible stage only (not the recruiter screen), from the one requisitions list.
    expect(await main.getByText(/^Your interview stages:/).textContent()).toBe('Your interview stages: Client interview (60 min, you approve the time)');
    // Not submitted (Kenji), another requisition (Senior Backend Engineer), another client (Globex).
    expect(await main.textContent()).not.toMatch(/Kenji|Senior Backend|Product Designer|Globex|@/);
    expect(await seriousViolations(page)).toEqual([]);

    await nav('Dashboard');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
