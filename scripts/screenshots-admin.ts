/**
 * One-off: screenshots of the admin integration pages and the audit trail for docs/screenshots/,
 * against a fresh demo server. Run `npx vite build` first, then `npx tsx scripts/screenshots-admin.ts`.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser.js';
import { runCli } from '../test/helpers/process.js';

const out = path.resolve('docs/screenshots');

async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'lw_csrf')?.value ?? '';
  const response = await page.context().request.fetch(url, { method, headers: { 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, data: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function main(): Promise<void> {
  const server = runCli(['serve', '--demo'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-shots-')), PORT: '0' });
  const url = await server.ready();
  const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${url}/login`);
    await page.getByLabel('Email').fill('admin@acme.test');
    await page.getByRole('textbox', { name: 'Password' }).fill('loopwise-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    const keys = [['Greenhouse sync', 'scheduling'], ['Reporting warehouse', 'read'], ['Old Lever import', 'admin']] as const;
    const created = [];
    for (const [name, scope] of keys) created.push(await api<{ apiKey: { id: string } }>(page, 'POST', `${url}/api/v1/api-keys`, { name, scope }));
    await api(page, 'POST', `${url}/api/v1/api-keys/${created[2]!.apiKey.id}/revoke`);
    await api(page, 'POST', `${url}/api/v1/webhooks`, { url: 'https://hooks.example.com/loopwise', description: 'ATS status sync', eventTypes: ['interview.booked', 'interview.canceled', 'interview.rescheduled'] });
    await api(page, 'PATCH', `${url}/api/v1/organization`, { name: 'Acme Talent' });

    await page.goto(`${url}/admin/api-keys`);
    await page.getByRole('row', { name: /Greenhouse sync/ }).waitFor();
    await page.screenshot({ path: `${out}/api-keys.png`, fullPage: true });


    await page.goto(`${url}/admin/webhooks`);
    await page.getByRole('row', { name: /ATS status sync/ }).waitFor();
    await page.screenshot({ path: `${out}/webhooks.png` });

    await page.goto(`${url}/audit`);
    await page.getByTestId('audit-event').first().waitFor();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByTestId('verify-result').waitFor();
    await page.screenshot({ path: `${out}/audit.png` });
    console.log(`Screenshots written to ${out}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
