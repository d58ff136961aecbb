import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { authorize, type Action, type PolicyRecord } from '../auth/policies.js';
import type { SchedulingRecord } from '../auth/policies/scheduling.js';
import { NotFound } from '../core/errors.js';
import type { Application, Candidate, Database, Interview, InterviewSession, Requisition, SchedulingRequest, Stage } from '../db/schema.js';
import { stageRulesSchema, type StageRules } from './stage-rules.js';

/** A scheduling request with everything its rules, policies and presenters read. */
export interface RequestView {
  request: SchedulingRequest;
  stage: Stage;
  rules: StageRules;
  application: Application;
  requisition: Requisition;
  candidate: Candidate;
}

/** A booked interview: its sessions, who holds which seat now, and its request. */
export interface InterviewView extends RequestView {
  interview: Interview;
  sessions: InterviewSession[];
  assignments: { sessionId: string | null; interviewerId: string; name: string; releasedAt: Date | null; declinedAt: Date | null }[];
}

/** Loads a request of the actor's organization (locked `FOR UPDATE` inside a transaction when asked). */
export async function loadRequestView(db: Kysely<Database>, organizationId: string, id: string, options: { lock?: boolean } = {}): Promise<RequestView> {
  let query = db.selectFrom('scheduling_requests').selectAll().where('id', '=', id).where('organization_id', '=', organizationId);
  if (options.lock) query = query.forUpdate();
  const request = await query.executeTakeFirst();
  if (!request) throw new NotFound('Scheduling request not found.');
  return completeView(db, request);
}

export async function completeView(db: Kysely<Database>, request: SchedulingRequest): Promise<RequestView> {
  const [stage, application] = await Promise.all([
    db.selectFrom('stages').selectAll().where('id', '=', request.stage_id).executeTakeFirstOrThrow(),
    db.selectFrom('applications').selectAll().where('id', '=', request.application_id).executeTakeFirstOrThrow(),
  ]);
  const [requisition, candidate] = await Promise.all([
    db.selectFrom('requisitions').selectAll().where('id', '=', application.requisition_id).executeTakeFirstOrThrow(),
    db.selectFrom('candidates').selectAll().where('id', '=', application.candidate_id).executeTakeFirstOrThrow(),
  ]);
  return { request, stage, rules: stageRulesSchema.parse(stage.rules), application, requisition, candidate };
}

/** Loads an interview of the organization with its request, sessions and assignments. */
export async function loadInterviewView(db: Kysely<Database>, organizationId: string, id: string, options: { lock?: boolean } = {}): Promise<InterviewView> {
  const find = () => db.selectFrom('interviews').selectAll().where('id', '=', id).where('organization_id', '=', organizationId).executeTakeFirst();
  const found = await find();
  if (!found) throw new NotFound('Interview not found.');
  // Every change to a request or its interviews locks the request row first, so writers of one
  // request queue up in one order; the interview is read again once the lock is held.
  const view = await loadRequestView(db, organizationId, found.request_id, options);
  const interview = options.lock ? ((await find()) ?? found) : found;
  return { ...view, ...(await interviewParts(db, interview)) };
}

export async function interviewParts(db: Kysely<Database>, interview: Interview): Promise<Pick<InterviewView, 'interview' | 'sessions' | 'assignments'>> {
  const [sessions, assignments] = await Promise.all([
    db.selectFrom('interview_sessions').selectAll().where('interview_id', '=', interview.id).orderBy('position').execute(),
    db
      .selectFrom('interview_assignments')
      .innerJoin('users', 'users.id', 'interview_assignments.interviewer_id')
      .select([
        'interview_assignments.session_id as sessionId',
        'interview_assignments.interviewer_id as interviewerId',
        'users.name as name',
        'interview_assignments.released_at as releasedAt',
        'interview_assignments.declined_at as declinedAt',
      ])
      .where('interview_assignments.interview_id', '=', interview.id)
      .orderBy('interview_assignments.created_at')
      .execute(),
  ]);
  return { interview, sessions, assignments };
}

/**
 * Loads many interviews of the organization in a fixed number of queries (lists), in the order of
 * `ids`; the same views `loadInterviewView` returns one by one.
 */
