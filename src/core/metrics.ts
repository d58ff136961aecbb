/**
 * The arithmetic of the dashboards (DESIGN §6): medians and percentiles, age and lead-time
 * buckets, rates, grouping by a cut, and one summary function per metric. Pure: callers pass
 * rows (instants as epoch milliseconds) and `now`; the services decide which rows count.
 */
import { DAY, HOUR, type Instant } from './interval.js';
import { formatDate, isoWeekStart } from './zone.js';

/** The median (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile (`p` in 0–100): the smallest value with at least p% of values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const ageBuckets = [
  { key: 'lt1d', label: '< 1 d' },
  { key: 'd1to3', label: '1–3 d' },
  { key: 'd3to7', label: '3–7 d' },
  { key: 'gt7d', label: '> 7 d' },
] as const;
export type AgeBucket = (typeof ageBuckets)[number]['key'];

/** `< 1 d` below 24 h, `1–3 d` from 24 h to below 72 h, `3–7 d` from 72 h up to 7 days, `> 7 d` beyond. */
export function ageBucket(ageMs: number): AgeBucket {
  if (ageMs < DAY) return 'lt1d';
  if (ageMs < 3 * DAY) return 'd1to3';
  if (ageMs <= 7 * DAY) return 'd3to7';
  return 'gt7d';
}

export const leadTimeBuckets = [
  { key: 'lt24h', label: 'Booked < 24 h before' },
  { key: 'h24to72', label: 'Booked 24–72 h before' },
  { key: 'gt72h', label: 'Booked > 72 h before' },
] as const;
export type LeadTimeBucket = (typeof leadTimeBuckets)[number]['key'];

/** How long before the start an interview was booked: below 24 h, 24 h to 72 h inclusive, beyond 72 h. */
export function leadTimeBucket(leadMs: number): LeadTimeBucket {
  if (leadMs < 24 * HOUR) return 'lt24h';
  if (leadMs <= 72 * HOUR) return 'h24to72';
  return 'gt72h';
}

/** numerator ÷ denominator rounded to 4 decimals; null when nothing was counted. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : round(numerator / denominator, 4);
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

const hours = (ms: number | null): number | null => (ms === null ? null : round(ms / HOUR, 1));

/** One value of a cut: a stable key, what people read, and (for ordered cuts) its position. */
export interface GroupKey {
  key: string;
  label: string;
  rank?: number;
}

export interface Group<T> extends GroupKey {
  rows: T[];
}

/**
 * Rows grouped by a cut. A row may fall in several groups (an interview with two interviewers
 * counts once for each) or in none. Ordered cuts (periods, buckets) sort by rank, others by label.
 */
export function groupRows<T>(rows: readonly T[], keysOf: (row: T) => readonly GroupKey[]): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const row of rows) {
    for (const k of keysOf(row)) {
      let group = groups.get(k.key);
      if (!group) groups.set(k.key, (group = { ...k, rows: [] }));
      if (!group.rows.includes(row)) group.rows.push(row);
    }
  }
  return [...groups.values()].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
}

export type PeriodGranularity = 'day' | 'week' | 'month';

/** Days for a range up to 14 days, ISO weeks (Monday, UTC) up to 120 days, calendar months beyond. */
export function periodGranularity(from: Instant, to: Instant): PeriodGranularity {
  const days = (to - from) / DAY;
  return days <= 14 ? 'day' : days <= 120 ? 'week' : 'month';
}

/** The UTC period an instant falls in, keyed by its first day (`2026-11-02`). */
export function periodOf(t: Instant, granularity: PeriodGranularity): GroupKey {
  const day = Math.floor(t / DAY);
  if (granularity === 'day') return { key: formatDate(day), label: formatDate(day), rank: day };
  if (granularity === 'week') {
    const monday = isoWeekStart(day);
    return { key: formatDate(monday), label: `Week of ${formatDate(monday)}`, rank: monday };
  }
  const month = formatDate(day).slice(0, 7);
  const first = Math.floor(Date.parse(`${month}-01T00:00:00Z`) / DAY);
  return { key: `${month}-01`, label: month, rank: first };
}

export type MetricValues = Record<string, number | null>;

/** Time to schedule of requests first booked in the period: how many, median and p90 in hours. */
export function summarizeTimeToSchedule(rows: readonly { readyAt: Instant; bookedAt: Instant }[]): MetricValues {
  const durations = rows.map((r) => r.bookedAt - r.readyAt);
  return { scheduled: rows.length, medianHours: hours(median(durations)), p90Hours: hours(percentile(durations, 90)) };
}

export const rescheduleInitiators = ['candidate', 'staff', 'interviewer', 'client'] as const;
export type RescheduleInitiator = (typeof rescheduleInitiators)[number];

/**
 * Booked interviews, how many were rescheduled at least once, the rate, and per initiator how
 * many were rescheduled at least once at that party's request (one interview can count for two).
 */
export function summarizeReschedules(rows: readonly { rescheduledBy: readonly string[] }[]): MetricValues {
  const rescheduled = rows.filter((r) => r.rescheduledBy.length > 0).length;
  const values: MetricValues = { booked: rows.length, rescheduled, rate: rate(rescheduled, rows.length) };
  for (const who of rescheduleInitiators) {
    values[`by${who[0]!.toUpperCase()}${who.slice(1)}`] = rows.filter((r) => r.rescheduledBy.includes(who)).length;
  }
  return values;
}

/** Interviews with an outcome, no-shows of either side, the rate, and each side's no-shows. */
export function summarizeNoShows(rows: readonly { outcome: 'completed' | 'candidate_no_show' | 'interviewer_no_show' }[]): MetricValues {
  const candidate = rows.filter((r) => r.outcome === 'candidate_no_show').length;
  const interviewer = rows.filter((r) => r.outcome === 'interviewer_no_show').length;
  return {
    withOutcome: rows.length,
    noShows: candidate + interviewer,
    rate: rate(candidate + interviewer, rows.length),
    candidateNoShows: candidate,
    interviewerNoShows: interviewer,
  };
}

/** Manual staff touches and booked interviews of one group, and touches per booked interview. */
export function summarizeCoordinatorLoad(rows: readonly { kind: 'touch' | 'booking' }[]): MetricValues {
  const touches = rows.filter((r) => r.kind === 'touch').length;
  const booked = rows.length - touches;
  return { touches, booked, perInterview: booked === 0 ? null : round(touches / booked, 2) };
}

export const waitingParties = ['coordinator', 'candidate', 'interviewers', 'client'] as const;
export type WaitingParty = (typeof waitingParties)[number];

/** Open requests by age bucket (age = now − when they began waiting on whom they wait on) and by that party. */
export function summarizeAging(rows: readonly { waitingSince: Instant; waitingOn: WaitingParty }[], now: Instant): MetricValues {
  const values: MetricValues = { open: rows.length };
  for (const b of ageBuckets) values[b.key] = 0;
  for (const w of waitingParties) values[`waitingOn${w[0]!.toUpperCase()}${w.slice(1)}`] = 0;
  for (const row of rows) {
    values[ageBucket(Math.max(0, now - row.waitingSince))]! += 1;
    values[`waitingOn${row.waitingOn[0]!.toUpperCase()}${row.waitingOn.slice(1)}`]! += 1;
  }
  values.medianAgeHours = hours(median(rows.map((r) => Math.max(0, now - r.waitingSince))));
  return values;
}
