/**
 * One-off: screenshots of the internal workspace for docs/screenshots/, against a fresh demo
 * server. Run `npx vite build` first, then `npx tsx scripts/screenshots-workspace.ts`.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser.js';
import { runCli } from '../test/helpers/process.js';

const out = path.resolve('docs/screenshots');

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill('loopwise-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'lw_csrf')?.value ?? '';
  const response = await page.context().request.fetch(url, { method, headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

type App = { id: string; candidate: { id: string; name: string }; stage: { id: string; kind: string } | null; requisition: { id: string } };

async function main(): Promise<void> {
  const server = runCli(['serve', '--demo'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-shots-')), PORT: '0' });
  const url = await server.ready();
  const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await browser.context.newPage();
    await signIn(page, url, 'coordinator@acme.test');
    const apps = await api<{ items: App[] }>(page, 'GET', `${url}/api/v1/applications?status=active`);
    const panel = apps.items.find((a) => a.stage?.kind === 'panel')!;
    await api(page, 'PATCH', `${url}/api/v1/candidates/${panel.candidate.id}`, { timeZone: 'America/New_York' });
    const request = await api<{ id: string }>(page, 'POST', `${url}/api/v1/scheduling-requests`, { applicationId: panel.id, stageId: panel.stage!.id });
    let firstStart = '';
    for (const app of apps.items.filter((a) => a.stage?.kind === 'recruiter_screen' || a.stage?.kind === 'hiring_manager')) {
      const created = await api<{ id: string }>(page, 'POST', `${url}/api/v1/scheduling-requests`, { applicationId: app.id, stageId: app.stage!.id });
      const options = await api<{ options: { id: string; start: string }[] }>(page, 'GET', `${url}/api/v1/scheduling-requests/${created.id}/options`);
      if (options.options[0] && app.stage?.kind === 'recruiter_screen') {
        await api(page, 'POST', `${url}/api/v1/scheduling-requests/${created.id}/book`, { optionId: options.options[0].id });
        firstStart ||= options.options[0].start;
      }
    }

    await page.goto(`${url}/queue?view=open`);
    await page.getByRole('link', { name: panel.candidate.name }).first().waitFor();
    await page.getByText('All open').click();
    await page.screenshot({ path: `${out}/queue.png`, fullPage: true });

    await page.goto(`${url}/requests/${request.id}`);
    await page.getByTestId('solver-option').first().waitFor();
    await page.getByText(/Load: /).first().waitFor();
    await page.screenshot({ path: `${out}/request-options.png`, fullPage: true });

    await page.goto(`${url}/requisitions/${panel.requisition.id}?stage=${panel.stage!.id}`);
    await page.getByTestId('stage-editor').waitFor();
    await page.screenshot({ path: `${out}/stage-editor.png`, fullPage: true });

    const monday = new Date(Date.parse(firstStart || new Date().toISOString()));
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    await page.goto(`${url}/calendar?week=${monday.toISOString().slice(0, 10)}`);
    await page.getByRole('listitem').first().waitFor();
    await page.screenshot({ path: `${out}/calendar.png`, fullPage: true });

    await page.goto(`${url}/candidates/${panel.candidate.id}`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/candidate-workspace.png`, fullPage: true });

    await page.context().clearCookies();
    await signIn(page, url, 'interviewer2@acme.test');
    await page.goto(`${url}/my/availability`);
    await page.getByRole('heading', { name: /Weekly hours/ }).waitFor();
    await page.screenshot({ path: `${out}/availability.png`, fullPage: true });
    console.log(`Screenshots written to ${out}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
