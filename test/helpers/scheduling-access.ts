import type { Kysely } from 'kysely';
import type { Database, InterviewStatus, RequestStatus } from '../../src/db/schema.js';
import { stageTemplate } from '../../src/services/stage-rules.js';

/** What the access rows need of the fixtures (kept narrow so this file does not track fixture changes). */
export interface AccessWorld {
  db: Kysely<Database>;
  orgs: { acme: string; beta: string };
  clients: { northwind: string; globex: string };
  user(email: string): { id: string };
}

export type Variant = 'own' | 'other_client' | 'other_org';

let counter = 0;

/**
 * A scheduling request on a client-visible stage (with client approval) of a requisition of
 * Northwind (`own`), Globex (`other_client`) or Beta Talent (`other_org`), for a submitted
 * candidate; optionally with an interview held by the recruiter and interviewer1.
 */
export async function makeSchedulingRecord(
  f: AccessWorld,
  variant: Variant,
  options: { status?: RequestStatus; interview?: InterviewStatus; past?: boolean } = {},
): Promise<{ requestId: string; interviewId: string | null; applicationId: string; stageId: string }> {
  const n = ++counter;
  const beta = variant === 'other_org';
  const org = beta ? f.orgs.beta : f.orgs.acme;
  const person = beta ? f.user('admin@beta.test').id : f.user('recruiter@acme.test').id;
  const hm = beta ? f.user('admin@beta.test').id : f.user('hm@acme.test').id;
  const clientId = variant === 'own' ? f.clients.northwind : variant === 'other_client' ? f.clients.globex : null;
  const { db } = f;
  const requisition = await db.insertInto('requisitions').values({ organization_id: org, client_id: clientId, title: `Access ${n}`, hiring_manager_id: hm, recruiter_id: person }).returning('id').executeTakeFirstOrThrow();
  const template = stageTemplate('client', { recruiterId: person, hiringManagerId: hm });
  const stage = await db
    .insertInto('stages')
    .values({ organization_id: org, requisition_id: requisition.id, position: 0, key: template.key, name: template.name, kind: template.kind, rules: JSON.stringify(template.rules) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const candidate = await db.insertInto('candidates').values({ organization_id: org, name: `Access Candidate ${n}`, email: `access${n}@mail.test`, time_zone: 'America/New_York', source: 'agency' }).returning('id').executeTakeFirstOrThrow();
  const application = await db
    .insertInto('applications')
    .values({ organization_id: org, candidate_id: candidate.id, requisition_id: requisition.id, submitted_to_client_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const interviewStatus = options.interview;
  const status = options.status ?? (interviewStatus === 'no_show' ? 'no_show' : interviewStatus ? 'booked' : 'ready');
  const request = await db
    .insertInto('scheduling_requests')
    .values({ organization_id: org, application_id: application.id, stage_id: stage.id, status, waiting_on: interviewStatus === 'pending_approval' ? 'client' : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!interviewStatus) return { requestId: request.id, interviewId: null, applicationId: application.id, stageId: stage.id };
  // Far apart in time so the holds of the many records never collide.
  const startsAt = options.past ? new Date(Date.now() - 3_600_000 - n * 7_200_000) : new Date(Date.now() + 40 * 86_400_000 + n * 7_200_000);
  const endsAt = new Date(startsAt.getTime() + 3_600_000);
  const interview = await db
    .insertInto('interviews')
    .values({
      organization_id: org,
      request_id: request.id,
      status: interviewStatus,
      starts_at: startsAt,
      ends_at: endsAt,
      booked_by_type: 'user',
      booked_at: new Date(),
      approval: interviewStatus === 'pending_approval' ? 'pending' : null,
      outcome: interviewStatus === 'no_show' ? 'candidate_no_show' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await db
    .insertInto('interview_sessions')
    .values({ organization_id: org, interview_id: interview.id, position: 0, name: 'Client interview', starts_at: startsAt, ends_at: endsAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  const holders = beta ? [person] : [person, f.user('interviewer1@acme.test').id];
  await db
    .insertInto('interview_assignments')
    .values(holders.map((id) => ({ organization_id: org, interviewer_id: id, interview_id: interview.id, session_id: session.id, starts_at: startsAt, ends_at: endsAt, blocked_until: new Date(endsAt.getTime() + 600_000) })))
    .execute();
  return { requestId: request.id, interviewId: interview.id, applicationId: application.id, stageId: stage.id };
}
