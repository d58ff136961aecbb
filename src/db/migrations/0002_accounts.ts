import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and never use app types */
const id = (col: ColumnDefinitionBuilder) => col.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(sql`now()`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('clients')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('external_id', 'text')
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .addUniqueConstraint('clients_org_id_unique', ['organization_id', 'id'])
    .addUniqueConstraint('clients_name_unique', ['organization_id', 'name'])
    .execute();

  await db.schema
    .alterTable('users')
    .addColumn('password_hash', 'text')
    .addColumn('client_id', 'uuid')
    .addColumn('last_login_at', 'timestamptz')
    .execute();
  await sql`ALTER TABLE users ADD CONSTRAINT users_client_fk FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id)`.execute(db);
  await sql`ALTER TABLE users ADD CONSTRAINT users_client_role CHECK ((role = 'client_user') = (client_id IS NOT NULL))`.execute(db);
  await db.schema.createIndex('users_email').on('users').column('email').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('last_seen_at', 'timestamptz', now)
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('user_tokens')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (col) => col.notNull().check(sql`purpose IN ('invite', 'password_reset')`))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'uuid', id)
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('ip', 'text', (col) => col.notNull())
    .addColumn('succeeded', 'boolean', (col) => col.notNull())
    .addColumn('attempted_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('login_attempts_email').on('login_attempts').columns(['email', 'attempted_at']).execute();
  await db.schema.createIndex('login_attempts_ip').on('login_attempts').columns(['ip', 'attempted_at']).execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('prefix', 'text', (col) => col.notNull())
    .addColumn('key_hash', 'text', (col) => col.notNull().unique())
    .addColumn('scope', 'text', (col) => col.notNull().check(sql`scope IN ('read', 'scheduling', 'admin')`))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('actor_type', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity_type', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('changes', 'jsonb')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .addUniqueConstraint('audit_events_chain', ['organization_id', 'seq'])
    .execute();
  await db.schema.createIndex('audit_events_entity').on('audit_events').columns(['organization_id', 'entity_type', 'entity_id']).execute();
  await sql`
    CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$
  `.execute(db);
  await sql`CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`.execute(db);
  await sql`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`.execute(db);

  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', (col) => col.references('organizations.id').onDelete('cascade'))
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel IN ('email', 'webhook', 'calendar')`))
    .addColumn('dedupe_key', 'text', (col) => col.notNull().unique())
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending').check(sql`status IN ('pending', 'sent', 'failed', 'canceled')`))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('deliver_after', 'timestamptz', now)
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('outbox_messages_due').on('outbox_messages').columns(['status', 'deliver_after']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['outbox_messages', 'audit_events', 'api_keys', 'login_attempts', 'user_tokens', 'sessions']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`DROP FUNCTION audit_events_append_only`.execute(db);
  await db.schema.alterTable('users').dropConstraint('users_client_role').execute();
  await db.schema.alterTable('users').dropConstraint('users_client_fk').execute();
  await db.schema.alterTable('users').dropColumn('password_hash').dropColumn('client_id').dropColumn('last_login_at').execute();
  await db.schema.dropTable('clients').execute();
}
