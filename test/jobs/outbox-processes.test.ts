import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemContext } from '../../src/auth/actor.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { seal } from '../../src/integrations/secret-box.js';
import { newWebhookSecret } from '../../src/integrations/webhooks.js';
import { enqueueEmail } from '../../src/services/email-outbox.js';
import { enqueueWebhookEvent, secretContext } from '../../src/services/webhooks.js';
import { runCli, type CliRun } from '../helpers/process.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

// Several processes share one queue only through a PostgreSQL server (DESIGN §8).
const templateUrl = inject('serverTemplateUrl');
const encryptionKey = Buffer.alloc(32, 9);
const host = 'loopwise.test';

describe.skipIf(!templateUrl)('loopwise worker processes against one PostgreSQL server', () => {
  const template = new URL(templateUrl || 'postgres://localhost/unused');
  const admin = new pg.Client({ connectionString: new URL('/postgres', template).toString() });
  const runs: CliRun[] = [];
  const databases: { name: string; handle: DatabaseHandle }[] = [];
  let smtp: TestSmtpServer | undefined;

  beforeAll(() => admin.connect());
  afterEach(async () => {
    for (const run of runs.splice(0)) run.kill();
    await smtp?.close();
    smtp = undefined;
  });
  afterAll(async () => {
    for (const { name, handle } of databases) {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    await admin.end();
  });

  async function freshDatabase(suffix: string): Promise<{ url: string; db: DatabaseHandle['db']; organizationId: string }> {
    const name = `${template.pathname.slice(1).replace('_tpl_', '_t_')}_outbox_${suffix}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.pathname.slice(1)}`);
    const url = new URL(template);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString() });
    databases.push({ name, handle });
    const org = await handle.db.insertInto('organizations').values({ name: 'Workers', default_time_zone: 'UTC' }).returning('id').executeTakeFirstOrThrow();
    return { url: url.toString(), db: handle.db, organizationId: org.id };
  }

  async function enqueueEmails(db: DatabaseHandle['db'], organizationId: string, count: number): Promise<void> {
    const now = new Date();
    await db.transaction().execute(async (trx) => {
      for (let n = 0; n < count; n++) {
        await enqueueEmail(trx, { organizationId, dedupeKey: `bulk:${n}`, now, message: { to: `person${n}@example.com`, subject: `Message ${n}`, text: `Body ${n}`, html: `<p>${n}</p>`, template: 'test' } });
      }
    });
  }

  function startWorker(databaseUrl: string, smtpUrl: string): CliRun {
    const run = runCli(['worker'], {
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtpUrl,
      PUBLIC_URL: `https://${host}`,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'lw-worker-')),
      SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
      ENCRYPTION_KEY: encryptionKey.toString('base64'),
      WORKER_POLL_MS: '100',
      OUTBOX_LEASE_SECONDS: '2',
    });
    runs.push(run);
    return run;
  }

  async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const unsent = async (db: DatabaseHandle['db']) =>
    Number((await db.selectFrom('outbox_messages').select((eb) => eb.fn.countAll().as('n')).where('status', '!=', 'sent').executeTakeFirstOrThrow()).n);

  it('loses nothing when a worker is killed with SIGKILL mid-batch; a resent message keeps its Message-ID', async () => {
    const { url, db, organizationId } = await freshDatabase('kill');
    const total = 30;
    await enqueueEmails(db, organizationId, total);
    // Each 250 reply waits, so the kill lands while messages are received but not yet acknowledged.
    smtp = await startSmtpServer(0, { acceptDelayMs: 150 });
    const first = startWorker(url, smtp.url);
    await smtp.waitFor(12, 60_000);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await unsent(db), 'the kill interrupted the run').toBeGreaterThan(0);

    startWorker(url, smtp.url);
    await until('every row sent', async () => (await unsent(db)) === 0);

    const rows = await db.selectFrom('outbox_messages').select(['id', 'status']).execute();
    const byMessageId = new Map<string, number>();
    for (const mail of smtp.received) byMessageId.set(mail.messageId, (byMessageId.get(mail.messageId) ?? 0) + 1);
    // Nothing lost: every row reached the server, under the Message-ID derived from the row.
    expect([...byMessageId.keys()].sort()).toEqual(rows.map((row) => `<${row.id}@${host}>`).sort());
    // At-least-once: only messages in flight at the kill can arrive twice, and then with the same
    // Message-ID, which is what receivers dedupe on.
    const resent = [...byMessageId.values()].filter((count) => count > 1);
    expect(resent.every((count) => count === 2)).toBe(true);
    expect(resent.length).toBeLessThanOrEqual(10);
    expect(smtp.received).toHaveLength(total + resent.length);
  });

  it('two workers never deliver the same row twice (emails and webhooks)', async () => {
    const { url, db, organizationId } = await freshDatabase('pair');
    const hooks: string[] = [];
    const receiver: Server = createServer((request, response) => {
      hooks.push(String(request.headers['webhook-id']));
      request.resume();
      request.on('end', () => setTimeout(() => response.writeHead(200).end(), 20));
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const address = receiver.address();
    const port = address && typeof address === 'object' ? address.port : 0;
    try {
      const endpointId = '7d2f64a4-5a57-4a8d-bb39-3c1b1d3f0c01';
      await db
        .insertInto('webhook_endpoints')
        .values({ id: endpointId, organization_id: organizationId, url: `http://127.0.0.1:${port}/hook`, event_types: ['interview.booked'], secret_sealed: seal(encryptionKey, newWebhookSecret(), secretContext(endpointId)) })
        .execute();
      await enqueueEmails(db, organizationId, 60);
      await db.transaction().execute(async (trx) => {
        for (let n = 0; n < 30; n++) await enqueueWebhookEvent(trx, systemContext(organizationId, new Date()), 'interview.booked', { n });
      });
      smtp = await startSmtpServer(0, { acceptDelayMs: 20 });
      startWorker(url, `${smtp.url}?name=worker-a`);
      startWorker(url, `${smtp.url}?name=worker-b`);
      await until('every row sent', async () => (await unsent(db)) === 0, 90_000);

      const counts = new Map<string, number>();
      for (const mail of smtp.received) counts.set(mail.messageId, (counts.get(mail.messageId) ?? 0) + 1);
      expect(counts.size).toBe(60);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
      expect(new Set(hooks).size).toBe(30);
      expect(hooks).toHaveLength(30);
      expect(new Set(smtp.received.map((mail) => mail.clientName))).toEqual(new Set(['worker-a', 'worker-b']));
      const attempts = await db.selectFrom('outbox_messages').select('attempts').distinct().execute();
      expect(attempts).toEqual([{ attempts: 1 }]);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
