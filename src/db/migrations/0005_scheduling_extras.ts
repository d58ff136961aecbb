import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and never use app types */
export async function up(db: Kysely<any>): Promise<void> {
  // Who asked for a reschedule or cancellation (feeds the reschedule rate by initiator), apart
  // from who clicked: a coordinator often moves an interview because the candidate asked.
  await db.schema
    .alterTable('request_transitions')
    .addColumn('initiator', 'text', (col) => col.check(sql`initiator IN ('staff', 'interviewer', 'client', 'candidate', 'system')`))
    .execute();
  await db.schema.createIndex('interview_assignments_active').on('interview_assignments').columns(['organization_id', 'interviewer_id', 'starts_at']).where(sql.ref('released_at'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('interview_assignments_active').execute();
  await db.schema.alterTable('request_transitions').dropColumn('initiator').execute();
}
