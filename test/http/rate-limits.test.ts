import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { buildApp } from '../../src/http/app.js';
import { linkRateLimit } from '../../src/http/routes/public-links.js';
import { openTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';

const token = 'T'.repeat(43);
const hit = (app: TestApp['app'], ip = '10.9.9.9') => app.inject({ method: 'GET', url: `/api/v1/public/links/${token}`, remoteAddress: ip });

describe.each(backends)('candidate-link rate limit on the %s database', (backend) => {
  let t: TestApp;
  let now = new Date('2026-12-01T12:00:00Z');

  beforeAll(async () => {
    t = await openTestApp(backend, { now: () => now });
  });
  afterAll(() => t.close());

  it('counts per IP and token in the database, stores only a hash of the key, and opens a new window after a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < linkRateLimit; i++) statuses.push((await hit(t.app)).statusCode);
    expect(new Set(statuses)).toEqual(new Set([404]));
    const limited = await hit(t.app);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBe(60);
    expect((await hit(t.app, '10.9.9.10')).statusCode, 'another IP has its own window').toBe(404);

    const rows = await t.database.db.selectFrom('rate_limit_windows').select(['key_hash', 'hits']).orderBy('hits', 'desc').execute();
    expect(rows.map((r) => r.hits)).toEqual([linkRateLimit + 1, 1]);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash) && !r.key_hash.includes(token))).toBe(true);

    now = new Date(now.getTime() + 30_000);
    expect((await hit(t.app)).statusCode, 'still inside the minute').toBe(429);
    now = new Date(now.getTime() + 30_000);
    expect((await hit(t.app)).statusCode, 'a new minute').toBe(404);
  });
});

describe.runIf(backends.includes('server'))('candidate-link rate limit across two app instances on one PostgreSQL database', () => {
  let t: TestApp;
  let second: { app: TestApp['app']; database: DatabaseHandle };
  const now = () => new Date('2026-12-01T12:00:00Z');

  beforeAll(async () => {
    t = await openTestApp('server', { now });
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.database.db);
    const url = new URL(inject('serverTemplateUrl'));
    url.pathname = `/${rows[0]!.name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    second = { app: await buildApp({ config: testConfig(), database, now }, { webDir: path.join(os.tmpdir(), 'loopwise-no-web') }), database };
  });
  afterAll(async () => {
    await second.app.close();
    await second.database.close();
    await t.close();
  });

  it('holds the limit for the sum of both instances, not per process', async () => {
    const half = linkRateLimit / 2;
    const statuses = await Promise.all(Array.from({ length: linkRateLimit }, (_, i) => hit(i < half ? t.app : second.app).then((r) => r.statusCode)));
    expect(new Set(statuses)).toEqual(new Set([404]));
    expect((await hit(second.app)).statusCode).toBe(429);
    expect((await hit(t.app)).statusCode).toBe(429);
  });
});
