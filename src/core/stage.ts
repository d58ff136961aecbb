/**
 * Stage rules (the interview template's scheduling part) and the stage window they imply: not
 * before now + minimum notice, not after the booking horizon, only inside the allowed hours in
 * the candidate's local time, and inside the candidate's own windows when they sent some.
 */
import { Invalid } from './errors.js';
import { HOUR, DAY, intersect, normalize, type Instant, type Interval, type IntervalList } from './interval.js';
import { parseTime } from './working-hours.js';
import { isoWeekday, type ZoneClock } from './zone.js';

/** Allowed hours in the candidate's local time. */
export interface CandidateHours {
  /** `HH:mm`, e.g. `08:00`. */
  readonly start: string;
  /** `HH:mm`, e.g. `18:00`: the end of the day without evenings. */
  readonly end: string;
  /** When true, sessions may also run from `end` until `eveningEnd`. */
  readonly eveningsAllowed: boolean;
  /** `HH:mm`, default `21:00`. */
  readonly eveningEnd?: string;
  /** When false, Saturdays and Sundays (candidate's local dates) are excluded. */
  readonly weekendsAllowed: boolean;
}

/** Who must attend a session: named people, or `count` members of a pool (optionally with a tag). */
export type Requirement =
  | { readonly kind: 'people'; readonly personIds: readonly string[] }
  | { readonly kind: 'pool'; readonly poolId: string; readonly count: number; readonly tag?: string | null };

export interface SessionSpec {
  readonly name: string;
  readonly durationMinutes: number;
  readonly requirements: readonly Requirement[];
}

/** The part of a stage's rules that limits when anything may be scheduled. */
export interface WindowRules {
  readonly minNoticeHours: number;
  readonly horizonDays: number;
  /** Gap kept around existing interviews. */
  readonly bufferMinutes: number;
  readonly candidateHours: CandidateHours;
  /** Slot grid step in minutes, aligned to the candidate's local midnight; must divide 1440. Default 15. */
  readonly stepMinutes?: number;
}

/** A stage's scheduling rules. */
export interface StageRules extends WindowRules {
  /** In order; each session starts after the previous one ends (+ `breakMinutes`). */
  readonly sessions: readonly SessionSpec[];
  readonly breakMinutes: number;
  /** `back_to_back`: each session starts exactly `breakMinutes` after the previous; `same_day`: at least, same candidate-local date. */
  readonly arrangement: 'back_to_back' | 'same_day';
  /** How many options to offer. */
  readonly optionsCount: number;
}

/** A named set of interviewers; members must carry `requiredTag` when it is set. */
export interface Pool {
  readonly id: string;
  readonly name: string;
  readonly memberIds: readonly string[];
  readonly requiredTag?: string | null;
}

/** The candidate's side: their zone, and the windows they sent (availability-request mode). */
export interface Candidate {
  readonly timeZone: string;
  readonly windows?: readonly Interval[] | null;
}

/** The stage window and its parts (kept apart so explanations can say which part blocks). */
export interface StageWindow {
  /** `[now + notice, now + horizon)`. */
  readonly bounds: Interval;
  /** Bounds ∩ allowed candidate hours. */
  readonly allowed: IntervalList;
  /** Allowed ∩ candidate windows (= allowed when the candidate sent none). */
  readonly window: IntervalList;
}

/** The grid step of some rules in milliseconds (validated). */
export function stepMs(rules: WindowRules): number {
  const step = rules.stepMinutes ?? 15;
  if (!Number.isInteger(step) || step <= 0 || 1440 % step !== 0) throw new Invalid(`stepMinutes ${step} must divide 1440`);
  return step * 60_000;
}

/** Validates the numeric rules that are easy to get wrong (throws {@link Invalid}). */
export function validateWindowRules(rules: WindowRules): void {
  const checks: [boolean, string][] = [
    [rules.minNoticeHours >= 0, 'minNoticeHours must be ≥ 0'],
    [rules.horizonDays > 0, 'horizonDays must be > 0'],
    [rules.bufferMinutes >= 0, 'bufferMinutes must be ≥ 0'],
  ];
  for (const [ok, message] of checks) if (!ok) throw new Invalid(message);
  stepMs(rules);
}

/** Allowed local minutes `[start, end)` of a candidate day. */
function allowedMinutes(hours: CandidateHours): readonly [number, number] {
  const start = parseTime(hours.start);
  const end = hours.eveningsAllowed ? Math.max(parseTime(hours.end), parseTime(hours.eveningEnd ?? '21:00')) : parseTime(hours.end);
  if (start >= end) throw new Invalid(`candidate hours ${hours.start}–${hours.end} must end after they start`);
  return [start, end];
}

/**
 * The stage window: where sessions may lie for this candidate at time `now`.
 * The horizon is exactly `horizonDays × 24 h` after `now`.
 */
export function stageWindow(rules: WindowRules, candidate: Candidate, clock: ZoneClock, now: Instant): StageWindow {
  validateWindowRules(rules);
  const bounds = { start: now + rules.minNoticeHours * HOUR, end: now + rules.horizonDays * DAY };
  const [startMin, endMin] = allowedMinutes(rules.candidateHours);
  const hours: Interval[] = [];
  if (bounds.end > bounds.start) {
    for (let day = clock.localDay(bounds.start); day <= clock.localDay(bounds.end - 1); day++) {
      if (!rules.candidateHours.weekendsAllowed && isoWeekday(day) >= 6) continue;
      hours.push({ start: clock.wallToInstant(day, startMin), end: clock.wallToInstant(day, endMin) });
    }
  }
  const allowed = intersect(normalize(hours), bounds.end > bounds.start ? [bounds] : []);
  const window = candidate.windows ? intersect(allowed, normalize(candidate.windows)) : allowed;
  return { bounds, allowed, window };
}