export async function loadInterviewViews(db: Kysely<Database>, organizationId: string, ids: readonly string[]): Promise<InterviewView[]> {
  if (ids.length === 0) return [];
  const interviews = await db.selectFrom('interviews').selectAll().where('organization_id', '=', organizationId).where('id', 'in', ids).execute();
  if (interviews.length === 0) return [];
  const requestIds = [...new Set(interviews.map((i) => i.request_id))];
  const requests = await db.selectFrom('scheduling_requests').selectAll().where('id', 'in', requestIds).execute();
  const [stages, applications, sessions, assignments] = await Promise.all([
    db.selectFrom('stages').selectAll().where('id', 'in', [...new Set(requests.map((r) => r.stage_id))]).execute(),
    db.selectFrom('applications').selectAll().where('id', 'in', [...new Set(requests.map((r) => r.application_id))]).execute(),
    db.selectFrom('interview_sessions').selectAll().where('interview_id', 'in', ids).orderBy('position').execute(),
    db
      .selectFrom('interview_assignments')
      .innerJoin('users', 'users.id', 'interview_assignments.interviewer_id')
      .select([
        'interview_assignments.interview_id as interviewId',
        'interview_assignments.session_id as sessionId',
        'interview_assignments.interviewer_id as interviewerId',
        'users.name as name',
        'interview_assignments.released_at as releasedAt',
        'interview_assignments.declined_at as declinedAt',
      ])
      .where('interview_assignments.interview_id', 'in', ids)
      .orderBy('interview_assignments.created_at')
      .execute(),
  ]);
  const [requisitions, candidates] = await Promise.all([
    db.selectFrom('requisitions').selectAll().where('id', 'in', [...new Set(applications.map((a) => a.requisition_id))]).execute(),
    db.selectFrom('candidates').selectAll().where('id', 'in', [...new Set(applications.map((a) => a.candidate_id))]).execute(),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const [interviewMap, requestMap, stageMap, applicationMap, requisitionMap, candidateMap] = [byId(interviews), byId(requests), byId(stages), byId(applications), byId(requisitions), byId(candidates)];
  const rulesByStage = new Map(stages.map((stage) => [stage.id, stageRulesSchema.parse(stage.rules)]));
  return ids.flatMap((id) => {
    const interview = interviewMap.get(id);
    if (!interview) return [];
    const request = requestMap.get(interview.request_id)!;
    const application = applicationMap.get(request.application_id)!;
    return [
      {
        request,
        stage: stageMap.get(request.stage_id)!,
        rules: rulesByStage.get(request.stage_id)!,
        application,
        requisition: requisitionMap.get(application.requisition_id)!,
        candidate: candidateMap.get(application.candidate_id)!,
        interview,
        sessions: sessions.filter((session) => session.interview_id === id),
        assignments: assignments.filter((a) => a.interviewId === id).map(({ interviewId: _, ...rest }) => rest),
      },
    ];
  });
}

/** The interview of a request that is still on (pending approval or confirmed), if any. */
export async function activeInterview(db: Kysely<Database>, requestId: string): Promise<Interview | undefined> {
  return db
    .selectFrom('interviews')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('status', 'in', ['pending_approval', 'confirmed'])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** What the scheduling policies read about a request (and, for an interview, its current interviewers). */
export function policyRecord(view: RequestView, interviewerIds: readonly string[] = []): PolicyRecord & SchedulingRecord {
  return {
    organization_id: view.request.organization_id,
    client_id: view.requisition.client_id,
    hiring_manager_id: view.requisition.hiring_manager_id,
    client_visible: view.rules.clientVisible,
    submitted_to_client: view.application.submitted_to_client_at !== null,
    schedulers: view.rules.schedulers,
    interviewer_ids: interviewerIds,
  };
}

export function interviewRecord(view: InterviewView): PolicyRecord & SchedulingRecord {
  return policyRecord(view, view.assignments.filter((a) => a.releasedAt === null || a.declinedAt !== null).map((a) => a.interviewerId));
}

export function authorizeRequest(actor: Actor, action: Action<'schedulingRequest'>, view: RequestView): void {
  authorize(actor, action, 'schedulingRequest', policyRecord(view));
}

export function authorizeInterview(actor: Actor, action: Action<'interview'>, view: InterviewView): void {
  authorize(actor, action, 'interview', interviewRecord(view));
}
