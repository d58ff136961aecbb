import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/auth/actor.js';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { interviewInvite } from '../../src/integrations/ical.js';
import { createMailer } from '../../src/integrations/smtp.js';
import { verify } from '../../src/integrations/webhooks.js';
import { outboxJob, type ChannelAdapter, type DeliveryOutcome } from '../../src/jobs/outbox.js';
import { emailChannel, webhookChannel } from '../../src/jobs/outbox-channels.js';
import { enqueueEmail } from '../../src/services/email-outbox.js';
import { createWebhookEndpoint, enqueueWebhookEvent } from '../../src/services/webhooks.js';
import { backends, openTestDatabase } from '../helpers/db.js';
import { freePort, startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

const host = 'loopwise.test';
const fast = { baseDelayMs: 1_000, maxDelayMs: 60_000, leaseMs: 30_000, random: () => 0.5 };
const settings = { encryptionKey: Buffer.alloc(32, 7), allowPrivateUrls: true };
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

async function makeOrganization(database: DatabaseHandle): Promise<string> {
  const row = await database.db.insertInto('organizations').values({ name: 'Outbox Org', default_time_zone: 'Europe/London' }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function email(to: string, subject: string) {
  return { to, subject, text: `Hello ${to}\nSee you soon.`, html: `<p>Hello ${to}</p>`, template: 'test' };
}

async function rowsOf(database: DatabaseHandle) {
  return database.db.selectFrom('outbox_messages').selectAll().orderBy('created_at').orderBy('dedupe_key').execute();
}

describe.each(backends)('outbox delivery on the %s database', (backend) => {
  let database: DatabaseHandle;
  let organizationId: string;
  let smtp: TestSmtpServer | undefined;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    organizationId = await makeOrganization(database);
  });
  afterAll(() => database.close());
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
    await database.db.deleteFrom('outbox_messages').execute();
  });

  it('sends queued emails over SMTP with a stable Message-ID and a calendar invite that calendars can read', async () => {
    smtp = await startSmtpServer();
    const now = new Date();
    const ics = interviewInvite({
      interviewId: '0b7c1f9e-3f4c-4a8e-9a43-2d4b1f6f7a10',
      sequence: 3,
      method: 'REQUEST',
      title: 'Interview: Backend Engineer',
      sessions: [{ name: 'Technical', start: new Date('2026-12-01T15:00:00Z'), end: new Date('2026-12-01T16:00:00Z') }],
      location: 'https://meet.example.com/x',
      organizer: { name: 'Acme Staffing', email: 'coordinator@acme.test' },
      attendees: [{ name: 'Ana Candidate', email: 'ana@example.com' }],
      host,
      stamp: now,
    });
    await database.db.transaction().execute(async (trx) => {
      await enqueueEmail(trx, { organizationId, dedupeKey: 'invite:ana', now, message: { ...email('ana@example.com', 'Your interview on Tue 1 Dec, 15:00 GMT'), calendar: { method: 'REQUEST', ics } } });
      await enqueueEmail(trx, { organizationId, dedupeKey: 'plain:bo', now, message: email('bo@example.com', 'Welcome to Loopwise') });
    });
    const job = outboxJob(database.db, { email: emailChannel(createMailer({ smtpUrl: smtp.url, mailDir: '/nonexistent', host }), host) }, fast);

    expect(await job.runOnce(now)).toBe(2);
    const received = await smtp.waitFor(2);
    expect(await job.runOnce(at(now, 60_000))).toBe(0);

    const rows = await rowsOf(database);
    expect(rows.map((row) => [row.status, row.attempts, row.sent_at?.toISOString()])).toEqual([
      ['sent', 1, now.toISOString()],
      ['sent', 1, now.toISOString()],
    ]);
    const invite = received.find((mail) => mail.envelopeTo.includes('ana@example.com'));
    const plain = received.find((mail) => mail.envelopeTo.includes('bo@example.com'));
    expect(invite?.subject).toBe('Your interview on Tue 1 Dec, 15:00 GMT');
    expect(invite?.messageId).toBe(`<${rows.find((r) => r.dedupe_key === 'invite:ana')?.id}@${host}>`);
    expect(invite?.text).toContain('See you soon.');
    expect(invite?.html).toContain('<p>Hello ana@example.com</p>');
    expect(invite?.calendar?.method).toBe('REQUEST');
    const vevent = new ICAL.Component(ICAL.parse(invite?.calendar?.ics ?? '') as unknown[]);
    const event = new ICAL.Event(vevent.getFirstSubcomponent('vevent') ?? undefined);
    expect(vevent.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`interview-0b7c1f9e-3f4c-4a8e-9a43-2d4b1f6f7a10@${host}`);
    expect(event.sequence).toBe(3);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(plain?.calendar).toBeUndefined();
    expect(plain?.header('from')).toContain(`no-reply@${host}`);
  });

  it('retries with growing, jittered delays while SMTP refuses connections, then delivers exactly once', async () => {
    const port = await freePort();
    const now = new Date();
    await database.db.transaction().execute((trx) => enqueueEmail(trx, { organizationId, dedupeKey: 'retry:1', now, message: email('cy@example.com', 'Retry me') }));
    const job = outboxJob(database.db, { email: emailChannel(createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailDir: '/nonexistent', host }), host) }, { ...fast, random: Math.random });

    expect(await job.runOnce(now)).toBe(1);
    let [row] = await rowsOf(database);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, claimed_until: null });
    expect(row?.last_error).toMatch(/ECONNREFUSED/);
    const firstDelay = (row?.deliver_after.getTime() ?? 0) - now.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(800);
    expect(firstDelay).toBeLessThanOrEqual(1200);
    expect(await job.runOnce(at(now, 500)), 'not due yet').toBe(0);

    const second = row?.deliver_after ?? now;
    expect(await job.runOnce(second)).toBe(1);
    [row] = await rowsOf(database);
    const secondDelay = (row?.deliver_after.getTime() ?? 0) - second.getTime();
    expect(row?.attempts).toBe(2);
    expect(secondDelay).toBeGreaterThanOrEqual(1600);
    expect(secondDelay).toBeLessThanOrEqual(2400);

    smtp = await startSmtpServer(port);
    expect(await job.runOnce(row?.deliver_after ?? now)).toBe(1);
    await smtp.waitFor(1);
    expect(await job.runOnce(at(now, 3_600_000))).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.received).toHaveLength(1);
    [row] = await rowsOf(database);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
  });

  it('gives up after the attempt limit and leaves the row failed', async () => {
    const now = new Date();
    await database.db.transaction().execute((trx) => enqueueEmail(trx, { organizationId, dedupeKey: 'fail:1', now, message: email('dee@example.com', 'Never') }));
    const refusing: ChannelAdapter = { deliver: () => Promise.reject(new Error('550 mailbox unavailable')) };
    const job = outboxJob(database.db, { email: refusing }, { ...fast, maxAttempts: 2 });
    expect(await job.runOnce(now)).toBe(1);
    expect(await job.runOnce(at(now, 10_000))).toBe(1);
    expect(await job.runOnce(at(now, 3_600_000))).toBe(0);
    const [row] = await rowsOf(database);
    expect(row).toMatchObject({ status: 'failed', attempts: 2, last_error: '550 mailbox unavailable', sent_at: null });
  });

  it('hands a stuck claim to another worker after the lease; the late worker’s result is ignored', async () => {
    const now = new Date();
    await database.db.transaction().execute((trx) => enqueueEmail(trx, { organizationId, dedupeKey: 'lease:1', now, message: email('eve@example.com', 'Lease') }));
    let release: (outcome: DeliveryOutcome) => void = () => undefined;
    const stuck: ChannelAdapter = { deliver: () => new Promise((resolve) => (release = resolve)) };
    const delivered: string[] = [];
    const healthy: ChannelAdapter = { deliver: async (message) => (delivered.push(message.id), { kind: 'sent' }) };

    const first = outboxJob(database.db, { email: stuck }, fast).runOnce(now);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = outboxJob(database.db, { email: healthy }, fast);
    expect(await second.runOnce(at(now, 1_000)), 'claimed by the first worker').toBe(0);
    expect(await second.runOnce(at(now, fast.leaseMs + 1))).toBe(1);
    release({ kind: 'retry', error: 'late failure' });
    await first;

    const [row] = await rowsOf(database);
    expect(delivered).toEqual([row?.id]);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('writes .eml files when no SMTP server is configured (development)', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'loopwise-mail-'));
    const now = new Date();
    await database.db.transaction().execute((trx) => enqueueEmail(trx, { organizationId, dedupeKey: 'dev:1', now, message: email('fay@example.com', 'Dev mail') }));
    const job = outboxJob(database.db, { email: emailChannel(createMailer({ smtpUrl: undefined, mailDir: path.join(dataDir, 'mail'), host }), host) }, fast);
    expect(await job.runOnce(now)).toBe(1);
    const [row] = await rowsOf(database);
    const file = path.join(dataDir, 'mail', `${row?.id}.eml`);
    expect(row?.status).toBe('sent');
    expect(existsSync(file)).toBe(true);
    const eml = readFileSync(file, 'utf8');
    expect(eml).toContain(`Message-ID: <${row?.id}@${host}>`);
    expect(eml).toContain('Subject: Dev mail');
  });

  describe('webhooks', () => {
    let receiver: Server;
    let url: string;
    const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
    const statuses: number[] = [];

    beforeAll(async () => {
      receiver = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
          requests.push({ headers: request.headers, body });
          response.writeHead(statuses.shift() ?? 200).end('ok');
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const address = receiver.address();
      url = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}/hooks`;
    });
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    it('retries a 500, records one success and every attempt with its status; signatures verify and the webhook-id stays', async () => {
      const now = new Date();
      const ctx = systemContext(organizationId, now);
      const admin = await database.db.insertInto('users').values({ organization_id: organizationId, email: `admin-${backend}@outbox.test`, name: 'Admin', role: 'admin', time_zone: 'UTC' }).returning('id').executeTakeFirstOrThrow();
      const adminCtx = { ...ctx, actor: { kind: 'user' as const, id: admin.id, organizationId, role: 'admin' as const, clientId: null, name: 'Admin', sessionId: null } };
      const { endpoint, secret } = await createWebhookEndpoint(database.db, adminCtx, settings, { url, eventTypes: ['interview.booked'] });
      // An endpoint subscribed to another event type gets nothing.
      await database.db.insertInto('webhook_endpoints').values({ organization_id: organizationId, url, event_types: ['interview.canceled'], secret_sealed: 'v1.x.y.z' }).execute();
      const enqueued = await database.db.transaction().execute((trx) => enqueueWebhookEvent(trx, ctx, 'interview.booked', { interviewId: 'abc' }, { eventId: 'evt_1' }));
      const again = await database.db.transaction().execute((trx) => enqueueWebhookEvent(trx, ctx, 'interview.booked', { interviewId: 'abc' }, { eventId: 'evt_1' }));
      expect([enqueued.deliveries, again.deliveries]).toEqual([1, 0]);

      statuses.push(500);
      const job = outboxJob(database.db, { webhook: webhookChannel(database.db, settings) }, fast);
      expect(await job.runOnce(now)).toBe(1);
      let [row] = await rowsOf(database);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, webhook_endpoint_id: endpoint.id });
      expect(await job.runOnce(row?.deliver_after ?? now)).toBe(1);
      [row] = await rowsOf(database);
      expect(row).toMatchObject({ status: 'sent', attempts: 2, last_status_code: 200, last_error: null });

      const attempts = await database.db.selectFrom('webhook_attempts').select(['status_code', 'error']).where('outbox_message_id', '=', row?.id ?? '').orderBy('attempted_at').execute();
      expect(attempts).toEqual([
        { status_code: 500, error: 'The endpoint answered HTTP 500.' },
        { status_code: 200, error: null },
      ]);
      expect(requests).toHaveLength(2);
      expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([`msg_${row?.id}`]));
      for (const request of requests) {
        expect(verify(secret, request.headers, request.body, new Date())).toEqual({ ok: true });
        expect(verify(secret, request.headers, request.body, new Date(Date.now() + 6 * 60_000))).toEqual({ ok: false, reason: 'timestamp_out_of_range' });
      }
      expect(JSON.parse(requests[0]?.body ?? '{}')).toEqual({ type: 'interview.booked', timestamp: now.toISOString(), data: { interviewId: 'abc' } });
      expect(requests[1]?.body).toBe(requests[0]?.body);
    });
  });
});
