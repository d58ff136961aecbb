import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser } from '../helpers/browser.js';
import { askForAvailability, expectWebApp, offerStage, signIn, type ApiSession } from '../helpers/browser-setup.js';
import { seriousViolations } from '../helpers/browser-setup-axe.js';
import { runCli, type CliRun } from '../helpers/process.js';

/**
 * The candidate's pages from their phone (390×844), against the real server with demo data: a
 * recruiter screen offered by a coordinator, picked, booked, moved and canceled through the link.
 */
describe.runIf(browserAvailable())('candidate pages on a phone', { timeout: 60_000 }, () => {
  let server: CliRun;
  let browser: Browser;
  let url: string;
  let staff: ApiSession;
  let page: Page;
  /** Every body the public link API sent to the page. */
  const publicBodies: string[] = [];
  const publicUrls: string[] = [];

  beforeAll(async () => {
    server = runCli(['serve', '--demo', '--no-history'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-candidate-')), PORT: '0' });
    [url, browser] = await Promise.all([server.ready(), launchBrowser({ viewport: { width: 390, height: 844 } })]);
    staff = await signIn(url, 'coordinator@acme.test');
    await expectWebApp(url);
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('response', async (response) => {
      if (!response.url().includes('/api/v1/public/')) return;
      publicUrls.push(response.url());
      publicBodies.push(await response.text().catch(() => ''));
    });
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  const times = () => page.getByTestId('time-option');

  it('self-schedules a recruiter screen: zone detected and switched, times by day, confirm step, confirmation', async () => {
    const { token } = await offerStage(url, staff, { requisition: 'Senior Backend Engineer', candidate: 'James Whitfield', stageKind: 'recruiter_screen', optionsCount: 10 });
    await page.goto(`${url}/s/${token}`);
    await page.getByRole('heading', { name: 'Choose a time' }).waitFor();

    const detected = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await page.getByRole('combobox', { name: 'Your time zone' }).inputValue()).toBe(detected.replaceAll('_', ' '));
    expect(publicUrls.at(-1)).toContain(`tz=${encodeURIComponent(detected)}`);
    expect(await times().count()).toBe(10);
    expect(await page.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(1);
    expect(await seriousViolations(page)).toEqual([]);

    const firstBefore = await times().first().textContent();
    await page.getByRole('combobox', { name: 'Your time zone' }).click();
    await page.getByRole('combobox', { name: 'Your time zone' }).fill('Kolkata');
    await page.getByRole('option', { name: 'Asia/Kolkata' }).click();
    await expect.poll(() => page.getByText('All times in India Standard Time.').count()).toBe(1);
    await expect.poll(() => times().first().textContent()).not.toBe(firstBefore);
    expect(page.url()).toContain('tz=Asia%2FKolkata');
    expect(publicUrls.at(-1)).toContain('tz=Asia%2FKolkata');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Choose one of the times first.').waitFor();
    // The latest time, so that the reschedule policy (24 h before) still allows a change.
    await times().last().click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Confirm your interview' }).waitFor();
    expect(await page.locator(':focus').textContent()).toBe('Confirm your interview');
    expect(await page.getByTestId('interview-summary').textContent()).toContain('Riley Recruiter');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { name: 'Your interview is booked' }).waitFor();
    const summary = await page.getByTestId('interview-summary').textContent();
    expect(summary).toContain('India Standard Time');
    expect(summary).toContain('Phone call: the recruiter calls you');
    expect(await page.getByRole('status').filter({ hasText: 'You’re booked' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Add to calendar (.ics)' }).click()]);
    const ics = readFileSync(await download.path(), 'utf8');
    expect(ics).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART:\d{8}T\d{6}Z[\s\S]*LOCATION:Phone call: the recruiter calls you/);
    // The server's file: the emailed invite's UID and SEQUENCE, so the calendar keeps one event.
    expect(ics).toMatch(/UID:interview-[0-9a-f-]{36}@localhost/);
    expect(ics).toContain('SEQUENCE:0');
  });

  it("answers the reminder's links: I'll be there confirms once, I need to reschedule opens the reschedule view", async () => {
    const plain = page.url();
    await page.goto(`${plain}&action=confirm`);
    await page.getByRole('status').filter({ hasText: 'Thanks, we’ll see you then.' }).waitFor();
    expect(publicUrls.filter((u) => u.endsWith('/confirm'))).toHaveLength(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${plain}&action=reschedule`);
    await page.getByRole('heading', { name: 'Reschedule' }).waitFor();
    await page.goto(plain);
    await page.getByRole('heading', { name: 'Your interview is booked' }).waitFor();
  });

  it('reschedules to another offered time with a reason, then cancels with a reason', async () => {
    const booked = await page.getByTestId('interview-summary').textContent();
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByRole('heading', { name: 'Reschedule' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const newTime = await times().first().textContent();
    await times().first().click();
    await page.getByLabel('Reason (optional)').fill('A meeting moved at work.');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Confirm new time' }).click();
    await page.getByText('Your interview moved to').waitFor();
    const start = /^\d{1,2}:\d{2}/.exec(newTime ?? '')?.[0];
    const moved = await page.getByTestId('interview-summary').textContent();
    expect(moved).not.toBe(booked);
    expect(moved).toContain(start);

    // Once the stage allows no more online moves, the page says so up front instead of offering Reschedule.
    const admin = await signIn(url, 'admin@acme.test');
    const requisitions = await admin.call<{ items: { id: string; title: string }[] }>('GET', '/api/v1/requisitions?q=Senior%20Backend%20Engineer');
    const requisitionId = requisitions.items.find((r) => r.title === 'Senior Backend Engineer')!.id;
    const full = await admin.call<{ stages: { id: string; kind: string; rules: Record<string, unknown> }[] }>('GET', `/api/v1/requisitions/${requisitionId}`);
    const screen = full.stages.find((x) => x.kind === 'recruiter_screen')!;
    await admin.call('PATCH', `/api/v1/requisitions/${requisitionId}/stages/${screen.id}`, { rules: { ...screen.rules, reschedule: { cutoffHours: 24, maxByCandidate: 1 } } });
    await page.reload();
    await page.getByTestId('changes-closed').waitFor();
    expect(await page.getByTestId('changes-closed').textContent()).toContain('You have used all 1 online reschedules.');
    expect(await page.getByRole('button', { name: 'Reschedule' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Cancel interview' }).click();
    await page.getByRole('heading', { name: 'Cancel your interview' }).waitFor();
    await page.getByRole('button', { name: 'Cancel interview' }).click();
    expect(await page.getByRole('alert').filter({ hasText: 'Please tell us why' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Why are you canceling?').fill('I accepted another offer.');
    await page.getByRole('button', { name: 'Cancel interview' }).click();
    await page.getByRole('heading', { name: 'Your interview is canceled' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Canceling ends the link.
    await page.reload();
    await page.getByRole('heading', { name: 'This link can’t be used anymore' }).waitFor();
  });

  it('never receives internal data from the public API', () => {
    expect(publicBodies.length).toBeGreaterThan(3);
    for (const body of publicBodies) {
      // No emails, ids of people or records, source, notes or contact details.
      expect(body).not.toMatch(/@|job_board|referral|"(email|source|notes?|phone|interviewerIds?)":/);
      expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    }
  });

  it('explains unknown and malformed links in plain words', async () => {
    for (const token of ['x'.repeat(43), 'nope']) {
      await page.goto(`${url}/s/${token}`);
      await page.getByRole('heading', { name: 'This link can’t be used anymore' }).waitFor();
    }
    expect(await page.getByText('Your recruiter can send you a new one.').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('availability request: validates the windows and sends them', async () => {
    await askForAvailability(staff, 'Data Analyst', 'recruiter_screen');
    const { token } = await offerStage(url, staff, { requisition: 'Data Analyst', candidate: 'Kenji Tanaka', stageKind: 'recruiter_screen' });
    await page.goto(`${url}/s/${token}?tz=America/Los_Angeles`);
    await page.getByRole('heading', { name: 'When are you free?' }).waitFor();
    await page.getByRole('button', { name: 'Add another window' }).click();
    const second = page.getByTestId('time-window').nth(1);
    await second.getByLabel('To').fill('08:00');
    await page.getByRole('button', { name: 'Send my availability' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please fix the highlighted window' }).waitFor();
    expect(await second.getByText('End after the start time.').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await second.getByLabel('To').fill('17:00');
    await page.getByRole('button', { name: 'Send my availability' }).click();
    await page.getByRole('heading', { name: 'Thanks, we have your availability' }).waitFor();
    expect(await page.getByRole('listitem').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
