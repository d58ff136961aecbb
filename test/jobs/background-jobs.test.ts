import { existsSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { backgroundJobs } from '../../src/jobs/index.js';
import { enqueueEmail } from '../../src/services/email-outbox.js';
import { testConfig } from '../helpers/app.js';
import { openTestDatabase } from '../helpers/db.js';

describe('the background jobs as serve and worker run them', () => {
  let database: DatabaseHandle;
  let organizationId: string;

  beforeAll(async () => {
    database = await openTestDatabase('embedded');
    organizationId = (await database.db.insertInto('organizations').values({ name: 'Jobs', default_time_zone: 'UTC' }).returning('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => database.close());

  async function queue(key: string) {
    const now = new Date();
    await database.db.transaction().execute((trx) => enqueueEmail(trx, { organizationId, dedupeKey: key, now, message: { to: 'x@example.com', subject: key, text: 'x', html: 'x', template: 'test' } }));
    return database.db.selectFrom('outbox_messages').select(['id', 'status']).where('dedupe_key', '=', key);
  }

  it('writes .eml files in development without SMTP_URL', async () => {
    const config = testConfig({ NODE_ENV: 'development' });
    const row = await queue('dev');
    const outbox = backgroundJobs({ config, database, logger: pino({ level: 'silent' }) }).find((job) => job.name === 'outbox');
    expect(await outbox?.runOnce(new Date())).toBe(1);
    const { id, status } = await row.executeTakeFirstOrThrow();
    expect(status).toBe('sent');
    expect(existsSync(path.join(config.dataDir, 'mail', `${id}.eml`))).toBe(true);
  });

  it('keeps emails queued in production without SMTP_URL instead of pretending they were sent', async () => {
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    const row = await queue('prod');
    const outbox = backgroundJobs({ config: testConfig({ NODE_ENV: 'production' }), database, logger }).find((job) => job.name === 'outbox');
    expect(await outbox?.runOnce(new Date(Date.now() + 60_000))).toBe(0);
    expect((await row.executeTakeFirstOrThrow()).status).toBe('pending');
    expect(warnings.join('')).toContain('SMTP_URL is not set');
  });
});
