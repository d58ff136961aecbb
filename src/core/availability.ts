/**
 * A person's availability: working hours ∪ extra hours − blocks − calendar busy − existing
 * interviews padded by the buffer. The input types mirror database rows so a service can build
 * them directly.
 */
import { buffer, MINUTE, normalize, subtract, type Instant, type Interval, type IntervalList } from './interval.js';
import { expandWorkingHours, planWorkingHours, type DayOverride, type WeeklyHours, type WorkingPlan } from './working-hours.js';
import type { ZoneClock, ZoneClocks } from './zone.js';

/** Interview limits of an interviewer; `null` = no limit. Counted in the interviewer's own zone. */
export interface Limits {
  readonly perDay: number | null;
  readonly perWeek: number | null;
}

/** An interview already booked for a person (Loopwise's own, not a calendar event). */
export interface ExistingInterview {
  readonly start: Instant;
  readonly end: Instant;
}

/** Everything the engine needs to know about one interviewer, host or hiring manager. */
export interface Person {
  readonly id: string;
  /** IANA zone of the working hours and of the per-day / per-week limits. */
  readonly timeZone: string;
  readonly workingHours: WeeklyHours;
  readonly overrides: readonly DayOverride[];
  /** Time off and other manual blocks (UTC). */
  readonly blocks: readonly Interval[];
  /** Busy times from connected calendars (UTC). */
  readonly busy: readonly Interval[];
  readonly existingInterviews: readonly ExistingInterview[];
  readonly limits: Limits;
  readonly tags: readonly string[];
}

/** A person with their parsed plan and clock, prepared once per computation. */
export interface PreparedPerson {
  readonly person: Person;
  readonly plan: WorkingPlan;
  readonly clock: ZoneClock;
}

/** Parses a person's working hours (throws `Invalid` on a bad time or zone). */
export function preparePerson(person: Person, clocks: ZoneClocks): PreparedPerson {
  return { person, plan: planWorkingHours(person.workingHours, person.overrides), clock: clocks.get(person.timeZone) };
}

/**
 * Busy time of a person that touches `range`: blocks, calendar busy, and existing interviews
 * padded by `bufferMinutes` on both sides (so a new interview keeps that gap to them).
 */
export function busyTime(person: Person, bufferMinutes: number, range: Interval): IntervalList {
  const pad = bufferMinutes * MINUTE;
  const from = range.start - pad;
  const to = range.end + pad;
  const raw: Interval[] = [];
  for (const i of person.blocks) if (i.end > from && i.start < to) raw.push(i);
  for (const i of person.busy) if (i.end > from && i.start < to) raw.push(i);
  const interviews: Interval[] = [];
  for (const i of person.existingInterviews) if (i.end + pad > range.start && i.start - pad < range.end) interviews.push(i);
  return normalize([...raw, ...buffer(normalize(interviews), pad)]);
}

/** Working time of a prepared person inside `range`, in UTC. */
export function workingTime(p: PreparedPerson, range: Interval): IntervalList {
  return expandWorkingHours(p.plan, p.clock, range);
}

/**
 * Free time of a prepared person inside `range`: working time minus {@link busyTime}.
 * Linear in the number of busy intervals after one sort of them.
 */
export function freeTime(p: PreparedPerson, bufferMinutes: number, range: Interval): IntervalList {
  return subtract(workingTime(p, range), busyTime(p.person, bufferMinutes, range));
}
