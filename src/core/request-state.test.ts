import { describe, expect, it } from 'vitest';
import { RuleViolation } from './errors.js';
import { requestEvents, transition, waitingOnAfter, type RequestEvent, type RequestState } from './request-state.js';

const states: RequestState[] = ['ready', 'offered', 'booked', 'completed', 'no_show', 'canceled'];

describe('the scheduling request state machine', () => {
  it('follows DESIGN §2: ready → offered → booked → completed | no_show | canceled', () => {
    let state: RequestState = 'ready';
    state = transition(state, 'offer');
    expect(state).toBe('offered');
    state = transition(state, 'book');
    expect(state).toBe('booked');
    expect(transition(state, 'reschedule')).toBe('booked');
    expect(transition(state, 'reopen')).toBe('offered');
    expect(transition(state, 'complete')).toBe('completed');
    expect(transition(state, 'no_show')).toBe('no_show');
    expect(transition(state, 'cancel')).toBe('canceled');
  });

  it('refuses every event from a final state with a rule violation', () => {
    for (const final of ['completed', 'no_show', 'canceled'] as const) {
      for (const event of Object.keys(requestEvents) as RequestEvent[]) {
        expect(() => transition(final, event)).toThrow(RuleViolation);
      }
    }
  });

  it('allows exactly the listed source states for each event', () => {
    for (const [event, rule] of Object.entries(requestEvents) as [RequestEvent, { from: readonly RequestState[] }][]) {
      for (const state of states) {
        if (rule.from.includes(state)) expect(() => transition(state, event)).not.toThrow();
        else expect(() => transition(state, event)).toThrow(`cannot be`);
      }
    }
  });

  it('says whose move it is', () => {
    expect(waitingOnAfter('offer')).toBe('candidate');
    expect(waitingOnAfter('availability_received')).toBe('coordinator');
    expect(waitingOnAfter('book', { clientApproval: true })).toBe('client');
    expect(waitingOnAfter('book')).toBeNull();
  });
});
