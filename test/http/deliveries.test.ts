import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, mailDirectory } from '../../src/integrations/smtp.js';
import { outboxJob } from '../../src/jobs/outbox.js';
import { emailChannel } from '../../src/jobs/outbox-channels.js';
import { enqueueEmail } from '../../src/services/email-outbox.js';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { freePort, startSmtpServer } from '../helpers/smtp.js';

describe.each(backends)('failed deliveries over HTTP on the %s database', (backend) => {
  let t: TestApp;
  let admin: Session;
  let organizationId: string;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true });
    admin = await signIn(t.app, 'admin@acme.test');
    organizationId = (await t.database.db.selectFrom('organizations').select('id').where('name', 'like', 'Acme%').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  const get = (url: string, session: Session = admin) => t.app.inject({ method: 'GET', url, headers: session.headers });
  const post = (url: string, session: Session = admin) => t.app.inject({ method: 'POST', url, headers: session.headers });

  it('lists a delivery that ran out of attempts; an admin retry sends it exactly once and is audited', async () => {
    const port = await freePort();
    const now = new Date();
    await t.database.db.transaction().execute((trx) =>
      enqueueEmail(trx, { organizationId, dedupeKey: `retry-api:${backend}`, now, message: { to: 'gil@example.com', subject: 'Your interview', text: 'Hi', html: '<p>Hi</p>', template: 'test' } }),
    );
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailDir: '/nonexistent', host: 'loopwise.test' });
    const job = outboxJob(t.database.db, { email: emailChannel(mailer, 'loopwise.test') }, { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 });
    await job.runOnce(now);
    await job.runOnce(new Date(now.getTime() + 1000));

    const failed = await get('/api/v1/deliveries?status=failed');
    expect(failed.statusCode).toBe(200);
    const item = failed.json<{ items: { id: string; recipient: string; subject: string; status: string; attempts: number; lastError: string }[] }>().items.find((d) => d.recipient === 'gil@example.com');
    expect(item).toMatchObject({ subject: 'Your interview', status: 'failed', attempts: 2 });
    expect(item?.lastError).toMatch(/ECONNREFUSED/);
    const id = item?.id ?? '';

    expect((await post(`/api/v1/deliveries/${id}/retry`, await signIn(t.app, 'recruiter@acme.test'))).statusCode).toBe(404);
    const retried = await post(`/api/v1/deliveries/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0, lastError: expect.stringMatching(/ECONNREFUSED/) as unknown });
    expect((await post(`/api/v1/deliveries/${id}/retry`)).statusCode, 'only failed ones').toBe(409);

    const smtp = await startSmtpServer(port);
    try {
      expect(await job.runOnce(new Date())).toBe(1);
      await smtp.waitFor(1);
      expect(await job.runOnce(new Date(Date.now() + 3_600_000))).toBe(0);
      expect(smtp.received.map((mail) => mail.envelopeTo)).toEqual([['gil@example.com']]);
    } finally {
      await smtp.close();
    }
    const sent = await get('/api/v1/deliveries?channel=email&status=sent');
    expect(sent.json<{ items: { id: string }[] }>().items.map((d) => d.id)).toContain(id);
    const audit = await get(`/api/v1/audit?entityType=outbox_message`);
    expect(audit.body).toContain('delivery.retried');
  });

  it('pages with a cursor and validates filters', async () => {
    const now = new Date();
    await t.database.db.transaction().execute(async (trx) => {
      for (const n of [1, 2, 3]) {
        await enqueueEmail(trx, { organizationId, dedupeKey: `page:${backend}:${n}`, now: new Date(now.getTime() + n), message: { to: `p${n}@example.com`, subject: 'Page', text: 'x', html: 'x', template: 'test' } });
      }
    });
    const first = (await get('/api/v1/deliveries?status=pending&limit=2')).json<{ items: { recipient: string }[]; nextCursor: string }>();
    expect(first.items.map((d) => d.recipient)).toEqual(['p3@example.com', 'p2@example.com']);
    const second = (await get(`/api/v1/deliveries?status=pending&limit=2&cursor=${first.nextCursor}`)).json<{ items: { recipient: string }[] }>();
    expect(second.items[0]?.recipient).toBe('p1@example.com');
    expect((await get('/api/v1/deliveries?status=lost')).statusCode).toBe(400);
  });

  it('shows delivery state in the dev mailbox and serves the .eml the worker wrote', async () => {
    const now = new Date();
    await t.database.db.transaction().execute(async (trx) => {
      await enqueueEmail(trx, { organizationId, dedupeKey: `dev:${backend}`, now, message: { to: 'dev@example.com', subject: 'Dev invite', text: 'See attached', html: '<p>See attached</p>', template: 'interview.booked', calendar: { method: 'REQUEST', ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' } } });
      await enqueueEmail(trx, { organizationId, dedupeKey: `dev-later:${backend}`, now: new Date(now.getTime() + 60_000), message: { to: 'later@example.com', subject: 'Later', text: 'x', html: 'x', template: 'test' } });
    });
    const mailer = createMailer({ smtpUrl: undefined, mailDir: mailDirectory(t.app.deps.config.dataDir), host: 'localhost' });
    await outboxJob(t.database.db, { email: emailChannel(mailer, 'localhost') }).runOnce(now);

    const items = (await t.app.inject({ method: 'GET', url: '/dev/mail.json' })).json<{ items: { id: string; to: string; status: string; emlUrl: string | null; calendarMethod: string | null }[] }>().items;
    const sent = items.find((item) => item.to === 'dev@example.com');
    const later = items.find((item) => item.to === 'later@example.com');
    expect(sent).toMatchObject({ status: 'sent', calendarMethod: 'REQUEST', emlUrl: `/dev/mail/${sent?.id}.eml` });
    expect(later).toMatchObject({ status: 'pending', emlUrl: null });

    const page = (await t.app.inject({ method: 'GET', url: '/dev/mail' })).body;
    expect(page).toContain(`<a href="/dev/mail/${sent?.id}.eml">.eml</a>`);
    expect(page).toContain('calendar invite (REQUEST)');
    expect(page).toMatch(/pending, 0 attempts, next try/);

    const eml = await t.app.inject({ method: 'GET', url: sent?.emlUrl ?? '' });
    expect(eml.statusCode).toBe(200);
    expect(eml.headers['content-type']).toContain('message/rfc822');
    expect(eml.body).toContain(`Message-ID: <${sent?.id}@localhost>`);
    expect(eml.body).toContain('Content-Type: text/calendar; charset=utf-8; method=REQUEST');
    expect((await t.app.inject({ method: 'GET', url: `/dev/mail/${later?.id}.eml` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/dev/mail/..%2Fsecrets.json' })).statusCode).toBe(400);
  });
});
