import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { RuleViolation } from '../core/errors.js';
import type { Database, Initiator, WaitingOn } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { revokeCandidateLinks } from './link-tokens.js';
import { activeInterview, interviewParts, loadRequestView, type InterviewView, type RequestView } from './scheduling-context.js';
import { notifyInterview } from './scheduling-notifications.js';
import { applyTransition, initiatorOf } from './request-transitions.js';

export function assertActive(view: InterviewView): void {
  if (view.interview.status !== 'confirmed' && view.interview.status !== 'pending_approval') {
    throw new RuleViolation(`This interview is ${view.interview.status.replace('_', ' ')}; it can no longer be changed.`);
  }
}

/** Releases every hold of an interview (history stays; the time is free again). */
export async function releaseHolds(trx: Kysely<Database>, interviewId: string, now: Date): Promise<void> {
  await trx.updateTable('interview_assignments').set({ released_at: now }).where('interview_id', '=', interviewId).where('released_at', 'is', null).execute();
}

/**
 * Cancels a request and its interview (if one is on): holds released, links revoked, everyone who
 * had an invite gets a cancellation with the next sequence number.
 */
export async function cancelRequestWithInterview(
  trx: Kysely<Database>,
  ctx: RequestContext,
  view: RequestView,
  current: InterviewView | null,
  input: { reason: string; initiator?: Initiator | null },
): Promise<InterviewView | null> {
  const initiator = input.initiator ?? initiatorOf(ctx);
  const request = await applyTransition(trx, ctx, view.request, 'cancel', { reason: input.reason, initiator });
  await revokeCandidateLinks(trx, view.request.id, ctx.now);
  let canceled: InterviewView | null = null;
  if (current) {
    const wasConfirmed = current.interview.status === 'confirmed';
    const interview = await trx
      .updateTable('interviews')
      .set((eb) => ({ status: 'canceled' as const, canceled_at: ctx.now, canceled_by_type: initiator, cancel_reason: input.reason, sequence: eb('sequence', '+', 1), updated_at: ctx.now }))
      .where('id', '=', current.interview.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const before = current.assignments;
    await releaseHolds(trx, interview.id, ctx.now);
    canceled = { ...view, request, ...(await interviewParts(trx, interview)) };
    const interviewerIds = [...new Set(before.filter((a) => a.releasedAt === null).map((a) => a.interviewerId))];
    await notifyInterview(trx, ctx, canceled, {
      template: 'interview_canceled',
      method: 'CANCEL',
      audience: wasConfirmed ? ['candidate', 'interviewers', 'client'] : ['candidate', 'client'],
      interviewerIds,
      subject: 'Interview canceled',
      note: `Reason: ${input.reason}`,
    });
  }
  await recordAudit(trx, ctx, {
    action: 'scheduling_request.canceled',
    entityType: current ? 'interview' : 'scheduling_request',
    entityId: current?.interview.id ?? view.request.id,
    changes: { request_id: view.request.id, reason: input.reason, initiator },
  });
  return canceled;
}

/** A step that keeps the request's state (e.g. the client approved): recorded in its history. */
export async function recordRequestNote(
  trx: Kysely<Database>,
  ctx: RequestContext,
  view: RequestView,
  event: string,
  input: { waitingOn: WaitingOn | null; reason?: string | null },
): Promise<void> {
  await trx.updateTable('scheduling_requests').set({ waiting_on: input.waitingOn, updated_at: ctx.now }).where('id', '=', view.request.id).execute();
  await trx
    .insertInto('request_transitions')
    .values({
      organization_id: view.request.organization_id,
      request_id: view.request.id,
      from_status: view.request.status,
      to_status: view.request.status,
      event,
      actor_type: ctx.actor.kind,
      actor_id: ctx.actor.kind === 'system' ? null : ctx.actor.id,
      reason: input.reason ?? null,
      initiator: initiatorOf(ctx),
      at: ctx.now,
    })
    .execute();
}

/**
 * Cancels every open request of an application (it was rejected or withdrawn), with their
 * interviews, so nobody keeps a slot for a candidate who is no longer in the process.
 */
export async function cancelOpenRequestsOf(trx: Kysely<Database>, ctx: RequestContext, applicationId: string, reason: string): Promise<number> {
  const open = await trx
    .selectFrom('scheduling_requests')
    .select('id')
    .where('application_id', '=', applicationId)
    .where('status', 'in', ['ready', 'offered', 'booked'])
    .orderBy('id')
    .execute();
  for (const { id } of open) {
    const view = await loadRequestView(trx, ctx.actor.organizationId, id, { lock: true });
    const interview = await activeInterview(trx, id);
    const current = interview ? { ...view, ...(await interviewParts(trx, interview)) } : null;
    await cancelRequestWithInterview(trx, ctx, view, current, { reason, initiator: 'staff' });
  }
  return open.length;
}
