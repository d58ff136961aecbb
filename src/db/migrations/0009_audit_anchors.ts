import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and never use app types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_anchors')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organizations.id'))
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('event_id', 'uuid', (col) => col.notNull())
    .addColumn('event_hash', 'text', (col) => col.notNull())
    .addColumn('anchored_at', 'timestamptz', (col) => col.notNull())
    .addColumn('mac', 'text', (col) => col.notNull())
    .addUniqueConstraint('audit_anchors_position', ['organization_id', 'seq'])
    .execute();
  await sql`
    CREATE FUNCTION audit_anchors_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_anchors is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$
  `.execute(db);
  await sql`CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE OR DELETE ON audit_anchors FOR EACH ROW EXECUTE FUNCTION audit_anchors_append_only()`.execute(db);
  await sql`CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors FOR EACH STATEMENT EXECUTE FUNCTION audit_anchors_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_anchors').execute();
  await sql`DROP FUNCTION audit_anchors_append_only`.execute(db);
}
