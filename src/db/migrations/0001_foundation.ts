import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and never use app types */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('default_time_zone', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (col) => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('email', 'text', (col) => col.notNull().check(sql`email = lower(email)`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) =>
      col.notNull().check(sql`role IN ('admin','recruiter','coordinator','hiring_manager','interviewer','client_user')`),
    )
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('users_email_unique', ['organization_id', 'email'])
    .addUniqueConstraint('users_org_id_unique', ['organization_id', 'id'])
    .execute();

  await db.schema
    .createTable('interview_assignments')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('interviewer_id', 'uuid', (col) => col.notNull())
    .addColumn('starts_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ends_at', 'timestamptz', (col) => col.notNull())
    .addColumn('blocked_until', 'timestamptz', (col) => col.notNull())
    .addColumn('released_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('interview_assignments_interviewer_fk', ['organization_id', 'interviewer_id'], 'users', [
      'organization_id',
      'id',
    ])
    .addCheckConstraint('interview_assignments_times', sql`starts_at < ends_at AND ends_at <= blocked_until`)
    .execute();

  // DESIGN §4: no interviewer ever holds two overlapping interviews, buffers included.
  await sql`
    ALTER TABLE interview_assignments ADD CONSTRAINT interview_assignments_no_overlap
    EXCLUDE USING gist (interviewer_id WITH =, tstzrange(starts_at, blocked_until, '[)') WITH &&)
    WHERE (released_at IS NULL)
  `.execute(db);
  await db.schema
    .createIndex('interview_assignments_org_time')
    .on('interview_assignments')
    .columns(['organization_id', 'starts_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('interview_assignments').execute();
  await db.schema.dropTable('users').execute();
  await db.schema.dropTable('organizations').execute();
}
