import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and never use app types */
export async function up(db: Kysely<any>): Promise<void> {
  // One fixed window per rate-limit key, shared by every app instance on the database.
  // Keys are SHA-256 hashed: they contain candidate-link and feed tokens.
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('key_hash', 'text', (col) => col.primaryKey())
    .addColumn('window_started_at', 'timestamptz', (col) => col.notNull())
    .addColumn('hits', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_windows_started').on('rate_limit_windows').column('window_started_at').execute();
}
