import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Actor, RequestContext } from '../auth/actor.js';
import { can } from '../auth/policies.js';
import { checkBooking, type ProposedOption } from '../core/index.js';
import { Forbidden, Invalid, RuleViolation } from '../core/errors.js';
import type { Database, Initiator, Interview, InterviewOutcome, StoredWindow } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { bookRequest, type BookingChoice } from './booking.js';
import { loadEngineInput } from './engine-input.js';
import { assertActive, cancelRequestWithInterview, recordRequestNote, releaseHolds } from './interview-changes.js';
import { issueCandidateLink } from './link-tokens.js';
import { decodeCursor, toPage, type Page } from './pagination.js';
import { authorizeInterview, interviewParts, loadInterviewView, loadInterviewViews, type InterviewView } from './scheduling-context.js';
import { enqueueSchedulingEmail, formatInZone, notifyInterview, staffRecipients } from './scheduling-notifications.js';
import { bookingWindows } from './scheduling-options.js';
import { createSchedulingRequest } from './scheduling-requests.js';
import { applyTransition } from './request-transitions.js';
import { toCoreRules } from './stage-rules.js';

export interface InterviewFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  personId?: string | undefined;
  clientId?: string | undefined;
  /** Interviews where a current interviewer is a member of this pool. */
  poolId?: string | undefined;
  status?: Interview['status'] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Interviews in a time range (by start), as far as the read policy lets the actor see them. */
export async function listInterviews(db: Kysely<Database>, ctx: RequestContext, filter: InterviewFilter): Promise<Page<InterviewView>> {
  const { actor } = ctx;
  if (!can(actor, 'list', 'interview')) throw new Forbidden('Your role does not give access to interviews.');
  let query = db
    .selectFrom('interviews as i')
    .innerJoin('scheduling_requests as r', 'r.id', 'i.request_id')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .innerJoin('stages as s', 's.id', 'r.stage_id')
    .innerJoin('requisitions as q', 'q.id', 'a.requisition_id')
    .select(['i.id', 'i.starts_at'])
    .where('i.organization_id', '=', actor.organizationId);
  query = query.where(visibleInterviews(actor));
  if (filter.from) query = query.where('i.ends_at', '>', filter.from);
  if (filter.to) query = query.where('i.starts_at', '<', filter.to);
  if (filter.status) query = query.where('i.status', '=', filter.status);
  if (filter.clientId) query = query.where('q.client_id', '=', filter.clientId);
  if (filter.personId) {
    const person = filter.personId;
    query = query.where((eb) => eb.exists(eb.selectFrom('interview_assignments as p').select('p.id').whereRef('p.interview_id', '=', 'i.id').where('p.interviewer_id', '=', person)));
  }
  if (filter.poolId) {
    const pool = filter.poolId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('interview_assignments as p')
          .innerJoin('pool_members as m', 'm.user_id', 'p.interviewer_id')
          .select('p.id')
          .whereRef('p.interview_id', '=', 'i.id')
          .where('p.released_at', 'is', null)
          .where('m.pool_id', '=', pool),
      ),
    );
  }
  if (filter.cursor) {
    const { key, id } = decodeCursor(filter.cursor);
    const after = new Date(key);
    if (Number.isNaN(after.getTime())) throw new Invalid('That cursor is not valid: pass the nextCursor of the previous page.', [{ path: 'querystring.cursor', message: 'is not a valid cursor' }]);
    query = query.where((eb) => eb(eb.refTuple('i.starts_at', 'i.id'), '>', eb.tuple(after, id)));
  }
  const rows = await query.orderBy('i.starts_at').orderBy('i.id').limit(filter.limit + 1).execute();
  const page = toPage(rows, filter.limit, (row) => row.starts_at.toISOString());
  return { items: await loadInterviewViews(db, actor.organizationId, page.items.map((row) => row.id)), nextCursor: page.nextCursor };
}

/** The list filter that matches the interview read policy. */
function visibleInterviews(actor: Actor): RawBuilder<boolean> {
  if (can(actor, 'read', 'interview')) return sql<boolean>`true`;
  if (actor.kind !== 'user') return sql<boolean>`false`;
  const assigned = sql<boolean>`exists (select 1 from interview_assignments x where x.interview_id = i.id and x.interviewer_id = ${actor.id} and (x.released_at is null or x.declined_at is not null))`;
  if (actor.role === 'hiring_manager') return sql<boolean>`(q.hiring_manager_id = ${actor.id} or ${assigned})`;
  if (actor.role === 'interviewer') return assigned;
  if (actor.role === 'client_user' && actor.clientId) {
    return sql<boolean>`q.client_id = ${actor.clientId} and a.submitted_to_client_at is not null and coalesce((s.rules->>'clientVisible')::boolean, false)`;
  }
  return sql<boolean>`false`;
}

