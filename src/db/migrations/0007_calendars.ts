import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and never use app types */
export async function up(db: Kysely<any>): Promise<void> {
  // One user's connected calendar. The password is sealed with AES-256-GCM (see
  // src/integrations/secret-box.ts); it is never stored or answered in plain text.
  await db.schema
    .createTable('calendar_connections')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('provider', 'text', (col) => col.notNull().check(sql`provider in ('caldav', 'google', 'microsoft')`))
    .addColumn('server_url', 'text', (col) => col.notNull())
    .addColumn('calendar_url', 'text', (col) => col.notNull())
    .addColumn('calendar_name', 'text')
    .addColumn('username', 'text', (col) => col.notNull())
    .addColumn('credentials_sealed', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active').check(sql`status in ('active', 'error')`))
    .addColumn('last_synced_at', 'timestamptz')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('calendar_connections_org_user').on('calendar_connections').columns(['organization_id', 'user_id']).execute();
  await db.schema.createIndex('calendar_connections_due').on('calendar_connections').column('last_attempt_at').execute();

  // Busy times read from a connection; a sync replaces a connection's rows in one transaction.
  await db.schema
    .createTable('calendar_busy')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('connection_id', 'uuid', (col) => col.notNull().references('calendar_connections.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('starts_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ends_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('calendar_busy_connection').on('calendar_busy').column('connection_id').execute();
  await db.schema.createIndex('calendar_busy_user_time').on('calendar_busy').columns(['organization_id', 'user_id', 'starts_at']).execute();

  // What Loopwise wrote into a connected calendar for an interview, so updates reuse the object
  // and an out-of-order older version never overwrites a newer one.
  await db.schema
    .createTable('calendar_events')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('connection_id', 'uuid', (col) => col.notNull().references('calendar_connections.id').onDelete('cascade'))
    .addColumn('interview_id', 'uuid', (col) => col.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('uid', 'text', (col) => col.notNull())
    .addColumn('href', 'text', (col) => col.notNull())
    .addColumn('etag', 'text')
    .addColumn('sequence', 'integer', (col) => col.notNull())
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('calendar_events_connection_interview', ['connection_id', 'interview_id'])
    .execute();

  // A person's private ICS feed: the token is stored only as its SHA-256 hash.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('calendar_feeds_user').on('calendar_feeds').columns(['user_id', 'revoked_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropTable('calendar_events').execute();
  await db.schema.dropTable('calendar_busy').execute();
  await db.schema.dropTable('calendar_connections').execute();
}
