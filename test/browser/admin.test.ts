import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, type Browser, signInPage } from '../helpers/browser.js';
import { runCli, type CliRun } from '../helpers/process.js';
import { seriousViolations } from '../helpers/browser-setup-axe.js';

describe.runIf(browserAvailable())('the admin integration pages in Chromium', { timeout: 60_000 }, () => {
  let server: CliRun;
  let browser: Browser;
  let url: string;
  let page: Page;
  const receiver = { url: '', received: 0, server: createServer() };

  async function call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const csrf = (await page.context().cookies()).find((c) => c.name === 'lw_csrf')?.value ?? '';
    const response = await page.context().request.fetch(`${url}${route}`, { method, headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) });
    expect(response.ok(), `${method} ${route}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  let opened = 0;
  /** Opens a scheduling request (for the next application each time) through the API; it sends a `request.created` webhook. */
  async function openRequest(): Promise<void> {
    const apps = await call<{ items: { id: string; stage: { id: string } | null }[] }>('GET', '/api/v1/applications?status=active');
    const app = apps.items.filter((a) => a.stage)[opened++]!;
    await call('POST', '/api/v1/scheduling-requests', { applicationId: app.id, stageId: app.stage!.id });
  }

  beforeAll(async () => {
    receiver.server.on('request', (request, response) => {
      receiver.received += 1;
      request.resume();
      if (request.url === '/down') response.writeHead(503).end('maintenance');
      else response.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    server = runCli(['serve', '--demo', '--no-history'], { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-admin-')), PORT: '0' });
    url = await server.ready();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signInPage(page, url, 'admin@acme.test');
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill();
    receiver.server.close();
  });

  it('creates an API key whose secret is shown once, then listed by its prefix only', async () => {
    await page.goto(`${url}/admin/api-keys`);
    await page.getByText('No API keys yet').waitFor();
    await page.getByRole('button', { name: 'Create API key' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Greenhouse sync');
    await page.getByRole('radio', { name: 'Scheduling' }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secretField = page.getByRole('textbox', { name: 'API key' });
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await page.getByText('you won’t see it again').waitFor();
    await page.getByRole('button', { name: 'I have stored it' }).click();

    const row = page.getByRole('row', { name: /Greenhouse sync/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Scheduling.*Never.*Active/);
    const prefix = (await row.getByRole('code').textContent())!.replace('…', '');
    expect(secret.startsWith(prefix)).toBe(true);
    expect(await page.content()).not.toContain(secret);
  });

  it('shows the audit trail with the key’s creation and verifies the chain', async () => {
    await page.goto(`${url}/audit`);
    const created = page.getByTestId('audit-event').filter({ hasText: 'API key created' }).first();
    await created.waitFor();
    expect(await created.textContent()).toMatch(/Greenhouse sync/);
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toMatch(/intact/i);

    await page.getByRole('combobox', { name: 'Entity type' }).fill('api_key');
    await expect.poll(() => page.getByTestId('audit-event').count()).toBe(1);
  });

  it('adds a webhook endpoint, shows its secret once, and logs its deliveries with response codes', async () => {
    await page.goto(`${url}/admin/webhooks`);
    await page.getByText('No endpoints yet').waitFor();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByRole('textbox', { name: 'URL' }).fill(`${receiver.url}/hooks`);
    await page.getByRole('textbox', { name: 'Description' }).fill('ATS status sync');
    // The event types and their descriptions come from the server (GET /webhooks/event-types).
    await page.getByText('A scheduling request was opened for a stage.').waitFor();
    expect(await page.getByRole('dialog').getByRole('checkbox').count()).toBe(6);
    await page.getByRole('checkbox', { name: 'request.created' }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).last().click();
    const secret = await page.getByRole('textbox', { name: 'Signing secret' }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    const row = page.getByRole('row', { name: /ATS status sync/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/request\.created.*Active/);

    await openRequest();
    await expect.poll(() => receiver.received, { timeout: 15_000 }).toBeGreaterThan(0);
    await row.getByRole('button', { name: `${receiver.url}/hooks`, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: /Delivery log/ });
    await expect.poll(async () => {
      await drawer.getByRole('button', { name: 'Refresh' }).click();
      return drawer.textContent();
    }).toMatch(/request\.created.*Sent.*200/);
    await page.keyboard.press('Escape');
  });

  it('lists deliveries still retrying after an endpoint answered 503', async () => {
    await call('POST', '/api/v1/webhooks', { url: `${receiver.url}/down`, eventTypes: ['request.created'] });
    await openRequest();
    await page.goto(`${url}/admin/deliveries`);
    await page.getByText('No failed deliveries').waitFor();
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: /Pending/ }).click();
    await page.waitForURL('**/admin/deliveries?status=pending');
    const row = page.getByRole('row', { name: new RegExp(`${receiver.url}/down`) });
    await expect.poll(async () => {
      await page.reload();
      await page.getByRole('heading', { name: 'Failed deliveries' }).waitFor();
      await page.getByRole('table').or(page.getByText('Nothing waiting')).waitFor();
      return (await row.count()) > 0 ? row.first().textContent() : '';
    }, { timeout: 15_000 }).toMatch(/Webhook.*Pending.*request\.created.*1.*HTTP 503/);
  });

  it('has no serious or critical accessibility violations on the integration pages', async () => {
    const pages: [string, () => Promise<unknown>][] = [
      ['/admin/api-keys', () => page.getByRole('row', { name: /Greenhouse sync/ }).waitFor()],
      ['/admin/webhooks', () => page.getByRole('row', { name: /ATS status sync/ }).waitFor()],
      ['/admin/deliveries', () => page.getByRole('heading', { name: 'Failed deliveries' }).waitFor()],
      ['/audit', () => page.getByTestId('audit-event').first().waitFor()],
    ];
    const problems: string[] = [];
    for (const [route, ready] of pages) {
      await page.goto(`${url}${route}`);
      await ready();
      for (const problem of await seriousViolations(page)) problems.push(`${route}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});
