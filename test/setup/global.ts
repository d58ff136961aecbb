import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, pgliteOptions } from '../../src/db/connection.js';
import { migrateToLatest } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated embedded database, as a tarball every test file starts from. */
    embeddedSnapshot: string;
    /** A migrated template database on the PostgreSQL server, or '' when the server tier is skipped. */
    serverTemplateUrl: string;
  }
}

const tmpDir = path.resolve('.test-tmp', `run-${process.pid}`);
export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(tmpDir, { recursive: true });
  project.provide('embeddedSnapshot', await snapshotEmbedded());
  const template = await createServerTemplate();
  project.provide('serverTemplateUrl', template?.url ?? '');
  return async () => {
    await template?.drop();
    rmSync(tmpDir, { recursive: true, force: true });
  };
}

async function snapshotEmbedded(): Promise<string> {
  const pglite = await PGlite.create(pgliteOptions);
  const database = await openDatabase({ pglite });
  await migrateToLatest(database.db);
  const file = path.join(tmpDir, 'embedded.tar.gz');
  writeFileSync(file, Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer()));
  await database.close();
  return file;
}

async function createServerTemplate(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL server tier is required under CI=true: ${String(error)}`);
    console.warn(`\n[tests] PostgreSQL server at ${serverUrl} is unreachable (${String(error)}): skipping the server tier.\n`);
    return undefined;
  }
  const name = `loopwise_tpl_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ databaseUrl: url });
  await migrateToLatest(database.db);
  await database.close();
  return {
    url,
    drop: async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`loopwise_t%_${process.pid}%`],
      );
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
