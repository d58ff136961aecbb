import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config, type Env } from '../../src/config.js';
import type { Backend, DatabaseHandle } from '../../src/db/connection.js';
import { buildApp } from '../../src/http/app.js';
import { demoPassword, seedDemo } from '../../src/services/demo.js';
import { openTestDatabase } from './db.js';

export function testConfig(overrides: Env = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'loopwise-test-')),
    SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
    ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** The real HTTP app over a fresh database of the given backend, for `app.inject()` tests. */
export async function openTestApp(
  backend: Backend,
  options: { now?: () => Date; webDir?: string; demo?: boolean } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(backend);
  if (options.demo) await seedDemo(database.db);
  const app = await buildApp(
    { config: testConfig(), database, now: options.now ?? (() => new Date()) },
    { webDir: options.webDir ?? path.join(os.tmpdir(), 'loopwise-no-web') },
  );
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  /** Headers for a signed-in, CSRF-valid request. */
  headers: Record<string, string>;
  cookie: string;
  csrf: string;
}

/** Signs in through the real login route, with the demo password unless told otherwise. */
export async function signIn(app: FastifyInstance, email: string, password = demoPassword): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  const cookie = `lw_session=${cookies.lw_session}; lw_csrf=${cookies.lw_csrf}`;
  const csrf = String(cookies.lw_csrf);
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
