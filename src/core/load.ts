/**
 * Interview load of interviewers: existing interviews counted per local day and per ISO week in
 * the interviewer's own zone, checked against their per-day and per-week limits.
 */
import type { Instant } from './interval.js';
import type { PreparedPerson } from './availability.js';
import { formatDate, isoWeekStart, type EpochDay } from './zone.js';

/** A limit that an assignment goes over (only allowed with an explicit override). */
export interface LimitExceedance {
  readonly personId: string;
  readonly kind: 'perDay' | 'perWeek';
  readonly limit: number;
  /** Interviews on that day / in that week including the new one. */
  readonly count: number;
  /** The interviewer's local date (`perDay`) or the Monday of the ISO week (`perWeek`). */
  readonly period: string;
}

/** Existing-interview counts of one person, by local day and by ISO week (keyed by its Monday). */
export class PersonLoad {
  private readonly byDay = new Map<EpochDay, number>();
  private readonly byWeek = new Map<EpochDay, number>();

  constructor(readonly prepared: PreparedPerson) {
    for (const i of prepared.person.existingInterviews) {
      const day = prepared.clock.localDay(i.start);
      const week = isoWeekStart(day);
      this.byDay.set(day, (this.byDay.get(day) ?? 0) + 1);
      this.byWeek.set(week, (this.byWeek.get(week) ?? 0) + 1);
    }
  }

  /** Existing interviews on the interviewer's local day of instant `t`. */
  dayLoad(t: Instant): number {
    return this.byDay.get(this.prepared.clock.localDay(t)) ?? 0;
  }

  /** Existing interviews in the ISO week of instant `t` (the "balanced load" measure). */
  weekLoad(t: Instant): number {
    return this.byWeek.get(isoWeekStart(this.prepared.clock.localDay(t))) ?? 0;
  }

  /** Limits that one more interview starting at `t` would exceed (empty when it fits). */
  exceededBy(t: Instant, extra = 1): LimitExceedance[] {
    const { perDay, perWeek } = this.prepared.person.limits;
    if (perDay === null && perWeek === null) return [];
    const day = this.prepared.clock.localDay(t);
    const week = isoWeekStart(day);
    const out: LimitExceedance[] = [];
    const personId = this.prepared.person.id;
    const dayCount = (this.byDay.get(day) ?? 0) + extra;
    const weekCount = (this.byWeek.get(week) ?? 0) + extra;
    if (perDay !== null && dayCount > perDay) out.push({ personId, kind: 'perDay', limit: perDay, count: dayCount, period: formatDate(day) });
    if (perWeek !== null && weekCount > perWeek) out.push({ personId, kind: 'perWeek', limit: perWeek, count: weekCount, period: formatDate(week) });
    return out;
  }

  /** True when one more interview starting at `t` stays within the limits. */
  fits(t: Instant): boolean {
    const { perDay, perWeek } = this.prepared.person.limits;
    if (perDay === null && perWeek === null) return true;
    const day = this.prepared.clock.localDay(t);
    if (perDay !== null && (this.byDay.get(day) ?? 0) + 1 > perDay) return false;
    return perWeek === null || (this.byWeek.get(isoWeekStart(day)) ?? 0) + 1 <= perWeek;
  }
}

/** An interviewer's existing interviews around a time, with the limits they count against. */
export interface LoadAt {
  /** On the interviewer's local day of the time. */
  readonly day: number;
  /** In that ISO week (Monday to Sunday, local). */
  readonly week: number;
  readonly perDay: number | null;
  readonly perWeek: number | null;
}

/** The load of a person at `t`, before one more interview is added there. */
export function loadAt(load: PersonLoad, t: Instant): LoadAt {
  const { perDay, perWeek } = load.prepared.person.limits;
  return { day: load.dayLoad(t), week: load.weekLoad(t), perDay, perWeek };
}
