/**
 * Re-checks a concrete option (typically one offered earlier and frozen) against the current
 * data at booking time: notice, horizon, candidate hours and windows, requirements, working hours,
 * busy time with buffers, and load limits.
 */
import { busyTime, workingTime } from './availability.js';
import type { Violation } from './explain.js';
import { covers, DAY, MINUTE, overlaps, type Instant } from './interval.js';
import type { LimitExceedance } from './load.js';
import { preparePanel, type PanelProblem, type SolveInput } from './panel.js';
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

/** Shape and candidate-side checks of one session: length, order, same day, hours, windows. */
function checkSession(problem: PanelProblem, sessions: readonly ProposedSession[], k: number, out: Violation[]): void {
  const { stage } = problem.input;
  const { window: sw, candidateClock } = problem;
  const s = sessions[k]!;
  const session = stage.sessions[k]!.name;
  const mismatch = (reason: 'duration' | 'order' | 'same_day'): void => void out.push({ code: 'session_mismatch', params: { session, reason } });
  if (s.end - s.start !== problem.durations[k]) mismatch('duration');
  const prev = sessions[k - 1];
  const earliest = prev ? prev.end + stage.breakMinutes * MINUTE : s.start;
  if (stage.arrangement === 'back_to_back' ? s.start !== earliest : s.start < earliest) mismatch('order');
  else if (stage.arrangement === 'same_day' && candidateClock.localDay(s.start) !== candidateClock.localDay(sessions[0]!.start)) {
    mismatch('same_day');
  }
  // Outside notice or horizon is reported once for the whole option, not again as "outside hours".
  if (s.start < sw.bounds.start || s.end > sw.bounds.end) return;
  if (!covers(sw.allowed, s.start, s.end)) out.push({ code: 'outside_candidate_hours', params: { session } });
  else if (!covers(sw.window, s.start, s.end)) out.push({ code: 'outside_candidate_windows', params: { session } });
}

/** One assigned person in one session: working hours, busy time with buffers, limits. */
interface Findings {
  readonly violations: Violation[];
  readonly exceededLimits: LimitExceedance[];
}

function checkPerson(problem: PanelProblem, s: ProposedSession, session: string, p: number, result: Findings): void {
  const prepared = problem.prepared[p]!;
  const personId = prepared.person.id;
  if (!covers(workingTime(prepared, { start: s.start - DAY, end: s.end + DAY }), s.start, s.end)) {
    result.violations.push({ code: 'outside_working_hours', params: { session, personId } });
  }
  if (overlaps(busyTime(prepared.person, problem.input.stage.bufferMinutes, s), s.start, s.end)) {
    result.violations.push({ code: 'person_busy', params: { session, personId } });
  }
  const over = problem.loads[p]!.exceededBy(s.start);
  if (problem.overridable.has(p)) result.exceededLimits.push(...over);
  else for (const e of over) result.violations.push({ code: 'limit_exceeded', params: e });
}

/**
 * Checks `proposal` against the same input the solver takes (with `now` = booking time). An
 * empty `violations` list means the option can be booked as is. Off-grid times are accepted: a
 * coordinator may book any minute. Throws `Invalid` for inconsistent stage input.
 */
export function checkBooking(input: SolveInput, proposal: ProposedOption): BookingCheck {
  const problem = preparePanel(input);
  const { stage } = input;
  const bounds = problem.window.bounds;
  const result: Findings = { violations: [], exceededLimits: [] };
  const { violations } = result;
  const sessions = proposal.sessions;
  if (sessions.length !== stage.sessions.length) {
    violations.push({ code: 'session_mismatch', params: { session: stage.sessions[0]?.name ?? '', reason: 'count' } });
    return { ok: false, ...result };
  }
  if (sessions[0]!.start < bounds.start) violations.push({ code: 'too_soon', params: { earliest: new Date(bounds.start).toISOString() } });
  if (sessions[sessions.length - 1]!.end > bounds.end) violations.push({ code: 'beyond_horizon', params: { latest: new Date(bounds.end).toISOString() } });
  const index = new Map(problem.people.map((p, k) => [p.id, k]));
  const seen = new Set<string>();
  sessions.forEach((s, k) => {
    const session = stage.sessions[k]!.name;
    checkSession(problem, sessions, k, violations);
    const assigned: number[] = [];
    for (const personId of s.interviewerIds) {
      const p = index.get(personId);
      if (p === undefined) {
        violations.push({ code: 'unknown_person', params: { session, personId } });
        continue;
      }
      if (seen.has(personId)) violations.push({ code: 'person_reused', params: { personId } });
      seen.add(personId);
      assigned.push(p);
      checkPerson(problem, s, session, p, result);
    }
    const seats = problem.seats.filter((seat) => seat.session === k);
    const fills = (): boolean => matchSeats(seats, (seat) => seat.eligible.filter((p) => assigned.includes(p))) !== null;
    if (seats.length !== s.interviewerIds.length || !fills()) violations.push({ code: 'requirements_unmet', params: { session } });
  });
  return { ok: violations.length === 0, ...result };
}
