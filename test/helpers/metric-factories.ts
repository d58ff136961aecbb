import type { Kysely } from 'kysely';
import { transition, waitingOnAfter, type RequestEvent } from '../../src/core/request-state.js';
import type { Database, Initiator, InterviewOutcome, RequestStatus, WaitingOn } from '../../src/db/schema.js';

/** Who took a step: a user (id), the candidate through their link, or the system. */
export type StepActor = { userId: string } | 'candidate' | 'system';

export interface HistoryStep {
  event: RequestEvent | 'create';
  at: string;
  by: StepActor;
  initiator?: Initiator;
}

export interface HistoryInput {
  organizationId: string;
  applicationId: string;
  stageId: string;
  steps: HistoryStep[];
  /** The interview the first `book` step creates: its (final) start, interviewers and outcome. */
  interview?: { startsAt: string; minutes?: number; interviewerIds?: string[]; outcome?: InterviewOutcome };
}

/**
 * A scheduling request with a known history, written as the services write it: the request row
 * (status, waiting_on, ready_at, first_booked_at), one transition per step with its timestamp and
 * actor, and the interview booked by the first `book` step. Statuses follow the real state machine.
 */
export async function makeHistory(db: Kysely<Database>, input: HistoryInput): Promise<{ requestId: string; interviewId: string | null }> {
  const [first, ...rest] = input.steps;
  if (!first || first.event !== 'create') throw new Error('a history starts with create');
  let status: RequestStatus = 'ready';
  let waitingOn: WaitingOn | null = 'coordinator';
  let firstBooked: string | null = null;
  const rows: { from: RequestStatus | null; to: RequestStatus; step: HistoryStep }[] = [{ from: null, to: 'ready', step: first }];
  for (const step of rest) {
    const event = step.event as RequestEvent;
    const to = transition(status, event);
    rows.push({ from: status, to, step });
    status = to;
    waitingOn = waitingOnAfter(event);
    if (event === 'book' && !firstBooked) firstBooked = step.at;
  }
  const request = await db
    .insertInto('scheduling_requests')
    .values({
      organization_id: input.organizationId,
      application_id: input.applicationId,
      stage_id: input.stageId,
      status,
      waiting_on: waitingOn,
      ready_at: first.at,
      first_booked_at: firstBooked,
      created_at: first.at,
      updated_at: input.steps[input.steps.length - 1]!.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('request_transitions')
    .values(
      rows.map(({ from, to, step }) => ({
        organization_id: input.organizationId,
        request_id: request.id,
        from_status: from,
        to_status: to,
        event: step.event,
        actor_type: typeof step.by === 'string' ? step.by : 'user',
        actor_id: typeof step.by === 'string' ? null : step.by.userId,
        initiator: step.event === 'create' ? null : (step.initiator ?? (step.by === 'candidate' ? 'candidate' : step.by === 'system' ? 'system' : 'staff')),
        reason: null,
        at: step.at,
      })),
    )
    .execute();
  const booking = input.steps.find((s) => s.event === 'book');
  if (!booking || !input.interview) return { requestId: request.id, interviewId: null };
  const { startsAt, minutes = 60, interviewerIds = [], outcome } = input.interview;
  const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
  const reschedules = input.steps.filter((s) => s.event === 'reschedule').length;
  const interview = await db
    .insertInto('interviews')
    .values({
      organization_id: input.organizationId,
      request_id: request.id,
      status: outcome ? (outcome === 'completed' ? 'completed' : 'no_show') : 'confirmed',
      starts_at: startsAt,
      ends_at: endsAt,
      location: null,
      booked_by_type: typeof booking.by === 'string' ? booking.by : 'user',
      booked_by_id: typeof booking.by === 'string' ? null : booking.by.userId,
      booked_at: booking.at,
      reschedule_count: reschedules,
      approval: null,
      outcome: outcome ?? null,
      outcome_at: outcome ? endsAt : null,
      created_at: booking.at,
      updated_at: booking.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (interviewerIds.length) {
    await db
      .insertInto('interview_assignments')
      .values(interviewerIds.map((id) => ({ organization_id: input.organizationId, interviewer_id: id, interview_id: interview.id, starts_at: startsAt, ends_at: endsAt, blocked_until: endsAt })))
      .execute();
  }
  return { requestId: request.id, interviewId: interview.id };
}
