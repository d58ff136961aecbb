/**
 * Re-checks a concrete option (typically one offered earlier and frozen) against the current
 * data at booking time: notice, horizon, candidate hours and windows, requirements, working hours,
 * busy time with buffers, and load limits.
 */
import { busyTime, workingTime } from './availability.js';
import type { Violation } from './explain.js';
import { covers, DAY, MINUTE, overlaps, type Instant } from './interval.js';
import type { LimitExceedance } from './load.js';
import { preparePanel, type SolveInput } from './panel.js';
import { matchSeats } from './seating.js';

export interface ProposedSession {
  readonly start: Instant;
  readonly end: Instant;
  readonly interviewerIds: readonly string[];
}

/** A concrete option: sessions in stage order. */
export interface ProposedOption {
  readonly sessions: readonly ProposedSession[];
}

export interface BookingCheck {
  readonly ok: boolean;
  readonly violations: readonly Violation[];
  /** Limits exceeded by people named in `overrideLimitsFor` (not violations; record them). */
  readonly exceededLimits: readonly LimitExceedance[];
}

/**
 * Checks `proposal` against the same input the solver takes (with `now` = booking time). An
 * empty `violations` list means the option can be booked as is. Off-grid times are accepted: a
 * coordinator may book any minute. Throws `Invalid` for inconsistent stage input.
 */
export function checkBooking(input: SolveInput, proposal: ProposedOption): BookingCheck {
  const problem = preparePanel(input);
  const { stage } = input;
  const { window: sw, durations, candidateClock } = problem;
  const violations: Violation[] = [];
  const exceededLimits: LimitExceedance[] = [];
  const sessions = proposal.sessions;
  if (sessions.length !== stage.sessions.length) {
    return { ok: false, violations: [{ code: 'session_mismatch', params: { session: stage.sessions[0]?.name ?? '', reason: 'count' } }], exceededLimits };
  }
  const first = sessions[0]!;
  const last = sessions[sessions.length - 1]!;
  if (first.start < sw.bounds.start) violations.push({ code: 'too_soon', params: { earliest: new Date(sw.bounds.start).toISOString() } });
  if (last.end > sw.bounds.end) violations.push({ code: 'beyond_horizon', params: { latest: new Date(sw.bounds.end).toISOString() } });
  const index = new Map(problem.people.map((p, k) => [p.id, k]));
  const seen = new Set<string>();
  sessions.forEach((s, k) => {
    const name = stage.sessions[k]!.name;
    if (s.end - s.start !== durations[k]) violations.push({ code: 'session_mismatch', params: { session: name, reason: 'duration' } });
    const prev = sessions[k - 1];
    const earliest = prev ? prev.end + stage.breakMinutes * MINUTE : s.start;
    if (stage.arrangement === 'back_to_back' ? s.start !== earliest : s.start < earliest) violations.push({ code: 'session_mismatch', params: { session: name, reason: 'order' } });
    else if (stage.arrangement === 'same_day' && candidateClock.localDay(s.start) !== candidateClock.localDay(first.start)) violations.push({ code: 'session_mismatch', params: { session: name, reason: 'same_day' } });
    const inBounds = s.start >= sw.bounds.start && s.end <= sw.bounds.end;
    if (inBounds && !covers(sw.allowed, s.start, s.end)) violations.push({ code: 'outside_candidate_hours', params: { session: name } });
    else if (inBounds && !covers(sw.window, s.start, s.end)) violations.push({ code: 'outside_candidate_windows', params: { session: name } });
    const assigned: number[] = [];
    for (const personId of s.interviewerIds) {
      const p = index.get(personId);
      if (p === undefined) {
        violations.push({ code: 'unknown_person', params: { session: name, personId } });
        continue;
      }
      if (seen.has(personId)) violations.push({ code: 'person_reused', params: { personId } });
      seen.add(personId);
      assigned.push(p);
      const prepared = problem.prepared[p]!;
      if (!covers(workingTime(prepared, { start: s.start - DAY, end: s.end + DAY }), s.start, s.end)) {
        violations.push({ code: 'outside_working_hours', params: { session: name, personId } });
      }
      if (overlaps(busyTime(prepared.person, stage.bufferMinutes, s), s.start, s.end)) violations.push({ code: 'person_busy', params: { session: name, personId } });
      const over = problem.loads[p]!.exceededBy(s.start);
      if (problem.overridable.has(p)) exceededLimits.push(...over);
      else for (const e of over) violations.push({ code: 'limit_exceeded', params: e });
    }
    const seats = problem.seats.filter((seat) => seat.session === k);
    const staffed = seats.length === s.interviewerIds.length && matchSeats(seats, (seat) => seat.eligible.filter((p) => assigned.includes(p))) !== null;
    if (!staffed) violations.push({ code: 'requirements_unmet', params: { session: name } });
  });
  return { ok: violations.length === 0, violations, exceededLimits };
}
