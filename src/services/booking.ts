import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { checkBooking, MINUTE, type Violation } from '../core/index.js';
import { Conflict, Invalid, RuleViolation } from '../core/errors.js';
import { transition } from '../core/request-state.js';
import type { Database, Initiator, Interview, StoredOption } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { loadEngineInput } from './engine-input.js';
import { extendCandidateLinks, issueCandidateLink } from './link-tokens.js';
import { activeInterview, interviewParts, loadRequestView, type InterviewView, type RequestView } from './scheduling-context.js';
import { notifyInterview } from './scheduling-notifications.js';
import { bookingWindows, optionId, renderAll, solveRequest, toProposal, type OptionData, type RenderedExplanation } from './scheduling-options.js';
import { applyTransition } from './request-transitions.js';
import { toCoreRules } from './stage-rules.js';

/** What to book: an option by id (offered, or from the solver's current options), or explicit sessions. */
export type BookingChoice =
  | { optionId: string }
  | { sessions: { start: string; end?: string | undefined; interviewerIds: string[] }[] };

export interface BookInput {
  requestId: string;
  choice: BookingChoice;
  /** Staff only: allows going over load limits; recorded in the audit trail with the exceeded limits. */
  override?: { reason: string } | null | undefined;
  initiator?: Initiator | null | undefined;
  reason?: string | null | undefined;
  publicUrl: string;
  /** Throws when the actor may not do this to the freshly locked request. */
  authorize: (view: RequestView, current: InterviewView | null) => void;
  /** Candidates may book only the options frozen in their offer. */
  offeredOnly?: boolean;
  /** Counts as one of the candidate's own reschedules. */
  candidateReschedule?: boolean;
}

/** A frozen or chosen option that no longer fits; answered with 409 and fresh options. */
class StaleBooking extends Error {
  constructor(readonly violations: RenderedExplanation[]) {
    super('stale booking');
  }
}

export interface Alternative {
  id: string;
  start: string;
  end: string;
  sessions: { name: string; start: string; end: string; interviewers: string[] }[];
}

export function describeAlternatives(options: readonly OptionData[], names: (id: string) => string): Alternative[] {
  return options.map((o) => ({
    id: o.id,
    start: o.sessions[0]?.start ?? '',
    end: o.sessions[o.sessions.length - 1]?.end ?? '',
    sessions: o.sessions.map((s) => ({ name: s.name, start: s.start, end: s.end, interviewers: s.interviewerIds.map(names) })),
  }));
}

/**
 * Books (or moves) the interview of a request in one transaction: every session and every
 * interviewer, or nothing. The option is re-checked against current data; the database's
 * exclusion constraint settles races between app instances. A lost race, or an option that no
 * longer fits, answers 409 with fresh options computed after the failed transaction.
 */
export async function bookRequest(db: Kysely<Database>, ctx: RequestContext, input: BookInput): Promise<InterviewView> {
  try {
    return await db.transaction().execute((trx) => bookInTransaction(trx, ctx, input));
  } catch (error) {
    const lostRace = error instanceof Conflict && (error.details as { constraint?: string } | undefined)?.constraint === 'interview_assignments_no_overlap';
    if (!(error instanceof StaleBooking) && !lostRace) throw error;
    throw await conflictWithAlternatives(db, ctx, input, error instanceof StaleBooking ? error.violations : []);
  }
}

async function conflictWithAlternatives(db: Kysely<Database>, ctx: RequestContext, input: BookInput, violations: RenderedExplanation[]): Promise<Conflict> {
  const view = await loadRequestView(db, ctx.actor.organizationId, input.requestId);
  const current = await activeInterview(db, view.request.id);
  const fresh = await solveRequest(db, view, { now: ctx.now, excludeInterviewId: current?.id ?? null });
  if (input.offeredOnly && view.request.status === 'offered' && fresh.options.length > 0) {
    await db.updateTable('scheduling_requests').set({ offered_options: JSON.stringify(fresh.options), updated_at: ctx.now }).where('id', '=', view.request.id).execute();
  }
  const names = (id: string) => fresh.people.get(id)?.name ?? 'Interviewer';
  return new Conflict('That time was just taken or no longer fits. Please pick one of the fresh options.', {
    violations,
    alternatives: describeAlternatives(fresh.options, names),
    explanations: fresh.explanations,
  });
}