export async function getInterview(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<InterviewView> {
  const view = await loadInterviewView(db, ctx.actor.organizationId, id);
  authorizeInterview(ctx.actor, 'read', view);
  return view;
}

/** Moves an interview to new times (new holds, old ones released, one transaction), recording who asked. */
export async function rescheduleInterview(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { choice: BookingChoice; initiator: Initiator; reason?: string | undefined; override?: { reason: string } | undefined; publicUrl: string },
): Promise<InterviewView> {
  const found = await loadInterviewView(db, ctx.actor.organizationId, id);
  authorizeInterview(ctx.actor, 'read', found);
  return bookRequest(db, ctx, {
    requestId: found.request.id,
    choice: input.choice,
    initiator: input.initiator,
    reason: input.reason ?? null,
    override: input.override ?? null,
    publicUrl: input.publicUrl,
    authorize: (_view, current) => {
      if (!current || current.interview.id !== id) throw new RuleViolation('This interview is no longer active; book the request again instead.');
      authorizeInterview(ctx.actor, 'reschedule', current);
    },
  });
}

export async function cancelInterview(db: Kysely<Database>, ctx: RequestContext, id: string, input: { reason: string; initiator?: Initiator | undefined }): Promise<InterviewView> {
  return db.transaction().execute(async (trx) => {
    const view = await loadInterviewView(trx, ctx.actor.organizationId, id, { lock: true });
    authorizeInterview(ctx.actor, 'cancel', view);
    assertActive(view);
    return (await cancelRequestWithInterview(trx, ctx, view, view, { reason: input.reason, initiator: input.initiator ?? null }))!;
  });
}

/** Records what happened, only once the interview has started; a candidate no-show counts on the candidate. */
export async function recordOutcome(db: Kysely<Database>, ctx: RequestContext, id: string, outcome: InterviewOutcome): Promise<InterviewView> {
  return db.transaction().execute(async (trx) => {
    const view = await loadInterviewView(trx, ctx.actor.organizationId, id, { lock: true });
    authorizeInterview(ctx.actor, 'outcome', view);
    if (view.interview.status !== 'confirmed') throw new RuleViolation(`Only confirmed interviews get an outcome; this one is ${view.interview.status.replace('_', ' ')}.`);
    if (ctx.now < view.interview.starts_at) throw new RuleViolation('The outcome can be recorded once the interview has started.', { startsAt: view.interview.starts_at.toISOString() });
    const interview = await trx
      .updateTable('interviews')
      .set({ outcome, outcome_at: ctx.now, status: outcome === 'completed' ? 'completed' : 'no_show', updated_at: ctx.now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const request = await applyTransition(trx, ctx, view.request, outcome === 'completed' ? 'complete' : 'no_show', { reason: outcome });
    let candidate = view.candidate;
    if (outcome === 'candidate_no_show') {
      candidate = await trx
        .updateTable('candidates')
        .set((eb) => ({ no_show_count: eb('no_show_count', '+', 1), updated_at: ctx.now }))
        .where('id', '=', view.candidate.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    await recordAudit(trx, ctx, { action: 'interview.outcome_recorded', entityType: 'interview', entityId: id, changes: { outcome: { from: null, to: outcome } } });
    return { ...view, request, candidate, ...(await interviewParts(trx, interview)) };
  });
}

/** After a no-show: a new request for the same stage, linked to the old one. */
export async function rebookInterview(db: Kysely<Database>, ctx: RequestContext, id: string) {
  const view = await getInterview(db, ctx, id);
  authorizeInterview(ctx.actor, 'rebook', view);
  if (view.interview.status !== 'no_show') throw new RuleViolation('Only a no-show is rebooked; cancel or reschedule other interviews.');
  return createSchedulingRequest(db, ctx, { applicationId: view.application.id, stageId: view.stage.id, rebookOf: view.request.id });
}

/** The client accepts the booked time: invites go out to the candidate and the interviewers. */
export async function approveInterview(db: Kysely<Database>, ctx: RequestContext, id: string, publicUrl: string): Promise<InterviewView> {
  return db.transaction().execute(async (trx) => {
    const view = await loadInterviewView(trx, ctx.actor.organizationId, id, { lock: true });
    authorizeInterview(ctx.actor, 'approve', view);
    if (view.interview.status !== 'pending_approval') throw new RuleViolation('This interview is not waiting for approval.');
    const interview = await trx.updateTable('interviews').set({ status: 'confirmed', approval: 'approved', updated_at: ctx.now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordRequestNote(trx, ctx, view, 'client_approved', { waitingOn: null });
    const approved = { ...view, ...(await interviewParts(trx, interview)) };
    const link = await issueCandidateLink(trx, ctx, { requestId: view.request.id, purpose: 'manage', expiresAt: new Date(interview.ends_at.getTime() + 86_400_000), publicUrl });
    await notifyInterview(trx, ctx, approved, { template: 'interview_confirmed', method: 'REQUEST', audience: ['candidate', 'interviewers'], subject: 'Interview confirmed', linkUrl: link.url });
    await recordAudit(trx, ctx, { action: 'interview.approved', entityType: 'interview', entityId: id, changes: { approval: { from: 'pending', to: 'approved' } } });
    return approved;
  });
}

/**
 * The client declines the booked time (optionally proposing windows): the holds are released and
 * the request goes back to the coordinator, who books again inside the proposed windows.
 */
export async function declineInterview(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { reason: string; windows?: StoredWindow[] | undefined },
): Promise<InterviewView> {
  return db.transaction().execute(async (trx) => {
    const view = await loadInterviewView(trx, ctx.actor.organizationId, id, { lock: true });
    authorizeInterview(ctx.actor, input.windows ? 'propose' : 'decline', view);
    if (view.interview.status !== 'pending_approval') throw new RuleViolation('Only a time waiting for approval can be declined; ask the coordinator to reschedule.');
    const interview = await trx
      .updateTable('interviews')
      .set((eb) => ({
        status: 'canceled' as const,
        approval: 'declined' as const,
        approval_reason: input.reason,
        client_proposed_windows: input.windows ? JSON.stringify(input.windows) : null,
        canceled_at: ctx.now,
        canceled_by_type: 'client',
        cancel_reason: input.reason,
        sequence: eb('sequence', '+', 1),
        updated_at: ctx.now,
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await releaseHolds(trx, id, ctx.now);
    const request = await applyTransition(trx, ctx, view.request, 'return_to_coordinator', { reason: input.reason, initiator: 'client' });
    const declined = { ...view, request, ...(await interviewParts(trx, interview)) };
    const windows = (input.windows ?? []).map((w) => `- ${formatInZone(w.start, 'UTC')} – ${formatInZone(w.end, 'UTC')}`);
    for (const recipient of await staffRecipients(trx, view)) {
      await enqueueSchedulingEmail(trx, ctx, {
        dedupeKey: `interview:${id}:seq:${interview.sequence}:staff:${recipient.id}`,
        template: input.windows ? 'client_proposed_times' : 'client_declined',
        recipient,
        subject: `Client ${input.windows ? 'proposed other times' : 'declined'}: ${view.candidate.name} – ${view.stage.name}`,
        lines: [`The client ${input.windows ? 'proposed other times' : 'declined the time'} for ${view.candidate.name} (${view.requisition.title}).`, `Reason: ${input.reason}`, ...windows],
        data: { interviewId: id, requestId: view.request.id, sequence: interview.sequence, reason: input.reason, windows: input.windows ?? null },
      });
    }
    await notifyInterview(trx, ctx, declined, { template: 'interview_time_declined', method: 'CANCEL', audience: ['candidate'], subject: 'We need to find another time', note: 'The proposed time did not work out; we will send you new times shortly.' });
    await recordAudit(trx, ctx, {
      action: input.windows ? 'interview.client_proposed' : 'interview.declined',
      entityType: 'interview',
      entityId: id,
      changes: { approval: { from: 'pending', to: 'declined' }, reason: input.reason, ...(input.windows ? { windows: input.windows } : {}) },
    });
    return declined;
  });
}

export interface ReplacementSuggestion {
  session: string;
  start: string;
  people: { id: string; name: string }[];
}

/**
 * An interviewer steps out: their hold is released, the request goes back to the coordinator,
 * and the answer suggests free colleagues from the same pool for the same time (the others stay).
 */
export async function declineAssignment(db: Kysely<Database>, ctx: RequestContext, id: string, reason: string): Promise<{ view: InterviewView; suggestions: ReplacementSuggestion[] }> {
  return db.transaction().execute(async (trx) => {
    const view = await loadInterviewView(trx, ctx.actor.organizationId, id, { lock: true });
    authorizeInterview(ctx.actor, 'decline_assignment', view);
    assertActive(view);
    const me = ctx.actor.kind === 'user' ? ctx.actor.id : '';
    const mine = view.assignments.filter((a) => a.interviewerId === me && a.releasedAt === null);
    if (mine.length === 0) throw new RuleViolation('You have already declined this interview.');
    const suggestions = await suggestReplacements(trx, ctx, view, me);
    await trx
      .updateTable('interview_assignments')
      .set({ declined_at: ctx.now, released_at: ctx.now })
      .where('interview_id', '=', id)
      .where('interviewer_id', '=', me)
      .where('released_at', 'is', null)
      .execute();
    const interview = await trx.updateTable('interviews').set((eb) => ({ sequence: eb('sequence', '+', 1), updated_at: ctx.now })).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    const request =
      view.request.status === 'booked'
        ? await applyTransition(trx, ctx, view.request, 'return_to_coordinator', { reason, initiator: 'interviewer' })
        : view.request;
    const updated = { ...view, request, ...(await interviewParts(trx, interview)) };
    await notifyInterview(trx, ctx, updated, { template: 'interview_canceled', method: 'CANCEL', audience: ['interviewers'], interviewerIds: [me], subject: 'You declined' });
    const lines = suggestions.map((s) => `${s.session} (${s.start}): ${s.people.map((p) => p.name).join(', ') || 'nobody free in the pool'}`);
    for (const recipient of await staffRecipients(trx, view)) {
      await enqueueSchedulingEmail(trx, ctx, {
        dedupeKey: `interview:${id}:seq:${interview.sequence}:staff:${recipient.id}`,
        template: 'interviewer_declined',
        recipient,
        subject: `Interviewer declined: ${view.candidate.name} – ${view.stage.name}`,
        lines: [`An interviewer declined ${view.stage.name} with ${view.candidate.name}.`, `Reason: ${reason}`, 'Suggested replacements:', ...lines],
        data: { interviewId: id, requestId: view.request.id, sequence: interview.sequence, declinedBy: me, suggestions },
      });
    }
    await recordAudit(trx, ctx, { action: 'interview.assignment_declined', entityType: 'interview', entityId: id, changes: { interviewer_id: me, reason } });
    return { view: updated, suggestions };
  });
}

async function suggestReplacements(trx: Kysely<Database>, ctx: RequestContext, view: InterviewView, leaving: string): Promise<ReplacementSuggestion[]> {
  const engine = await loadEngineInput(trx, {
    organizationId: view.request.organization_id,
    rules: toCoreRules(view.rules),
    candidate: { timeZone: view.candidate.time_zone, windows: await bookingWindows(trx, view) },
    // Notice does not apply to keeping an interview that is already booked.
    now: new Date(Math.min(ctx.now.getTime(), view.interview.starts_at.getTime() - view.rules.minNoticeHours * 3_600_000)),
    excludeInterviewId: view.interview.id,
  });
  const active = view.assignments.filter((a) => a.releasedAt === null);
  const inInterview = new Set(active.map((a) => a.interviewerId));
  const current = view.sessions.map((s) => ({ start: s.starts_at.getTime(), end: s.ends_at.getTime(), interviewerIds: active.filter((a) => a.sessionId === s.id).map((a) => a.interviewerId) }));
  const out: ReplacementSuggestion[] = [];
  view.sessions.forEach((session, k) => {
    if (!current[k]!.interviewerIds.includes(leaving)) return;
    const pools = (view.rules.sessions[k]?.requirements ?? []).flatMap((r) => (r.kind === 'pool' ? [r.poolId] : []));
    const members = engine.input.pools.filter((p) => pools.includes(p.id) && p.memberIds.includes(leaving)).flatMap((p) => p.memberIds);
    const people = [...new Set(members)]
      .filter((id) => !inInterview.has(id))
      .filter((id) => {
        const proposal: ProposedOption = { sessions: current.map((s, j) => (j === k ? { ...s, interviewerIds: s.interviewerIds.map((p) => (p === leaving ? id : p)) } : s)) };
        return checkBooking(engine.input, proposal).ok;
      })
      .map((id) => ({ id, name: engine.people.get(id)?.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name));
    out.push({ session: session.name, start: session.starts_at.toISOString(), people });
  });
  return out;
}
