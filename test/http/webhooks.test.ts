import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/auth/actor.js';
import { unseal } from '../../src/integrations/secret-box.js';
import { verify } from '../../src/integrations/webhooks.js';
import { outboxJob } from '../../src/jobs/outbox.js';
import { webhookChannel } from '../../src/jobs/outbox-channels.js';
import { createWebhookEndpoint, enqueueWebhookEvent, secretContext } from '../../src/services/webhooks.js';
import { openTestApp, signIn, testConfig, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';

interface Endpoint {
  id: string;
  url: string;
  eventTypes: string[];
  active: boolean;
}

describe.each(backends)('webhook endpoints over HTTP on the %s database', (backend) => {
  let t: TestApp;
  let admin: Session;
  let organizationId: string;
  let receiver: Server;
  let url: string;
  const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
  const statuses: number[] = [];
  const settings = { encryptionKey: testConfig().encryptionKey, allowPrivateUrls: true };

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true });
    admin = await signIn(t.app, 'admin@acme.test');
    organizationId = (await t.database.db.selectFrom('organizations').select('id').where('name', 'like', 'Acme%').executeTakeFirstOrThrow()).id;
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requests.push({ headers: request.headers, body });
        response.writeHead(statuses.shift() ?? 204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const address = receiver.address();
    url = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}/loopwise`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await t.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${path}`, headers: admin.headers, ...(payload ? { payload } : {}) });
  const deliverAll = async () => {
    const job = outboxJob(t.database.db, { webhook: webhookChannel(t.database.db, settings) }, { baseDelayMs: 1, maxDelayMs: 1, random: () => 0.5 });
    let handled = 0;
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      handled += await job.runOnce(new Date());
    }
    return handled;
  };
  const publish = (eventId: string) =>
    t.database.db.transaction().execute((trx) => enqueueWebhookEvent(trx, systemContext(organizationId, new Date()), 'interview.booked', { interviewId: eventId }, { eventId }));

  it('creates an endpoint with a secret shown once and stored only sealed; lists, reads and updates it', async () => {
    const created = await call('POST', '/webhooks', { url, description: 'ATS sync', eventTypes: ['interview.booked'] });
    expect(created.statusCode).toBe(201);
    const { endpoint, secret } = created.json<{ endpoint: Endpoint; secret: string }>();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);

    const row = await t.database.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', endpoint.id).executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(secret.slice(6, 20));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(unseal(settings.encryptionKey, row.secret_sealed, secretContext(endpoint.id))).toBe(secret);

    for (const res of [await call('GET', '/webhooks'), await call('GET', `/webhooks/${endpoint.id}`)]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(endpoint.id);
      expect(res.body).not.toContain(secret);
      expect(res.body).not.toContain(row.secret_sealed);
    }
    const patched = await call('PATCH', `/webhooks/${endpoint.id}`, { eventTypes: ['interview.booked', 'interview.canceled'], description: null });
    expect(patched.json()).toMatchObject({ eventTypes: ['interview.booked', 'interview.canceled'], description: null, active: true });
    expect((await call('POST', '/webhooks', { url: 'ftp://example.com/x', eventTypes: ['interview.booked'] })).statusCode).toBe(400);
    expect((await call('POST', '/webhooks', { url, eventTypes: ['interview.exploded'] })).statusCode).toBe(400);
    expect((await call('POST', '/webhooks', { url, eventTypes: [] })).statusCode).toBe(400);
    await call('DELETE', `/webhooks/${endpoint.id}`);
  });

  it('lists the event types an endpoint accepts, each described, and accepts every one of them', async () => {
    const res = await call('GET', '/webhooks/event-types');
    expect(res.statusCode).toBe(200);
    const { items } = res.json<{ items: { type: string; description: string }[] }>();
    expect(items.map((i) => i.type)).toEqual(['interview.booked', 'interview.rescheduled', 'interview.canceled', 'interview.outcome_recorded', 'request.created', 'candidate.updated']);
    expect(items.find((i) => i.type === 'interview.rescheduled')?.description).toBe('A booked interview moved to a new time.');
    const created = await call('POST', '/webhooks', { url, eventTypes: items.map((i) => i.type) });
    expect(created.statusCode).toBe(201);
    await call('DELETE', `/webhooks/${created.json<{ endpoint: Endpoint }>().endpoint.id}`);
  });

  it('logs every attempt with its response code; rotation signs later deliveries with the new secret only', async () => {
    const { endpoint, secret } = (await call('POST', '/webhooks', { url, eventTypes: ['interview.booked'] })).json<{ endpoint: Endpoint; secret: string }>();
    statuses.push(500, 503);
    await publish(`evt-a-${backend}`);
    expect(await deliverAll()).toBe(3);
    const log = (await call('GET', `/webhooks/${endpoint.id}/deliveries`)).json<{ items: { status: string; attempts: number; eventId: string; lastStatusCode: number; log: { statusCode: number }[] }[] }>();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ status: 'sent', attempts: 3, eventId: `evt-a-${backend}`, lastStatusCode: 204 });
    expect(log.items[0]?.log.map((attempt) => attempt.statusCode)).toEqual([500, 503, 204]);
    expect(requests.slice(-3).every((r) => verify(secret, r.headers, r.body, new Date()).ok)).toBe(true);

    const rotated = await call('POST', `/webhooks/${endpoint.id}/rotate-secret`);
    const newSecret = rotated.json<{ secret: string }>().secret;
    expect(newSecret).not.toBe(secret);
    await publish(`evt-b-${backend}`);
    expect(await deliverAll()).toBe(1);
    const last = requests.at(-1);
    expect(last && verify(newSecret, last.headers, last.body, new Date())).toEqual({ ok: true });
    expect(last && verify(secret, last.headers, last.body, new Date())).toEqual({ ok: false, reason: 'bad_signature' });
    await call('DELETE', `/webhooks/${endpoint.id}`);
  });

  it('a disabled endpoint gets nothing; deleting cancels pending deliveries and keeps their history', async () => {
    const { endpoint } = (await call('POST', '/webhooks', { url, eventTypes: ['interview.booked'] })).json<{ endpoint: Endpoint }>();
    await call('PATCH', `/webhooks/${endpoint.id}`, { active: false });
    expect((await publish(`evt-c-${backend}`)).deliveries).toBe(0);
    await call('PATCH', `/webhooks/${endpoint.id}`, { active: true });
    expect((await publish(`evt-d-${backend}`)).deliveries).toBe(1);

    const deleted = await call('DELETE', `/webhooks/${endpoint.id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await call('GET', `/webhooks/${endpoint.id}`)).statusCode).toBe(404);
    const rows = await t.database.db.selectFrom('outbox_messages').select(['status']).where('dedupe_key', 'like', `webhook:${endpoint.id}:%`).execute();
    expect(rows).toEqual([{ status: 'canceled' }]);
    const audit = (await call('GET', '/audit')).body;
    expect(audit).toContain('webhook_endpoint.deleted');
  });

  it('refuses loopback and private URLs when private URLs are not allowed (production)', async () => {
    const ctx = { actor: { kind: 'user' as const, id: (await t.database.db.selectFrom('users').select('id').where('email', '=', 'admin@acme.test').executeTakeFirstOrThrow()).id, organizationId, role: 'admin' as const, clientId: null, name: 'Admin', sessionId: null }, ip: null, userAgent: null, now: new Date() };
    const production = { ...settings, allowPrivateUrls: false };
    await expect(createWebhookEndpoint(t.database.db, ctx, production, { url, eventTypes: ['interview.booked'] })).rejects.toThrow(/private or loopback/);
    await expect(createWebhookEndpoint(t.database.db, ctx, production, { url: 'http://169.254.169.254/latest', eventTypes: ['interview.booked'] })).rejects.toThrow(/private/);
    const { endpoint } = await createWebhookEndpoint(t.database.db, ctx, production, { url: 'https://hooks.example.com/x', eventTypes: ['request.created'] });
    expect(endpoint.url).toBe('https://hooks.example.com/x');
  });
});
