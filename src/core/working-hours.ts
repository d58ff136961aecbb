/**
 * Weekly working hours and one-off day overrides, written in a person's local time and expanded
 * into UTC intervals for a date range (DST handled by {@link ZoneClock}'s rule).
 */
import { Invalid } from './errors.js';
import { DAY, normalize, clip, type Interval, type IntervalList } from './interval.js';
import { isoWeekday, parseDate, type EpochDay, type ZoneClock } from './zone.js';

/** A local time range on one date, `HH:mm`–`HH:mm`, half-open; `end` may be `24:00`. */
export interface LocalRange {
  readonly start: string;
  readonly end: string;
}

/** Lower-case English weekday keys, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Weekday → local ranges; several per day are allowed (09:00–12:00 and 13:00–17:00). Missing day = off. */
export type WeeklyHours = Partial<Readonly<Record<Weekday, readonly LocalRange[]>>>;

/**
 * A one-off change on a local date. `day_off`: no weekly hours that date; `replace`: these hours
 * instead of the weekly ones; `extra`: these hours in addition (an evening, a Saturday).
 * Several overrides on one date combine: if any is `day_off` or `replace`, the weekly hours are
 * dropped and the `replace` hours are used; `extra` hours are always added.
 */
export type DayOverride =
  | { readonly date: string; readonly kind: 'day_off' }
  | { readonly date: string; readonly kind: 'replace' | 'extra'; readonly hours: readonly LocalRange[] };

/** Minutes since midnight of `HH:mm` (`24:00` allowed); throws {@link Invalid} when malformed. */
export function parseTime(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || !(minutes <= 1440)) throw new Invalid(`"${hhmm}" is not a time (HH:mm, 00:00–24:00)`);
  return minutes;
}

/** A range as `[startMinute, endMinute)`; throws {@link Invalid} unless start < end. */
export function parseRange(range: LocalRange): readonly [number, number] {
  const start = parseTime(range.start);
  const end = parseTime(range.end);
  if (start >= end) throw new Invalid(`time range ${range.start}–${range.end} must end after it starts`);
  return [start, end];
}

type MinuteRanges = readonly (readonly [number, number])[];

/** Parsed weekly hours and overrides of one person, ready to expand many times. */
export interface WorkingPlan {
  /** Index 1..7 (ISO weekday) → minute ranges. */
  readonly weekly: readonly MinuteRanges[];
  readonly overrides: ReadonlyMap<EpochDay, { readonly replace: MinuteRanges | null; readonly extra: MinuteRanges }>;
}

/** Validates and parses weekly hours and overrides once (throws {@link Invalid}). */
export function planWorkingHours(weekly: WeeklyHours, overrides: readonly DayOverride[] = []): WorkingPlan {
  const byDay: MinuteRanges[] = [[]];
  for (const day of WEEKDAYS) byDay.push((weekly[day] ?? []).map(parseRange));
  const map = new Map<EpochDay, { replace: (readonly [number, number])[] | null; extra: (readonly [number, number])[] }>();
  for (const o of overrides) {
    const day = parseDate(o.date);
    const entry = map.get(day) ?? { replace: null, extra: [] };
    if (o.kind === 'extra') entry.extra.push(...o.hours.map(parseRange));
    else entry.replace = [...(entry.replace ?? []), ...(o.kind === 'replace' ? o.hours.map(parseRange) : [])];
    map.set(day, entry);
  }
  return { weekly: byDay, overrides: map };
}

/**
 * Working time of one person in UTC within `range`: weekly hours plus overrides, per local date
 * of `clock`'s zone. On a DST change day a 09:00–17:00 range stays 09:00–17:00 on the wall clock
 * (see {@link ZoneClock} for times that do not exist or happen twice).
 */
export function expandWorkingHours(plan: WorkingPlan, clock: ZoneClock, range: Interval): IntervalList {
  if (range.end <= range.start) return [];
  const first = clock.localDay(range.start);
  const last = clock.localDay(range.end - 1);
  const out: Interval[] = [];
  for (let day = first; day <= last; day++) {
    const override = plan.overrides.get(day);
    const base = override?.replace ?? plan.weekly[isoWeekday(day)]!;
    const ranges = override && override.extra.length > 0 ? [...base, ...override.extra] : base;
    for (const [a, b] of ranges) {
      const start = clock.fromWall(day * DAY + a * 60_000);
      const end = clock.fromWall(day * DAY + b * 60_000);
      if (end > start) out.push({ start, end });
    }
  }
  return clip(isMerged(out) ? out : normalize(out), range);
}

function isMerged(list: readonly Interval[]): boolean {
  for (let k = 1; k < list.length; k++) if (list[k]!.start <= list[k - 1]!.end) return false;
  return true;
}
