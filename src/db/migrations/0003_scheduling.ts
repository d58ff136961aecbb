import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and never use app types */
const id = (col: ColumnDefinitionBuilder) => col.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(sql`now()`);
const org = (col: ColumnDefinitionBuilder) => col.notNull().references('organizations.id').onDelete('cascade');
const defaultHours = JSON.stringify(Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])));

export async function up(db: Kysely<any>): Promise<void> {
  // Interviewer profile lives on the user: working hours in their zone, limits, tags.
  await db.schema
    .alterTable('users')
    .addColumn('working_hours', 'jsonb', (col) => col.notNull().defaultTo(sql`${sql.lit(defaultHours)}::jsonb`))
    .addColumn('max_interviews_per_day', 'integer', (col) => col.check(sql`max_interviews_per_day > 0`))
    .addColumn('max_interviews_per_week', 'integer', (col) => col.check(sql`max_interviews_per_week > 0`))
    .addColumn('tags', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();

  await db.schema
    .createTable('availability_overrides')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('date', 'date', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind IN ('day_off', 'replace', 'extra')`))
    .addColumn('hours', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('availability_overrides_user').on('availability_overrides').columns(['user_id', 'date']).execute();

  await db.schema
    .createTable('availability_blocks')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('starts_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ends_at', 'timestamptz', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .addCheckConstraint('availability_blocks_times', sql`starts_at < ends_at`)
    .execute();
  await db.schema.createIndex('availability_blocks_user').on('availability_blocks').columns(['user_id', 'starts_at']).execute();

  await db.schema
    .createTable('pools')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('required_tag', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .addUniqueConstraint('pools_name_unique', ['organization_id', 'name'])
    .execute();
  await db.schema
    .createTable('pool_members')
    .addColumn('pool_id', 'uuid', (col) => col.notNull().references('pools.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', org)
    .addPrimaryKeyConstraint('pool_members_pk', ['pool_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('requisitions')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('client_id', 'uuid')
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status IN ('open', 'on_hold', 'closed')`))
    .addColumn('hiring_manager_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('recruiter_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addForeignKeyConstraint('requisitions_client_fk', ['organization_id', 'client_id'], 'clients', ['organization_id', 'id'])
    .addUniqueConstraint('requisitions_org_id_unique', ['organization_id', 'id'])
    .execute();
  await sql`CREATE UNIQUE INDEX requisitions_external_id ON requisitions (organization_id, external_id) WHERE external_id IS NOT NULL`.execute(db);
  await db.schema
    .createTable('requisition_coordinators')
    .addColumn('requisition_id', 'uuid', (col) => col.notNull().references('requisitions.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'uuid', org)
    .addPrimaryKeyConstraint('requisition_coordinators_pk', ['requisition_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('stages')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('requisition_id', 'uuid', (col) => col.notNull().references('requisitions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind IN ('recruiter_screen', 'hiring_manager', 'panel', 'client', 'other')`),
    )
    .addColumn('rules', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addUniqueConstraint('stages_key_unique', ['requisition_id', 'key'])
    .execute();

  await db.schema
    .createTable('candidates')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('phone', 'text')
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('source', 'text')
    .addColumn('external_id', 'text')
    .addColumn('no_show_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .execute();
  await sql`CREATE UNIQUE INDEX candidates_external_id ON candidates (organization_id, external_id) WHERE external_id IS NOT NULL`.execute(db);
  await db.schema.createIndex('candidates_email').on('candidates').columns(['organization_id', 'email']).execute();
  await db.schema
    .createTable('candidate_notes')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('candidate_id', 'uuid', (col) => col.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', now)
    .execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('candidate_id', 'uuid', (col) => col.notNull().references('candidates.id').onDelete('cascade'))
    .addColumn('requisition_id', 'uuid', (col) => col.notNull().references('requisitions.id').onDelete('cascade'))
    .addColumn('current_stage_id', 'uuid', (col) => col.references('stages.id'))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('active').check(sql`status IN ('active', 'rejected', 'withdrawn', 'hired')`),
    )
    .addColumn('submitted_to_client_at', 'timestamptz')
    .addColumn('external_id', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addUniqueConstraint('applications_unique', ['candidate_id', 'requisition_id'])
    .execute();

  await db.schema
    .createTable('scheduling_requests')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('application_id', 'uuid', (col) => col.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('stage_id', 'uuid', (col) => col.notNull().references('stages.id'))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status IN ('ready', 'offered', 'booked', 'completed', 'no_show', 'canceled')`),
    )
    .addColumn('waiting_on', 'text', (col) => col.check(sql`waiting_on IN ('coordinator', 'candidate', 'interviewers', 'client')`))
    .addColumn('offered_options', 'jsonb')
    .addColumn('candidate_windows', 'jsonb')
    .addColumn('candidate_reschedules', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('rebook_of', 'uuid', (col) => col.references('scheduling_requests.id'))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('ready_at', 'timestamptz', now)
    .addColumn('first_booked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .execute();
  await sql`CREATE UNIQUE INDEX scheduling_requests_open ON scheduling_requests (application_id, stage_id) WHERE status IN ('ready', 'offered', 'booked')`.execute(db);
  await db.schema.createIndex('scheduling_requests_status').on('scheduling_requests').columns(['organization_id', 'status']).execute();

  await db.schema
    .createTable('request_transitions')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('request_id', 'uuid', (col) => col.notNull().references('scheduling_requests.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('actor_type', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('request_transitions_request').on('request_transitions').columns(['request_id', 'at']).execute();

  await db.schema
    .createTable('candidate_links')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('request_id', 'uuid', (col) => col.notNull().references('scheduling_requests.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (col) => col.notNull().check(sql`purpose IN ('self_schedule', 'availability', 'manage')`))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .execute();

  await db.schema
    .createTable('interviews')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('request_id', 'uuid', (col) => col.notNull().references('scheduling_requests.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status IN ('pending_approval', 'confirmed', 'canceled', 'completed', 'no_show')`),
    )
    .addColumn('starts_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ends_at', 'timestamptz', (col) => col.notNull())
    .addColumn('location', 'text')
    .addColumn('sequence', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('booked_by_type', 'text', (col) => col.notNull())
    .addColumn('booked_by_id', 'text')
    .addColumn('booked_at', 'timestamptz', (col) => col.notNull())
    .addColumn('reschedule_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('approval', 'text', (col) => col.check(sql`approval IN ('pending', 'approved', 'declined')`))
    .addColumn('approval_reason', 'text')
    .addColumn('client_proposed_windows', 'jsonb')
    .addColumn('candidate_confirmed_at', 'timestamptz')
    .addColumn('outcome', 'text', (col) => col.check(sql`outcome IN ('completed', 'candidate_no_show', 'interviewer_no_show')`))
    .addColumn('outcome_at', 'timestamptz')
    .addColumn('canceled_at', 'timestamptz')
    .addColumn('canceled_by_type', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addCheckConstraint('interviews_times', sql`starts_at < ends_at`)
    .execute();
  await db.schema.createIndex('interviews_request').on('interviews').column('request_id').execute();
  await db.schema.createIndex('interviews_time').on('interviews').columns(['organization_id', 'starts_at']).execute();

  await db.schema
    .createTable('interview_sessions')
    .addColumn('id', 'uuid', id)
    .addColumn('organization_id', 'uuid', org)
    .addColumn('interview_id', 'uuid', (col) => col.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('starts_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ends_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .alterTable('interview_assignments')
    .addColumn('interview_id', 'uuid', (col) => col.references('interviews.id').onDelete('cascade'))
    .addColumn('session_id', 'uuid', (col) => col.references('interview_sessions.id').onDelete('cascade'))
    .addColumn('declined_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('interview_assignments_interview').on('interview_assignments').column('interview_id').execute();
  await db.schema.createIndex('interview_assignments_interviewer').on('interview_assignments').columns(['interviewer_id', 'starts_at']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', now)
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['idempotency_keys']) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('interview_assignments').dropColumn('interview_id').dropColumn('session_id').dropColumn('declined_at').execute();
  for (const table of [
    'interview_sessions', 'interviews', 'candidate_links', 'request_transitions', 'scheduling_requests', 'applications',
    'candidate_notes', 'candidates', 'stages', 'requisition_coordinators', 'requisitions', 'pool_members', 'pools',
    'availability_blocks', 'availability_overrides',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable('users')
    .dropColumn('working_hours')
    .dropColumn('max_interviews_per_day')
    .dropColumn('max_interviews_per_week')
    .dropColumn('tags')
    .execute();
}
