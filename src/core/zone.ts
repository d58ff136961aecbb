/**
 * Time zones: the bridge between local wall-clock times and UTC instants, on top of Luxon's IANA
 * zone data (Luxon reads the tz database through `Intl`; we never hard-code an offset).
 *
 * Wall-clock time is written as a "wall" number: the milliseconds `Date.UTC(y, m, d, h, min)`
 * would give for the local date and time, i.e. what a UTC clock would read if the zone were UTC.
 * Calendar dates are {@link EpochDay}s: whole days since 1970-01-01.
 *
 * Luxon is asked for the offset once per week and, when two neighbouring samples differ, a
 * binary search finds the exact transition instant (to the second). Everything else is arithmetic on
 * those offsets, which keeps per-slot work free of `Intl` calls.
 *
 * DST rule (one rule for every conversion from wall time to an instant): **a local time T on a
 * date maps to the first instant at which that date's wall clock reads T or later.**
 * - Spring forward (America/New_York 2026-03-08, 02:00 → 03:00): 02:30 does not exist; it maps to
 *   the transition instant, 03:00 EDT. A 09:00–17:00 day stays 09:00–17:00 (7 real hours are lost
 *   only when the range itself spans the gap, e.g. 01:00–04:00 lasts 2 hours that night).
 * - Fall back (2026-11-01, 02:00 → 01:00): 01:30 happens twice; it maps to the first occurrence,
 *   01:30 EDT. A range 00:00–03:00 therefore lasts 4 real hours, 00:00–01:30 lasts 1.5 hours.
 * - Australia/Lord_Howe shifts by 30 minutes; the same rule applies (02:15 on its spring-forward
 *   night maps to the 02:30 transition instant).
 * The mapping is monotone, so a local range [a, b) always becomes a UTC interval [f(a), f(b)).
 * (Luxon's own `DateTime.fromObject` differs: it shifts gap times forward by the gap length and
 * picks the later offset for repeated times.) Two offset changes within 7 days are not supported
 * (see SAMPLE_SPAN).
 */
import { IANAZone } from 'luxon';
import { Invalid } from './errors.js';
import { DAY, MINUTE, type Instant } from './interval.js';

/** A calendar date as whole days since 1970-01-01. */
export type EpochDay = number;

/** A UTC span during which a zone's offset is constant. */
export interface OffsetSegment {
  readonly start: Instant;
  readonly end: Instant;
  readonly offsetMs: number;
}

interface Transition {
  readonly at: Instant;
  readonly before: number;
  readonly after: number;
}

const MAX_OFFSET = 15 * 60 * MINUTE;
/**
 * Offsets are sampled every 7 days, which finds every change as long as a zone does not change
 * twice within 7 days: true for every IANA zone from 2001 to 2036 (checked with Luxon; the last
 * exception was Brazil's aborted DST of October 2000).
 */
const SAMPLE_SPAN = 7 * DAY;
const EXTEND_SAMPLES = 4;

/** Parses `YYYY-MM-DD` into an {@link EpochDay}; throws {@link Invalid} when malformed. */
export function parseDate(iso: string): EpochDay {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || formatDate(ms / DAY) !== iso) throw new Invalid(`"${iso}" is not a date (YYYY-MM-DD)`);
  return ms / DAY;
}

/** Formats an {@link EpochDay} as `YYYY-MM-DD`. */
export function formatDate(day: EpochDay): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: EpochDay): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday that starts the ISO week of `day`; used as the key of a week. */
export function isoWeekStart(day: EpochDay): EpochDay {
  return day - isoWeekday(day) + 1;
}

