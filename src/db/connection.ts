import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PGliteDialect, PostgresDialect, sql, type Dialect } from 'kysely';
import pg from 'pg';
import { withConflictMapping } from './errors.js';
import { lockDataDir } from './lock.js';
import type { Database } from './schema.js';

export type Backend = 'embedded' | 'server';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly backend: Backend;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;
/** Both backends return 64-bit integers as numbers and dates as 'YYYY-MM-DD' strings. */
const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: (value) => Number(value),
  [DATE]: (value) => value,
};

/** Options that every embedded database must be opened with (btree_gist backs the exclusion constraints). */
export const pgliteOptions: PGliteOptions = { extensions: { btree_gist }, parsers };

export type OpenOptions = { databaseUrl: string } | { dataDir: string } | { pglite: PGlite };

/**
 * Opens the database: a PostgreSQL server when a URL is given, otherwise the embedded
 * PostgreSQL under `dataDir/pg`, locked to this process.
 */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if ('databaseUrl' in options) return openServer(options.databaseUrl);
  if ('pglite' in options) return handle(new PGliteDialect({ pglite: options.pglite }), 'embedded');
  const release = await lockDataDir(options.dataDir);
  try {
    const folder = path.join(options.dataDir, 'pg');
    mkdirSync(folder, { recursive: true });
    const pglite = await PGlite.create(folder, pgliteOptions);
    return handle(new PGliteDialect({ pglite }), 'embedded', release);
  } catch (error) {
    await release();
    throw error;
  }
}

function openServer(connectionString: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: 5_000,
    types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => parsers[oid] ?? (pg.types.getTypeParser(oid, format) as unknown) },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return Promise.resolve(handle(new PostgresDialect({ pool }), 'server'));
}

function handle(dialect: Dialect, backend: Backend, release?: () => Promise<void>): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: withConflictMapping(dialect) });
  return {
    db,
    backend,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await db.destroy();
      await release?.();
    },
  };
}
