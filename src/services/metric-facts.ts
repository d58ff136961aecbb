/**
 * The rows the dashboards are computed from, read in a few typed queries per metric: every query
 * starts from the scheduling requests the actor's metrics may count (organization, role scope
 * from `metricScope`, and the filters), joined with what the cuts need.
 */
import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { metricScope } from '../auth/policies/metrics.js';
import type { WaitingParty } from '../core/metrics.js';
import type { Database, InterviewOutcome, StageKind } from '../db/schema.js';

export interface MetricFilters {
  requisitionId?: string | undefined;
  clientId?: string | undefined;
  stageKind?: StageKind | undefined;
}

export interface Period {
  from: Date;
  to: Date;
}

/** What every row knows about its request, for the stage / requisition / client / source cuts. */
export interface RequestFacts {
  requestId: string;
  requisitionId: string;
  requisitionTitle: string;
  clientId: string | null;
  clientName: string | null;
  stageKind: StageKind;
  source: string | null;
}

export interface Person {
  id: string;
  name: string;
}

/** Scheduling requests the actor's metrics count, before any select. */
function scopedRequests(db: Kysely<Database>, ctx: RequestContext, filters: MetricFilters) {
  let query = db
    .selectFrom('scheduling_requests as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .innerJoin('requisitions as q', 'q.id', 'a.requisition_id')
    .innerJoin('stages as s', 's.id', 'r.stage_id')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .leftJoin('clients as cl', 'cl.id', 'q.client_id')
    .where('r.organization_id', '=', ctx.actor.organizationId)
    .where(metricScope(ctx.actor));
  if (filters.requisitionId) query = query.where('q.id', '=', filters.requisitionId);
  if (filters.clientId) query = query.where('q.client_id', '=', filters.clientId);
  if (filters.stageKind) query = query.where('s.kind', '=', filters.stageKind);
  return query;
}

const requestColumns = [
  'r.id as requestId',
  'q.id as requisitionId',
  'q.title as requisitionTitle',
  'q.client_id as clientId',
  'cl.name as clientName',
  's.kind as stageKind',
  'c.source as source',
] as const;

export interface TimeToScheduleFact extends RequestFacts {
  readyAt: Date;
  bookedAt: Date;
}

/** Requests whose first booking falls in the period, with when they entered `ready` and that booking. */
export async function timeToScheduleFacts(db: Kysely<Database>, ctx: RequestContext, filters: MetricFilters, period: Period): Promise<TimeToScheduleFact[]> {
  const firsts = db
    .selectFrom('request_transitions as t')
    .select((eb) => [
      't.request_id',
      eb.fn.min('t.at').filterWhere('t.from_status', 'is', null).as('entered_ready_at'),
      eb.fn.min('t.at').filterWhere('t.event', '=', 'book').as('first_book_at'),
    ])
    .where('t.organization_id', '=', ctx.actor.organizationId)
    .groupBy('t.request_id');
  const rows = await scopedRequests(db, ctx, filters)
    .innerJoin(firsts.as('f'), 'f.request_id', 'r.id')
    .select([...requestColumns, 'r.ready_at', 'f.entered_ready_at', 'f.first_book_at'])
    .where('f.first_book_at', '>=', period.from)
    .where('f.first_book_at', '<', period.to)
    .execute();
  return rows.map(({ ready_at, entered_ready_at, first_book_at, ...rest }) => ({
    ...rest,
    readyAt: new Date(entered_ready_at ?? ready_at),
    bookedAt: new Date(first_book_at),
  }));
}

/** The coordinators named on each requisition. */
export async function requisitionCoordinators(db: Kysely<Database>, requisitionIds: readonly string[]): Promise<Map<string, Person[]>> {
  const out = new Map<string, Person[]>();
  if (requisitionIds.length === 0) return out;
  const rows = await db
    .selectFrom('requisition_coordinators as rc')
    .innerJoin('users as u', 'u.id', 'rc.user_id')
    .select(['rc.requisition_id', 'u.id', 'u.name'])
    .where('rc.requisition_id', 'in', [...new Set(requisitionIds)])
    .execute();
  for (const row of rows) out.set(row.requisition_id, [...(out.get(row.requisition_id) ?? []), { id: row.id, name: row.name }]);
  return out;
}

export interface BookedInterviewFact extends RequestFacts {
  interviewId: string;
  bookedAt: Date;
  /** The initiator of every reschedule (or reopen) step taken while this was the request's interview. */
  rescheduledBy: string[];
  interviewers: Person[];
  teams: Person[];
}

/** Interviews booked in the period, with their reschedule steps (from the transitions), interviewers and teams. */
export async function bookedInterviewFacts(db: Kysely<Database>, ctx: RequestContext, filters: MetricFilters, period: Period): Promise<BookedInterviewFact[]> {
  const booked = await scopedRequests(db, ctx, filters)
    .innerJoin('interviews as i', 'i.request_id', 'r.id')
    .select([...requestColumns, 'i.id as interviewId', 'i.booked_at as bookedAt'])
    .where('i.booked_at', '>=', period.from)
    .where('i.booked_at', '<', period.to)
    .execute();
  if (booked.length === 0) return [];
  const requestIds = [...new Set(booked.map((b) => b.requestId))];
  const interviewIds = booked.map((b) => b.interviewId);
  const [allInterviews, steps, assignments] = await Promise.all([
    db.selectFrom('interviews').select(['id', 'request_id', 'booked_at']).where('request_id', 'in', requestIds).execute(),
    db.selectFrom('request_transitions').select(['request_id', 'at', 'initiator']).where('request_id', 'in', requestIds).where('event', 'in', ['reschedule', 'reopen']).execute(),
    db
      .selectFrom('interview_assignments as x')
      .innerJoin('users as u', 'u.id', 'x.interviewer_id')
      .select(['x.interview_id', 'u.id', 'u.name'])
      .where('x.interview_id', 'in', interviewIds)
      .execute(),
  ]);
  // A step belongs to the request's interview booked most recently before it.
  const rescheduledBy = new Map<string, string[]>();
  for (const step of steps) {
    const owner = allInterviews
      .filter((i) => i.request_id === step.request_id && i.booked_at.getTime() <= step.at.getTime())
      .sort((a, b) => b.booked_at.getTime() - a.booked_at.getTime())[0];
    if (owner) rescheduledBy.set(owner.id, [...(rescheduledBy.get(owner.id) ?? []), step.initiator ?? 'staff']);
  }
  const interviewerIds = [...new Set(assignments.map((a) => a.id))];
  const memberships = interviewerIds.length
    ? await db
        .selectFrom('pool_members as m')
        .innerJoin('pools as p', 'p.id', 'm.pool_id')
        .select(['m.user_id', 'p.id', 'p.name'])
        .where('m.user_id', 'in', interviewerIds)
        .where('p.organization_id', '=', ctx.actor.organizationId)
        .execute()
    : [];
  return booked.map((b) => {
    const interviewers = uniquePeople(assignments.filter((a) => a.interview_id === b.interviewId));
    const ids = new Set(interviewers.map((p) => p.id));
    return { ...b, rescheduledBy: rescheduledBy.get(b.interviewId) ?? [], interviewers, teams: uniquePeople(memberships.filter((m) => ids.has(m.user_id))) };
  });
}

function uniquePeople(rows: readonly Person[]): Person[] {
  const byId = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name }]));
  return [...byId.values()];
}

