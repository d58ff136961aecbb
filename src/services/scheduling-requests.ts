import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Actor, RequestContext } from '../auth/actor.js';
import { can } from '../auth/policies.js';
import { Conflict, Forbidden, Invalid, NotFound, RuleViolation } from '../core/errors.js';
import { DAY } from '../core/index.js';
import type { Database, RequestStatus, WaitingOn } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { enqueueWebhookEvent } from './webhooks.js';
import { bookRequest, type BookingChoice } from './booking.js';
import { issueCandidateLink } from './link-tokens.js';
import { activeInterview, authorizeRequest, interviewParts, loadRequestView, policyRecord, type InterviewView, type RequestView } from './scheduling-context.js';
import { candidateRecipient, enqueueSchedulingEmail, formatInZone } from './scheduling-notifications.js';
import { solveRequest, type OptionsResult } from './scheduling-options.js';
import { applyTransition } from './request-transitions.js';
import { stageRulesSchema } from './stage-rules.js';

export interface RequestFilter {
  status?: RequestStatus | undefined;
  waitingOn?: WaitingOn | undefined;
  requisitionId?: string | undefined;
  candidateId?: string | undefined;
  applicationId?: string | undefined;
  /** Requests of requisitions the actor recruits or coordinates, or that they created. */
  mine?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

export interface RequestSummary {
  id: string;
  status: RequestStatus;
  waitingOn: WaitingOn | null;
  readyAt: Date;
  firstBookedAt: Date | null;
  candidateId: string;
  candidateName: string;
  applicationId: string;
  stageId: string;
  stageName: string;
  requisitionId: string;
  requisitionTitle: string;
  clientId: string | null;
  /** The confirmed interview's start and the candidate's "I'll be there", when there is one. */
  interviewStartsAt: Date | null;
  candidateConfirmedAt: Date | null;
}

function encodeCursor(readyAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([readyAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && !Number.isNaN(Date.parse(value[0])) && typeof value[1] === 'string' && /^[0-9a-f-]{36}$/.test(value[1])) {
      return [value[0], value[1]];
    }
  } catch {
    // Falls through to the readable error.
  }
  throw new Invalid('That cursor is not valid: pass the nextCursor of the previous page.', [{ path: 'querystring.cursor', message: 'is not a valid cursor' }]);
}

/** The open work, oldest first, filtered by what the actor may see (the same rules as a read). */
export async function listSchedulingRequests(db: Kysely<Database>, ctx: RequestContext, filter: RequestFilter): Promise<{ items: RequestSummary[]; nextCursor: string | null }> {
  const { actor } = ctx;
  if (!can(actor, 'list', 'schedulingRequest')) throw new Forbidden('Your role does not give access to scheduling requests.');
  let query = db
    .selectFrom('scheduling_requests as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
    .innerJoin('stages as s', 's.id', 'r.stage_id')
    .innerJoin('requisitions as q', 'q.id', 'a.requisition_id')
    .leftJoin('interviews as i', (join) => join.onRef('i.request_id', '=', 'r.id').on('i.status', '=', 'confirmed'))
    .select([
      'r.id',
      'r.status',
      'r.waiting_on as waitingOn',
      'r.ready_at as readyAt',
      'r.first_booked_at as firstBookedAt',
      'c.id as candidateId',
      'c.name as candidateName',
      'a.id as applicationId',
      's.id as stageId',
      's.name as stageName',
      'q.id as requisitionId',
      'q.title as requisitionTitle',
      'q.client_id as clientId',
      'i.starts_at as interviewStartsAt',
      'i.candidate_confirmed_at as candidateConfirmedAt',
    ])
    .where('r.organization_id', '=', actor.organizationId);
  query = query.where(visibleRequests(actor));
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.waitingOn) query = query.where('r.waiting_on', '=', filter.waitingOn);
  if (filter.requisitionId) query = query.where('q.id', '=', filter.requisitionId);
  if (filter.candidateId) query = query.where('c.id', '=', filter.candidateId);
  if (filter.applicationId) query = query.where('a.id', '=', filter.applicationId);
  if (filter.mine && actor.kind === 'user') {
    const me = actor.id;
    query = query.where((eb) =>
      eb.or([
        eb('q.recruiter_id', '=', me),
        eb('q.hiring_manager_id', '=', me),
        eb('r.created_by', '=', me),
        eb.exists(eb.selectFrom('requisition_coordinators as rc').select('rc.user_id').whereRef('rc.requisition_id', '=', 'q.id').where('rc.user_id', '=', me)),
      ]),
    );
  }
  if (filter.cursor) {
    const [readyAt, id] = decodeCursor(filter.cursor);
    query = query.where((eb) => eb(eb.refTuple('r.ready_at', 'r.id'), '>', eb.tuple(new Date(readyAt), id)));
  }
  const rows = await query.orderBy('r.ready_at').orderBy('r.id').limit(filter.limit + 1).execute();
  const items = rows.slice(0, filter.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > filter.limit && last ? encodeCursor(last.readyAt, last.id) : null };
}

/** The list filter that matches the read policy: hiring managers their requisitions, client users their client's visible, submitted ones. */
function visibleRequests(actor: Actor): RawBuilder<boolean> {
  if (can(actor, 'read', 'schedulingRequest')) return sql<boolean>`true`;
  if (actor.kind === 'user' && actor.role === 'hiring_manager') return sql<boolean>`q.hiring_manager_id = ${actor.id}`;
  if (actor.kind === 'user' && actor.role === 'client_user' && actor.clientId) {
    return sql<boolean>`q.client_id = ${actor.clientId} and a.submitted_to_client_at is not null and coalesce((s.rules->>'clientVisible')::boolean, false)`;
  }
  return sql<boolean>`false`;
}

export async function getSchedulingRequest(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<{ view: RequestView; interview: InterviewView | null; transitions: TransitionRow[] }> {
  const view = await loadRequestView(db, ctx.actor.organizationId, id);
  authorizeRequest(ctx.actor, 'read', view);
  const [current, transitions] = await Promise.all([activeInterview(db, id), loadTransitions(db, id)]);
  return { view, interview: current ? { ...view, ...(await interviewParts(db, current)) } : null, transitions };
}

export interface TransitionRow {
  from_status: string | null;
  to_status: string;
  event: string;
  actor_type: string;
  actor_id: string | null;
  initiator: string | null;
  reason: string | null;
  at: Date;
}

function loadTransitions(db: Kysely<Database>, requestId: string): Promise<TransitionRow[]> {
  return db
    .selectFrom('request_transitions')
    .select(['from_status', 'to_status', 'event', 'actor_type', 'actor_id', 'initiator', 'reason', 'at'])
    .where('request_id', '=', requestId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Opens a request for an application's stage: ready, waiting on the coordinator. */
export async function createSchedulingRequest(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: { applicationId: string; stageId: string; rebookOf?: string | null },
): Promise<RequestView> {
  return db.transaction().execute(async (trx) => {
    const org = ctx.actor.organizationId;
    const application = await trx.selectFrom('applications').selectAll().where('id', '=', input.applicationId).where('organization_id', '=', org).executeTakeFirst();
    const stage = await trx.selectFrom('stages').selectAll().where('id', '=', input.stageId).where('organization_id', '=', org).executeTakeFirst();
    if (!application) throw new NotFound('Application not found.');
    if (!stage || stage.requisition_id !== application.requisition_id) throw new NotFound('Stage not found on this application’s requisition.');
    const [requisition, candidate] = await Promise.all([
      trx.selectFrom('requisitions').selectAll().where('id', '=', application.requisition_id).executeTakeFirstOrThrow(),
      trx.selectFrom('candidates').selectAll().where('id', '=', application.candidate_id).executeTakeFirstOrThrow(),
    ]);
    const probe: RequestView = {
      request: { organization_id: org } as RequestView['request'],
      stage,
      rules: stageRulesSchema.parse(stage.rules),
      application,
      requisition,
      candidate,
    };
    authorizeRequest(ctx.actor, 'create', probe);
    if (application.status !== 'active') throw new RuleViolation(`This application is ${application.status}; only active applications are scheduled.`);
    try {
      const request = await trx
        .insertInto('scheduling_requests')
        .values({
          organization_id: org,
          application_id: application.id,
          stage_id: stage.id,
          status: 'ready',
          waiting_on: 'coordinator',
          rebook_of: input.rebookOf ?? null,
          created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
          ready_at: ctx.now,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('request_transitions')
        .values({
          organization_id: org,
          request_id: request.id,
          from_status: null,
          to_status: 'ready',
          event: input.rebookOf ? 'rebook' : 'create',
          actor_type: ctx.actor.kind,
          actor_id: ctx.actor.kind === 'system' ? null : ctx.actor.id,
          reason: null,
          initiator: null,
          at: ctx.now,
        })
        .execute();
      await recordAudit(trx, ctx, {
        action: 'scheduling_request.created',
        entityType: 'scheduling_request',
        entityId: request.id,
        changes: { application_id: application.id, stage_id: stage.id, ...(input.rebookOf ? { rebook_of: input.rebookOf } : {}) },
      });
      await enqueueWebhookEvent(trx, ctx, 'request.created', {
        requestId: request.id,
        applicationId: application.id,
        stageId: stage.id,
        candidateExternalId: candidate.external_id,
        requisitionExternalId: requisition.external_id,
        rebookOf: request.rebook_of,
      }, { eventId: request.id });
      return { ...probe, request };
    } catch (error) {
      if (error instanceof Conflict) throw new Conflict('This application already has an open scheduling request for this stage.', { field: 'stageId' });
      throw error;
    }
  });
}

export interface Permission {
  allowed: boolean;
  reason: string | null;
}

const roleNames: Record<string, string> = { admin: 'admins', recruiter: 'recruiters', coordinator: 'coordinators', hiring_manager: 'the hiring manager' };

/**
 * What the actor may do with a request right now and, when not, why: the stage's "who may
 * schedule", its mode (coordinator stages are booked, not offered) and the request's state. The
 * same rules the book and offer commands enforce.
 */
export function schedulingActions(actor: Actor, view: RequestView): { book: Permission; offer: Permission } {
  const { status } = view.request;
  const record = policyRecord(view);
  const who = view.rules.schedulers.map((role) => roleNames[role] ?? role);
  const notYou = `Only ${who.length > 1 ? `${who.slice(0, -1).join(', ')} and ${who[who.length - 1]}` : who[0]} schedule the ${view.stage.name} stage.`;
  const closed = ['ready', 'offered', 'booked'].includes(status) ? null : `This request is ${status.replace('_', ' ')}; there is nothing to schedule.`;
  const deny = (reason: string): Permission => ({ allowed: false, reason });
  const book = closed ? deny(closed) : can(actor, 'book', 'schedulingRequest', record) ? { allowed: true, reason: null } : deny(notYou);
  let offer: Permission = book;
  if (book.allowed && view.rules.mode === 'coordinator') offer = deny('This stage is booked by a coordinator: pick an option and book it instead of offering.');
  else if (book.allowed && status === 'booked') offer = deny('The interview is booked: reschedule it instead of offering new times.');
  return { book, offer };
}

/** Solver options for a request (with its booked interview's own time free), or why there are none. */
export async function requestOptions(db: Kysely<Database>, ctx: RequestContext, id: string, optionsCount?: number): Promise<OptionsResult & { view: RequestView }> {
  const view = await loadRequestView(db, ctx.actor.organizationId, id);
  authorizeRequest(ctx.actor, 'options', view);
  if (!['ready', 'offered', 'booked'].includes(view.request.status)) throw new RuleViolation(`This request is ${view.request.status}; there is nothing to schedule.`);
  const current = await activeInterview(db, id);
  const result = await solveRequest(db, view, { now: ctx.now, excludeInterviewId: current?.id ?? null, ...(optionsCount ? { optionsCount } : {}) });
  return { ...result, view };
}

/**
 * Sends the candidate a link: with N frozen options (self-schedule) or to send their windows
 * (availability request). The link expires at the end of the booking horizon.
 */
export async function offerSchedulingRequest(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { optionsCount?: number | undefined; publicUrl: string },
): Promise<{ view: RequestView; expiresAt: Date }> {
  return db.transaction().execute(async (trx) => {
    const view = await loadRequestView(trx, ctx.actor.organizationId, id, { lock: true });
    authorizeRequest(ctx.actor, 'offer', view);
    const { mode, horizonDays } = view.rules;
    if (mode === 'coordinator') throw new RuleViolation('This stage is booked by a coordinator: pick an option and book it instead of offering.');
    const expiresAt = new Date(ctx.now.getTime() + horizonDays * DAY);
    const recipient = candidateRecipient(view);
    let options: OptionsResult['options'] = [];
    if (mode === 'self_schedule') {
      const solved = await solveRequest(trx, view, { now: ctx.now, ...(input.optionsCount ? { optionsCount: input.optionsCount } : {}) });
      if (solved.options.length === 0) {
        throw new RuleViolation(`No time fits this stage yet: ${solved.explanations.map((e) => e.message).join(' ')}`, { explanations: solved.explanations });
      }
      options = solved.options;
    }
    const request = await applyTransition(trx, ctx, view.request, 'offer', { set: { offered_options: mode === 'self_schedule' ? JSON.stringify(options) : null } });
    const link = await issueCandidateLink(trx, ctx, { requestId: id, purpose: mode === 'self_schedule' ? 'self_schedule' : 'availability', expiresAt, publicUrl: input.publicUrl });
    const times = options.map((o) => `- ${formatInZone(o.sessions[0]!.start, recipient.timeZone)}`);
    await enqueueSchedulingEmail(trx, ctx, {
      dedupeKey: `request:${id}:link:${link.id}:candidate`,
      template: mode === 'self_schedule' ? 'candidate_pick_time' : 'candidate_send_availability',
      recipient,
      subject: mode === 'self_schedule' ? `Pick a time: ${view.stage.name} – ${view.requisition.title}` : `When are you free? ${view.stage.name} – ${view.requisition.title}`,
      lines:
        mode === 'self_schedule'
          ? [`Please pick a time for your ${view.stage.name.toLowerCase()} for ${view.requisition.title}:`, ...times, '', `Choose here: ${link.url}`]
          : [`Please tell us when you are free for your ${view.stage.name.toLowerCase()} for ${view.requisition.title}:`, link.url],
      data: { requestId: id, linkUrl: link.url, expiresAt: expiresAt.toISOString(), options, stage: view.stage.name, requisition: view.requisition.title },
    });
    await recordAudit(trx, ctx, {
      action: 'scheduling_request.offered',
      entityType: 'scheduling_request',
      entityId: id,
      changes: { mode, options: options.map((o) => o.id), link_expires_at: expiresAt.toISOString() },
    });
    return { view: { ...view, request }, expiresAt };
  });
}

/** Staff booking of an option or explicit times, honoring the stage's "who may schedule". */
export async function bookSchedulingRequest(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { choice: BookingChoice; override?: { reason: string } | undefined; publicUrl: string },
): Promise<InterviewView> {
  return bookRequest(db, ctx, {
    requestId: id,
    choice: input.choice,
    override: input.override ?? null,
    publicUrl: input.publicUrl,
    authorize: (view) => authorizeRequest(ctx.actor, 'book', view),
  });
}

