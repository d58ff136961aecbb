/**
 * The scheduling request's state machine (DESIGN §2). Every transition is an event with the
 * states it may leave from; services call {@link transition} and record the result, so the
 * timestamps that time-to-schedule and aging are computed from follow one set of rules.
 */
import { RuleViolation } from './errors.js';

export type RequestState = 'ready' | 'offered' | 'booked' | 'completed' | 'no_show' | 'canceled';
export type WaitingOn = 'coordinator' | 'candidate' | 'interviewers' | 'client';

export const requestEvents = {
  /** Slots or an availability link were sent to the candidate. */
  offer: { from: ['ready', 'offered'], to: 'offered' },
  /** The candidate sent their windows; the coordinator (or solver) proposes times next. */
  availability_received: { from: ['offered'], to: 'offered' },
  /** An interview was booked (by staff, the candidate, or the solver). */
  book: { from: ['ready', 'offered'], to: 'booked' },
  /** A booked interview moved: straight to a new booking… */
  reschedule: { from: ['booked'], to: 'booked' },
  /** …or back to offering times. */
  reopen: { from: ['booked'], to: 'offered' },
  /** Back to the coordinator (an interviewer declined, the client declined). */
  return_to_coordinator: { from: ['booked', 'offered'], to: 'ready' },
  complete: { from: ['booked'], to: 'completed' },
  no_show: { from: ['booked'], to: 'no_show' },
  cancel: { from: ['ready', 'offered', 'booked'], to: 'canceled' },
} as const satisfies Record<string, { from: readonly RequestState[]; to: RequestState }>;

export type RequestEvent = keyof typeof requestEvents;

export const openStates: readonly RequestState[] = ['ready', 'offered', 'booked'];

/** The state after `event`, or a `RuleViolation` naming what is allowed. */
export function transition(state: RequestState, event: RequestEvent): RequestState {
  const rule = requestEvents[event];
  if (!(rule.from as readonly RequestState[]).includes(state)) {
    throw new RuleViolation(`A request that is ${state} cannot be ${describe(event)}.`, { state, event, allowedFrom: rule.from });
  }
  return rule.to;
}

/** Whose move it is after an event lands a request in a state (feeds "My queue" and pipeline aging). */
export function waitingOnAfter(event: RequestEvent, options: { clientApproval?: boolean } = {}): WaitingOn | null {
  switch (event) {
    case 'offer':
    case 'reopen':
      return 'candidate';
    case 'availability_received':
    case 'return_to_coordinator':
      return 'coordinator';
    case 'book':
    case 'reschedule':
      return options.clientApproval ? 'client' : null;
    default:
      return null;
  }
}

function describe(event: RequestEvent): string {
  return {
    offer: 'offered',
    availability_received: 'given availability',
    book: 'booked',
    reschedule: 'rescheduled',
    reopen: 'reopened',
    return_to_coordinator: 'returned to the coordinator',
    complete: 'completed',
    no_show: 'marked as a no-show',
    cancel: 'canceled',
  }[event];
}
