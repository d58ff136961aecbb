/**
 * Screenshots of the candidate pages (phone, 390×844) and the client portal (desktop) into
 * docs/screenshots/. Starts its own server with demo data on a fresh database and serves the
 * built web app, so run `npx vite build` first:
 *
 *   npx vite build && npx tsx scripts/screenshots-candidate.ts
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser.js';
import { askForAvailability, bookFirstOption, offerStage, signIn } from '../test/helpers/browser-setup.js';
import { runCli } from '../test/helpers/process.js';

const out = path.resolve('docs/screenshots');
const zone = 'America/New_York';

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(out, name), fullPage });
  console.log(`wrote docs/screenshots/${name}`);
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const server = runCli(['serve', '--demo'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-shots-')), PORT: '0' });
  const phone = await launchBrowser({ viewport: { width: 390, height: 844 } });
  const desktop = await launchBrowser({ viewport: { width: 1280, height: 860 } });
  try {
    const url = await server.ready();
    const staff = await signIn(url, 'coordinator@acme.test');

    // Self-scheduling a recruiter screen: choose, confirm, booked, reschedule, cancel.
    const screen = await offerStage(url, staff, { requisition: 'Senior Backend Engineer', candidate: 'James Whitfield', stageKind: 'recruiter_screen', optionsCount: 8 });
    const page = await phone.context.newPage();
    await page.goto(`${url}/s/${screen.token}?tz=${zone}`);
    await page.getByRole('heading', { name: 'Choose a time' }).waitFor();
    await shot(page, 'candidate-options.png');
    await page.getByTestId('time-option').last().click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Confirm your interview' }).waitFor();
    await shot(page, 'candidate-confirm.png');
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.getByRole('heading', { name: 'Your interview is booked' }).waitFor();
    await shot(page, 'candidate-confirmed.png');
    await page.getByRole('button', { name: 'Reschedule' }).click();
    await page.getByRole('heading', { name: 'Reschedule' }).waitFor();
    await shot(page, 'candidate-reschedule.png');
    await page.getByRole('button', { name: 'Keep current time' }).click();
    await page.getByRole('button', { name: 'Cancel interview' }).click();
    await page.getByRole('button', { name: 'Cancel interview' }).click();
    await page.getByText('Please tell us why').waitFor();
    await shot(page, 'candidate-cancel.png');

    // An availability request.
    await askForAvailability(staff, 'Data Analyst', 'recruiter_screen');
    const availability = await offerStage(url, staff, { requisition: 'Data Analyst', candidate: 'Kenji Tanaka', stageKind: 'recruiter_screen' });
    await page.goto(`${url}/s/${availability.token}?tz=America/Los_Angeles`);
    await page.getByRole('heading', { name: 'When are you free?' }).waitFor();
    await page.getByRole('button', { name: 'Add another window' }).click();
    await shot(page, 'candidate-availability.png');

    // A link that no longer works.
    await page.goto(`${url}/s/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: /can’t be used/ }).waitFor();
    await shot(page, 'candidate-expired.png', false);

    // The client portal: a client interview waiting for approval, and the candidates.
    const client = await offerStage(url, staff, { requisition: 'Data Analyst', candidate: 'Maria Gonzalez', stageKind: 'client' });
    await bookFirstOption(url, client.token);
    await page.goto(`${url}/s/${client.token}?tz=America/Chicago`);
    await page.getByRole('heading', { name: 'Your requested time' }).waitFor();
    await shot(page, 'candidate-pending.png');
    const portal = await desktop.context.newPage();
    await portal.goto(`${url}/login`);
    await portal.locator('input[name=email]').fill('client@northwind.test');
    await portal.locator('input[name=password]').fill('loopwise-demo');
    await portal.getByRole('button', { name: 'Sign in' }).click();
    await portal.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interviews' }).click();
    await portal.getByTestId('pending-approval').waitFor();
    await shot(portal, 'client-approvals.png');
    await portal.getByRole('button', { name: /Propose other times/ }).click();
    await portal.getByRole('dialog').waitFor();
    await shot(portal, 'client-propose.png', false);
    await portal.keyboard.press('Escape');
    await portal.getByRole('link', { name: 'Candidates' }).click();
    await portal.getByRole('heading', { name: 'Data Analyst' }).waitFor();
    await shot(portal, 'client-candidates.png');
  } finally {
    await phone.close();
    await desktop.close();
    server.kill();
  }
}

await main();
