/**
 * Instants and half-open intervals on sorted lists: the algebra the scheduling engine is built on.
 *
 * One representation everywhere in the core: an {@link Instant} is a number of milliseconds since
 * the Unix epoch (UTC), as returned by `Date.prototype.getTime()`. An {@link Interval} is half-open,
 * `[start, end)`, so adjacent intervals share no instant. An {@link IntervalList} is sorted by start,
 * its intervals are non-empty, disjoint and not touching (merged). Every operation below takes
 * normalized lists and returns a normalized list in linear time; only {@link normalize} sorts.
 */

/** Milliseconds since the Unix epoch, UTC. */
export type Instant = number;

/** A half-open span of time `[start, end)`. */
export interface Interval {
  readonly start: Instant;
  readonly end: Instant;
}

/** Sorted, non-empty, disjoint, non-touching intervals (the output of {@link normalize}). */
export type IntervalList = readonly Interval[];

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Sorts and merges any intervals (overlapping, touching, unsorted, empty) into an {@link IntervalList}. */
export function normalize(intervals: readonly Interval[]): IntervalList {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  return mergeSorted(sorted);
}

/** Merges intervals already sorted by start (overlaps and touching ones collapse). */
function mergeSorted(sorted: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let curStart = 0;
  let curEnd = 0;
  let open = false;
  for (const i of sorted) {
    if (i.end <= i.start) continue;
    if (open && i.start <= curEnd) {
      if (i.end > curEnd) curEnd = i.end;
    } else {
      if (open) out.push({ start: curStart, end: curEnd });
      curStart = i.start;
      curEnd = i.end;
      open = true;
    }
  }
  if (open) out.push({ start: curStart, end: curEnd });
  return out;
}

/** Instants in `a` or in `b`. */
export function union(a: IntervalList, b: IntervalList): IntervalList {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const merged: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start <= y.start)) {
      merged.push(x!);
      i++;
    } else {
      merged.push(y);
      j++;
    }
  }
  return mergeSorted(merged);
}

/** Union of many lists, merged pairwise (O(n log k) for k lists of n intervals in total). */
export function unionAll(lists: readonly IntervalList[]): IntervalList {
  if (lists.length === 0) return [];
  let level = lists.slice();
  while (level.length > 1) {
    const next: IntervalList[] = [];
    for (let k = 0; k < level.length; k += 2) next.push(k + 1 < level.length ? union(level[k]!, level[k + 1]!) : level[k]!);
    level = next;
  }
  return level[0]!;
}

/** Instants in both `a` and `b`. */
export function intersect(a: IntervalList, b: IntervalList): IntervalList {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** Instants in every list (empty input → empty result). */
export function intersectAll(lists: readonly IntervalList[]): IntervalList {
  if (lists.length === 0) return [];
  let acc = lists[0]!;
  for (let k = 1; k < lists.length && acc.length > 0; k++) acc = intersect(acc, lists[k]!);
  return acc;
}

/** Instants in `a` but not in `b`. */
export function subtract(a: IntervalList, b: IntervalList): IntervalList {
  if (b.length === 0) return a;
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.start;
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < x.end) {
      const y = b[k]!;
      if (y.start > start) out.push({ start, end: y.start });
      if (y.end > start) start = y.end;
      if (start >= x.end) break;
      k++;
    }
    if (start < x.end) out.push({ start, end: x.end });
  }
  return out;
}

/** The part of `list` inside `window`. */
export function clip(list: IntervalList, window: Interval): IntervalList {
  return intersect(list, window.end > window.start ? [window] : []);
}

/**
 * Pads every interval by `beforeMs` on the left and `afterMs` on the right and merges the result:
 * a 10-minute buffer turns a 10:00–11:00 interview into busy time 09:50–11:10.
 */
export function buffer(list: IntervalList, beforeMs: number, afterMs: number = beforeMs): IntervalList {
  if (beforeMs === 0 && afterMs === 0) return list;
  return mergeSorted(list.map((i) => ({ start: i.start - beforeMs, end: i.end + afterMs })));
}

/** Only the intervals at least `minMs` long (a duration filter). */
export function atLeast(list: IntervalList, minMs: number): IntervalList {
  return list.filter((i) => i.end - i.start >= minMs);
}

/** Index of the last interval whose start is ≤ `t`, or -1. */
function lastStartingAtOrBefore(list: IntervalList, t: Instant): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** True when `[start, end)` lies entirely inside one interval of `list` (O(log n)). */
export function covers(list: IntervalList, start: Instant, end: Instant): boolean {
  const k = lastStartingAtOrBefore(list, start);
  return k >= 0 && list[k]!.end >= end;
}

/** True when `[start, end)` shares at least one instant with `list` (O(log n)). */
export function overlaps(list: IntervalList, start: Instant, end: Instant): boolean {
  const k = lastStartingAtOrBefore(list, start);
  if (k >= 0 && list[k]!.end > start) return true;
  const next = list[k + 1];
  return next !== undefined && next.start < end;
}

/** Total length of a normalized list, in milliseconds. */
export function totalLength(list: IntervalList): number {
  let sum = 0;
  for (const i of list) sum += i.end - i.start;
  return sum;
}