/**
 * One IANA zone's offsets, fetched lazily from Luxon and cached. Create one per computation (see
 * {@link ZoneClocks}); it is deterministic, so sharing one across calls is also safe.
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  private loIndex = 0;
  private hiIndex = -1;
  private loOffset = 0;
  private hiOffset = 0;
  private transitions: Transition[] = [];

  constructor(readonly name: string) {
    const zone = IANAZone.create(name);
    if (!zone.isValid) throw new Invalid(`unknown time zone "${name}"`);
    this.zone = zone;
  }

  /** UTC offset in milliseconds at instant `t`. */
  offsetAt(t: Instant): number {
    this.ensure(t);
    return this.lookup(t);
  }

  private lookup(t: Instant): number {
    let lo = 0;
    let hi = this.transitions.length - 1;
    let offset = this.loOffset;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const tr = this.transitions[mid]!;
      if (tr.at <= t) {
        offset = tr.after;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return offset;
  }

  /** Local calendar date of instant `t`. */
  localDay(t: Instant): EpochDay {
    return Math.floor((t + this.offsetAt(t)) / DAY);
  }

  /** Local wall time of instant `t` (see the module comment for "wall"). */
  toWall(t: Instant): number {
    return t + this.offsetAt(t);
  }

  /** Instant of local date `day` at `minuteOfDay` (0–1440), by the module's DST rule. */
  wallToInstant(day: EpochDay, minuteOfDay: number): Instant {
    return this.fromWall(day * DAY + minuteOfDay * MINUTE);
  }

  /** The first instant at which the wall clock reads `wall` or later (the DST rule). */
  fromWall(wall: number): Instant {
    this.ensure(wall - MAX_OFFSET);
    this.ensure(wall + MAX_OFFSET);
    const near = this.transitionsNear(wall);
    if (near.length === 0) return wall - this.lookup(wall);
    let best = Infinity;
    let segStart = -Infinity;
    let offset = near[0]!.before;
    for (let k = 0; k <= near.length; k++) {
      const segEnd = near[k]?.at ?? Infinity;
      const candidate = wall - offset;
      if (candidate >= segStart && candidate < segEnd && candidate < best) best = candidate;
      else if (candidate >= segEnd && wall - (near[k]?.after ?? offset) < segEnd && segEnd < best) best = segEnd;
      segStart = segEnd;
      offset = near[k]?.after ?? offset;
    }
    return best;
  }

  private transitionsNear(wall: number): Transition[] {
    const out: Transition[] = [];
    for (const tr of this.transitions) if (Math.abs(tr.at - wall) <= MAX_OFFSET) out.push(tr);
    return out;
  }

  /** Constant-offset pieces covering `[from, to)`. */
  segments(from: Instant, to: Instant): OffsetSegment[] {
    this.ensure(from);
    this.ensure(to);
    const out: OffsetSegment[] = [];
    let start = from;
    let offset = this.offsetAt(from);
    for (const tr of this.transitions) {
      if (tr.at <= from) continue;
      if (tr.at >= to) break;
      out.push({ start, end: tr.at, offsetMs: offset });
      start = tr.at;
      offset = tr.after;
    }
    if (start < to) out.push({ start, end: to, offsetMs: offset });
    return out;
  }

  private sampleTime(index: number): Instant {
    return index * SAMPLE_SPAN + DAY / 2;
  }

  private sample(index: number): number {
    return this.zone.offset(this.sampleTime(index)) * MINUTE;
  }

  /** Makes sure the offsets around instant `t` (± one sampling span) are known. */
  private ensure(t: Instant): void {
    const index = Math.floor((t - DAY / 2) / SAMPLE_SPAN);
    if (this.hiIndex < this.loIndex) {
      this.loIndex = this.hiIndex = index;
      this.loOffset = this.hiOffset = this.sample(index);
    }
    if (index - 1 < this.loIndex) this.extendDown(Math.min(index - 1, this.loIndex - EXTEND_SAMPLES));
    if (index + 1 > this.hiIndex) this.extendUp(Math.max(index + 1, this.hiIndex + EXTEND_SAMPLES));
  }

  private extendUp(to: number): void {
    let prev = this.hiOffset;
    for (let i = this.hiIndex + 1; i <= to; i++) {
      const cur = this.sample(i);
      if (cur !== prev) this.transitions.push(this.findTransition(i - 1, prev, cur));
      prev = cur;
    }
    this.hiIndex = to;
    this.hiOffset = prev;
  }

  private extendDown(to: number): void {
    const found: Transition[] = [];
    let next = this.loOffset;
    for (let i = this.loIndex - 1; i >= to; i--) {
      const cur = this.sample(i);
      if (cur !== next) found.unshift(this.findTransition(i, cur, next));
      next = cur;
    }
    this.transitions = [...found, ...this.transitions];
    this.loIndex = to;
    this.loOffset = next;
  }

  /** Binary search (to the second) for the offset change between samples `index` and `index + 1`. */
  private findTransition(index: number, before: number, after: number): Transition {
    let lo = this.sampleTime(index);
    let hi = this.sampleTime(index + 1);
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (this.zone.offset(mid) * MINUTE === before) lo = mid;
      else hi = mid;
    }
    return { at: hi, before, after };
  }
}

/** A per-computation cache of {@link ZoneClock}s by zone name. */
export class ZoneClocks {
  private readonly clocks = new Map<string, ZoneClock>();

  /** The clock of zone `name`; throws {@link Invalid} for an unknown zone. */
  get(name: string): ZoneClock {
    let clock = this.clocks.get(name);
    if (!clock) {
      clock = new ZoneClock(name);
      this.clocks.set(name, clock);
    }
    return clock;
  }
}