async function bookInTransaction(trx: Kysely<Database>, ctx: RequestContext, input: BookInput): Promise<InterviewView> {
  const view = await loadRequestView(trx, ctx.actor.organizationId, input.requestId, { lock: true });
  const existing = await activeInterview(trx, view.request.id);
  const current = existing ? { ...view, ...(await interviewParts(trx, existing)) } : null;
  input.authorize(view, current);
  const event = view.request.status === 'booked' ? 'reschedule' : 'book';
  transition(view.request.status, event);
  const { option, frozen } = await resolveChoice(trx, ctx, view, input, existing);
  const proposedIds = [...new Set(option.sessions.flatMap((s) => s.interviewerIds))];
  const engine = await loadEngineInput(trx, {
    organizationId: view.request.organization_id,
    rules: toCoreRules(view.rules),
    candidate: { timeZone: view.candidate.time_zone, windows: await bookingWindows(trx, view) },
    now: ctx.now,
    excludeInterviewId: existing?.id ?? null,
    overrideLimitsFor: input.override ? proposedIds : [],
  });
  const check = checkBooking(engine.input, toProposal(option));
  if (!check.ok) throw refusal(check.violations, renderAll(check.violations, engine.people), frozen, !input.offeredOnly);
  const interview = await writeInterview(trx, ctx, view, existing, option);
  const request = await applyTransition(trx, ctx, view.request, event, {
    clientApproval: view.rules.clientApprovalRequired,
    initiator: input.initiator ?? null,
    reason: input.reason ?? null,
    ...(input.candidateReschedule ? { set: { candidate_reschedules: view.request.candidate_reschedules + 1 } } : {}),
  });
  const booked: InterviewView = { ...view, request, ...(await interviewParts(trx, interview)) };
  await recordAudit(trx, ctx, {
    action: existing ? 'interview.rescheduled' : 'interview.booked',
    entityType: 'interview',
    entityId: interview.id,
    changes: {
      request_id: view.request.id,
      starts_at: { from: existing?.starts_at.toISOString() ?? null, to: interview.starts_at.toISOString() },
      sessions: option.sessions,
      status: interview.status,
      ...(input.initiator ? { initiator: input.initiator } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
    },
  });
  if (input.override && check.exceededLimits.length > 0) {
    await recordAudit(trx, ctx, {
      action: 'interview.load_limit_overridden',
      entityType: 'interview',
      entityId: interview.id,
      changes: { reason: input.override.reason, exceededLimits: check.exceededLimits },
    });
  }
  await notifyBooking(trx, ctx, booked, current, input.publicUrl);
  return booked;
}

function refusal(violations: readonly Violation[], rendered: RenderedExplanation[], frozen: boolean, canOverride: boolean): Error {
  const taken = violations.some((v) => v.code === 'person_busy');
  const onlyLimits = violations.every((v) => v.code === 'limit_exceeded');
  if (taken || (frozen && !(onlyLimits && canOverride))) return new StaleBooking(rendered);
  if (onlyLimits) {
    return new RuleViolation('This booking goes over an interviewer’s interview limits: book again with an override and a reason.', { violations: rendered, overrideRequired: true });
  }
  return new RuleViolation(`This booking breaks the stage rules: ${rendered.map((r) => r.message).join(' ')}`, { violations: rendered });
}

async function resolveChoice(
  trx: Kysely<Database>,
  ctx: RequestContext,
  view: RequestView,
  input: BookInput,
  existing: Interview | undefined,
): Promise<{ option: StoredOption; frozen: boolean }> {
  const { choice } = input;
  if ('sessions' in choice) {
    if (input.offeredOnly) throw new Invalid('Pick one of the offered options.');
    const specs = view.rules.sessions;
    if (choice.sessions.length !== specs.length) {
      throw new Invalid(`This stage has ${specs.length} session(s); send one entry per session.`, [{ path: 'body.sessions', message: `must have ${specs.length} entries` }]);
    }
    const sessions = choice.sessions.map((s, k) => {
      const start = new Date(s.start);
      const end = s.end ? new Date(s.end) : new Date(start.getTime() + specs[k]!.durationMinutes * MINUTE);
      return { name: specs[k]!.name, start: start.toISOString(), end: end.toISOString(), interviewerIds: s.interviewerIds };
    });
    return { option: { id: optionId(sessions), sessions }, frozen: false };
  }
  const offered = view.request.offered_options?.find((o) => o.id === choice.optionId);
  if (offered) return { option: offered, frozen: true };
  if (input.offeredOnly) throw new StaleBooking([]);
  for (const optionsCount of [view.rules.optionsCount, 10]) {
    const fresh = await solveRequest(trx, view, { now: ctx.now, excludeInterviewId: existing?.id ?? null, optionsCount });
    const found = fresh.options.find((o) => o.id === choice.optionId);
    if (found) return { option: found, frozen: false };
  }
  throw new StaleBooking([]);
}

async function writeInterview(trx: Kysely<Database>, ctx: RequestContext, view: RequestView, existing: Interview | undefined, option: StoredOption): Promise<Interview> {
  const first = option.sessions[0]!;
  const last = option.sessions[option.sessions.length - 1]!;
  const approval = view.rules.clientApprovalRequired;
  const times = { starts_at: first.start, ends_at: last.end, status: approval ? ('pending_approval' as const) : ('confirmed' as const), approval: approval ? ('pending' as const) : null };
  let interview: Interview;
  if (existing) {
    // Released holds keep their history; the sessions are replaced by the new ones.
    await trx.updateTable('interview_assignments').set({ released_at: ctx.now }).where('interview_id', '=', existing.id).where('released_at', 'is', null).execute();
    await trx.updateTable('interview_assignments').set({ session_id: null }).where('interview_id', '=', existing.id).execute();
    await trx.deleteFrom('interview_sessions').where('interview_id', '=', existing.id).execute();
    const moved = existing.starts_at.getTime() !== Date.parse(first.start);
    interview = await trx
      .updateTable('interviews')
      .set((eb) => ({
        ...times,
        approval_reason: null,
        sequence: eb('sequence', '+', 1),
        reschedule_count: eb('reschedule_count', '+', moved ? 1 : 0),
        // A new time needs a new "I'll be there" (the candidate moving it confirms it).
        ...(moved ? { candidate_confirmed_at: ctx.actor.kind === 'candidate' ? ctx.now : null } : {}),
        updated_at: ctx.now,
      }))
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  } else {
    interview = await trx
      .insertInto('interviews')
      .values({
        ...times,
        organization_id: view.request.organization_id,
        request_id: view.request.id,
        location: view.rules.location,
        booked_by_type: ctx.actor.kind,
        booked_by_id: ctx.actor.kind === 'system' ? null : ctx.actor.id,
        booked_at: ctx.now,
        candidate_confirmed_at: ctx.actor.kind === 'candidate' ? ctx.now : null,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  const sessions = await trx
    .insertInto('interview_sessions')
    .values(option.sessions.map((s, k) => ({ organization_id: interview.organization_id, interview_id: interview.id, position: k, name: s.name, starts_at: s.start, ends_at: s.end })))
    .returning(['id', 'position'])
    .execute();
  const buffer = view.rules.bufferMinutes * MINUTE;
  const rows = option.sessions.flatMap((s, k) =>
    s.interviewerIds.map((interviewerId) => ({
      organization_id: interview.organization_id,
      interviewer_id: interviewerId,
      interview_id: interview.id,
      session_id: sessions.find((row) => row.position === k)!.id,
      starts_at: s.start,
      ends_at: s.end,
      blocked_until: new Date(Date.parse(s.end) + buffer),
      created_at: ctx.now,
    })),
  );
  if (rows.length > 0) await trx.insertInto('interview_assignments').values(rows).execute();
  return interview;
}

async function notifyBooking(trx: Kysely<Database>, ctx: RequestContext, booked: InterviewView, before: InterviewView | null, publicUrl: string): Promise<void> {
  const end = new Date(booked.interview.ends_at.getTime() + 24 * 60 * MINUTE);
  const pending = booked.interview.status === 'pending_approval';
  let link: string | null = null;
  // Candidates keep the link they booked with; anyone else's booking sends them a fresh one to
  // manage the interview (after the client's approval when the stage needs it).
  if (ctx.actor.kind === 'candidate') await extendCandidateLinks(trx, booked.request.id, end);
  else if (!pending) link = (await issueCandidateLink(trx, ctx, { requestId: booked.request.id, purpose: 'manage', expiresAt: end, publicUrl })).url;
  const nowIds = new Set(booked.assignments.filter((a) => a.releasedAt === null).map((a) => a.interviewerId));
  const dropped = [...new Set((before?.assignments ?? []).filter((a) => a.releasedAt === null && !nowIds.has(a.interviewerId)).map((a) => a.interviewerId))];
  if (dropped.length > 0) {
    await notifyInterview(trx, ctx, booked, { template: 'interview_canceled', method: 'CANCEL', audience: ['interviewers'], interviewerIds: dropped, subject: 'Canceled for you' });
  }
  if (pending) {
    await notifyInterview(trx, ctx, booked, { template: 'interview_approval_requested', method: 'REQUEST', audience: ['client'], subject: 'Please approve the interview time' });
    return;
  }
  await notifyInterview(trx, ctx, booked, {
    template: before ? 'interview_rescheduled' : 'interview_confirmed',
    method: 'REQUEST',
    audience: ['candidate', 'interviewers'],
    subject: before ? 'Interview moved' : 'Interview confirmed',
    linkUrl: link,
  });
}