export interface OutcomeFact extends RequestFacts {
  outcome: InterviewOutcome;
  startsAt: Date;
  /** When the interview got the time it took place at: its booking, or the last reschedule before it started. */
  lastBookedAt: Date;
}

/** Interviews that started in the period (and before now) and have an outcome recorded. */
export async function outcomeFacts(db: Kysely<Database>, ctx: RequestContext, filters: MetricFilters, period: Period): Promise<OutcomeFact[]> {
  const end = new Date(Math.min(period.to.getTime(), ctx.now.getTime()));
  const rows = await scopedRequests(db, ctx, filters)
    .innerJoin('interviews as i', 'i.request_id', 'r.id')
    .select([...requestColumns, 'i.outcome', 'i.starts_at as startsAt', 'i.booked_at as bookedAt'])
    .where('i.outcome', 'is not', null)
    .where('i.starts_at', '>=', period.from)
    .where('i.starts_at', '<', end)
    .execute();
  if (rows.length === 0) return [];
  const steps = await db
    .selectFrom('request_transitions')
    .select(['request_id', 'at'])
    .where('request_id', 'in', [...new Set(rows.map((r) => r.requestId))])
    .where('event', 'in', ['book', 'reschedule'])
    .execute();
  return rows.map(({ bookedAt, outcome, ...rest }) => {
    const last = steps
      .filter((s) => s.request_id === rest.requestId && s.at >= bookedAt && s.at <= rest.startsAt)
      .reduce((latest, s) => Math.max(latest, s.at.getTime()), bookedAt.getTime());
    return { ...rest, outcome: outcome!, lastBookedAt: new Date(last) };
  });
}

