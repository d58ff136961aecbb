import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and never use app types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('event_types', sql`text[]`, (col) => col.notNull())
    // AES-256-GCM sealed secret (see src/integrations/secret-box.ts); never the plain secret.
    .addColumn('secret_sealed', 'text', (col) => col.notNull())
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('webhook_endpoints_org').on('webhook_endpoints').column('organization_id').execute();

  // A claim is a lease: a worker that dies mid-delivery loses its rows when `claimed_until`
  // passes, and `claim_token` keeps a late worker from overwriting the next claimant's result.
  await db.schema
    .alterTable('outbox_messages')
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('claim_token', 'uuid')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_status_code', 'integer')
    .addColumn('response_ms', 'integer')
    .addColumn('webhook_endpoint_id', 'uuid', (col) => col.references('webhook_endpoints.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('outbox_messages_org_created').on('outbox_messages').columns(['organization_id', 'created_at']).execute();
  await db.schema.createIndex('outbox_messages_webhook_endpoint').on('outbox_messages').columns(['webhook_endpoint_id', 'created_at']).execute();

  // One row per webhook attempt: the delivery log with response codes.
  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('outbox_message_id', 'uuid', (col) => col.notNull().references('outbox_messages.id').onDelete('cascade'))
    .addColumn('attempted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_ms', 'integer', (col) => col.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('webhook_attempts_message').on('webhook_attempts').columns(['outbox_message_id', 'attempted_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_attempts').execute();
  await db.schema.dropIndex('outbox_messages_webhook_endpoint').execute();
  await db.schema.dropIndex('outbox_messages_org_created').execute();
  await db.schema
    .alterTable('outbox_messages')
    .dropColumn('claimed_until')
    .dropColumn('claim_token')
    .dropColumn('last_attempt_at')
    .dropColumn('last_status_code')
    .dropColumn('response_ms')
    .dropColumn('webhook_endpoint_id')
    .execute();
  await db.schema.dropTable('webhook_endpoints').execute();
}
