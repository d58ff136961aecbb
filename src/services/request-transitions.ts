import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { transition, waitingOnAfter, type RequestEvent } from '../core/request-state.js';
import type { Database, Initiator, SchedulingRequest, WaitingOn } from '../db/schema.js';
import { enqueueWebhookEvent, type WebhookEventType } from './webhooks.js';

export interface TransitionInput {
  reason?: string | null;
  initiator?: Initiator | null;
  clientApproval?: boolean;
  /** Request fields changed together with the state (offered options, windows…). */
  set?: Partial<Pick<SchedulingRequest, 'candidate_reschedules'>> & { offered_options?: string | null; candidate_windows?: string | null };
  waitingOn?: WaitingOn | null;
}

/**
 * Moves a request through the state machine and records the step (timestamped, attributed), the
 * new `waiting_on`, and `first_booked_at` on the first booking. Must run in the caller's transaction.
 */
export async function applyTransition(
  trx: Kysely<Database>,
  ctx: RequestContext,
  request: SchedulingRequest,
  event: RequestEvent,
  input: TransitionInput = {},
): Promise<SchedulingRequest> {
  const to = transition(request.status, event);
  const waitingOn = input.waitingOn !== undefined ? input.waitingOn : waitingOnAfter(event, { clientApproval: input.clientApproval ?? false });
  const updated = await trx
    .updateTable('scheduling_requests')
    .set({
      ...input.set,
      status: to,
      waiting_on: waitingOn,
      updated_at: ctx.now,
      ...(to === 'booked' && request.first_booked_at === null ? { first_booked_at: ctx.now } : {}),
    })
    .where('id', '=', request.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const step = await trx
    .insertInto('request_transitions')
    .values({
      organization_id: request.organization_id,
      request_id: request.id,
      from_status: request.status,
      to_status: to,
      event,
      actor_type: ctx.actor.kind,
      actor_id: ctx.actor.kind === 'system' ? null : ctx.actor.id,
      reason: input.reason ?? null,
      initiator: input.initiator ?? initiatorOf(ctx),
      at: ctx.now,
    })
    .returning(['id', 'initiator'])
    .executeTakeFirstOrThrow();
  const hook = webhookFor(event, request.status);
  if (hook) {
    await enqueueWebhookEvent(trx, ctx, hook, {
      requestId: request.id,
      applicationId: request.application_id,
      stageId: request.stage_id,
      from: request.status,
      to,
      initiator: step.initiator,
      reason: input.reason ?? null,
    }, { eventId: step.id });
  }
  return updated;
}

/** The webhook an integration hears for a step; steps that do not touch an interview send none. */
function webhookFor(event: RequestEvent, from: SchedulingRequest['status']): WebhookEventType | null {
  switch (event) {
    case 'book':
      return 'interview.booked';
    case 'reschedule':
    case 'reopen':
      return 'interview.rescheduled';
    case 'cancel':
      return from === 'booked' ? 'interview.canceled' : null;
    case 'complete':
    case 'no_show':
      return 'interview.outcome_recorded';
    default:
      return null;
  }
}

/** The initiator implied by who acts, when nobody says otherwise. */
export function initiatorOf(ctx: RequestContext): Initiator {
  const { actor } = ctx;
  if (actor.kind === 'candidate') return 'candidate';
  if (actor.kind === 'system') return 'system';
  if (actor.kind === 'user' && actor.role === 'client_user') return 'client';
  if (actor.kind === 'user' && actor.role === 'interviewer') return 'interviewer';
  return 'staff';
}