/** The steps that count as a manual staff touch on scheduling. */
export const touchEvents = ['offer', 'book', 'reschedule', 'reopen', 'cancel'] as const;
const touchRoles = ['admin', 'recruiter', 'coordinator', 'hiring_manager'] as const;

export interface TouchFact extends RequestFacts {
  at: Date;
  person: Person;
}

/** Offer, book, reschedule, reopen and cancel steps taken in the period by a signed-in staff member. */
export async function touchFacts(db: Kysely<Database>, ctx: RequestContext, filters: MetricFilters, period: Period): Promise<TouchFact[]> {
  const rows = await scopedRequests(db, ctx, filters)
    .innerJoin('request_transitions as t', 't.request_id', 'r.id')
    .innerJoin('users as u', (join) => join.on(sql<boolean>`u.id::text = t.actor_id`))
    .select([...requestColumns, 't.at', 'u.id as personId', 'u.name as personName'])
    .where('t.actor_type', '=', 'user')
    .where('u.role', 'in', touchRoles)
    .where('t.event', 'in', touchEvents)
    .where('t.at', '>=', period.from)
    .where('t.at', '<', period.to)
    .execute();
  return rows.map(({ personId, personName, ...rest }) => ({ ...rest, person: { id: personId, name: personName } }));
}

export interface WaitingFact extends RequestFacts {
  waitingOn: WaitingParty;
  /** The request's latest step: since then it has waited on `waitingOn`. */
  waitingSince: Date;
}

/** Open requests (ready, offered, or booked and awaiting approval) that wait on somebody now. */
export async function waitingFacts(db: Kysely<Database>, ctx: RequestContext, filters: MetricFilters): Promise<WaitingFact[]> {
  const latest = db
    .selectFrom('request_transitions as t')
    .select((eb) => ['t.request_id', eb.fn.max('t.at').as('last_at')])
    .where('t.organization_id', '=', ctx.actor.organizationId)
    .groupBy('t.request_id');
  const rows = await scopedRequests(db, ctx, filters)
    .leftJoin(latest.as('l'), 'l.request_id', 'r.id')
    .select([...requestColumns, 'r.waiting_on', 'r.ready_at', 'l.last_at'])
    .where('r.status', 'in', ['ready', 'offered', 'booked'])
    .where('r.waiting_on', 'is not', null)
    .execute();
  return rows.map(({ waiting_on, ready_at, last_at, ...rest }) => ({ ...rest, waitingOn: waiting_on!, waitingSince: new Date(last_at ?? ready_at) }));
}
