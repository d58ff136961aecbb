/**
 * The slot grid and the slot finders: slots of a duration where a set of people are all free,
 * and slots where at least one of many hosts is free ("any free host", round robin).
 */
import { freeTime, preparePerson, type Person, type PreparedPerson } from './availability.js';
import { intersect, MINUTE, type Instant, type IntervalList } from './interval.js';
import { PersonLoad } from './load.js';
import { stageWindow, stepMs, type Candidate, type StageWindow, type WindowRules } from './stage.js';
import { ZoneClocks, type ZoneClock } from './zone.js';

/** A bookable slot `[start, end)`. */
export interface Slot {
  readonly start: Instant;
  readonly end: Instant;
}

/** A slot with the hosts free for all of it, sorted by id. */
export interface HostSlot extends Slot {
  readonly hostIds: readonly string[];
}

/**
 * Grid starts `t` with `[t, t + durationMs)` inside one interval of `list`. The grid is aligned
 * to the local midnight of `clock`'s zone (a candidate in Asia/Kathmandu, UTC+5:45, gets :00, :15,
 * … on their own clock), and re-aligns after a DST change.
 */
export function gridStarts(list: IntervalList, durationMs: number, step: number, clock: ZoneClock): Instant[] {
  const out: Instant[] = [];
  if (list.length === 0) return out;
  const segments = clock.segments(list[0]!.start, list[list.length - 1]!.end);
  let s = 0;
  for (const iv of list) {
    const last = iv.end - durationMs;
    while (s < segments.length && segments[s]!.end <= iv.start) s++;
    for (let k = s; k < segments.length; k++) {
      const seg = segments[k]!;
      if (seg.start > last) break;
      const from = Math.max(iv.start, seg.start);
      const to = Math.min(last, seg.end - 1);
      for (let t = Math.ceil((from + seg.offsetMs) / step) * step - seg.offsetMs; t <= to; t += step) out.push(t);
    }
  }
  return out;
}

/**
 * For each start in the ascending `starts`, 1 when `[start, start + durationMs)` lies inside one
 * interval of `free`, else 0. One linear sweep over both lists.
 */
export function coverage(free: IntervalList, starts: readonly Instant[], durationMs: number): Uint8Array {
  const out = new Uint8Array(starts.length);
  let i = 0;
  for (let k = 0; k < starts.length; k++) {
    const t = starts[k]!;
    while (i < free.length && free[i]!.end < t + durationMs && free[i]!.start <= t) i++;
    const iv = free[i];
    if (iv !== undefined && iv.start <= t && iv.end >= t + durationMs) out[k] = 1;
  }
  return out;
}

/** What the slot finders need: when, for whom, how long. */
export interface SlotQuery {
  readonly now: Instant;
  readonly rules: WindowRules;
  readonly candidate: Candidate;
  readonly durationMinutes: number;
}

interface Prepared {
  readonly clocks: ZoneClocks;
  readonly candidateClock: ZoneClock;
  readonly window: StageWindow;
  readonly step: number;
}

function prepare(q: SlotQuery): Prepared {
  const clocks = new ZoneClocks();
  const candidateClock = clocks.get(q.candidate.timeZone);
  return { clocks, candidateClock, window: stageWindow(q.rules, q.candidate, candidateClock, q.now), step: stepMs(q.rules) };
}

/** Free time of a person inside the stage window. */
export function freeInWindow(p: PreparedPerson, bufferMinutes: number, window: IntervalList): IntervalList {
  if (window.length === 0) return [];
  return intersect(window, freeTime(p, bufferMinutes, { start: window[0]!.start, end: window[window.length - 1]!.end }));
}

/** Grid starts where `p` is free for `durationMs` and within their load limits. */
function personStarts(p: PreparedPerson, grid: readonly Instant[], q: SlotQuery, pre: Prepared): Uint8Array {
  const mask = coverage(freeInWindow(p, q.rules.bufferMinutes, pre.window.window), grid, q.durationMinutes * MINUTE);
  const load = new PersonLoad(p);
  for (let k = 0; k < grid.length; k++) if (mask[k] === 1 && !load.fits(grid[k]!)) mask[k] = 0;
  return mask;
}

/**
 * Slots of `durationMinutes` on the candidate's grid where every person in `people` is free
 * (working hours, blocks, busy, buffered interviews, limits) inside the stage window.
 */
export function findSlots(q: SlotQuery & { readonly people: readonly Person[] }): Slot[] {
  const pre = prepare(q);
  const d = q.durationMinutes * MINUTE;
  const grid = gridStarts(pre.window.window, d, pre.step, pre.candidateClock);
  const ok = new Uint8Array(grid.length).fill(1);
  for (const person of q.people) {
    const mask = personStarts(preparePerson(person, pre.clocks), grid, q, pre);
    for (let k = 0; k < grid.length; k++) ok[k]! &= mask[k]!;
  }
  const out: Slot[] = [];
  for (let k = 0; k < grid.length; k++) if (ok[k] === 1) out.push({ start: grid[k]!, end: grid[k]! + d });
  return out;
}

/**
 * Slots of `durationMinutes` where at least one of `hosts` is free, each with the free hosts
 * (sorted by id, so a round-robin picker can choose by load). Output is sorted by start.
 */
export function findAnyHostSlots(q: SlotQuery & { readonly hosts: readonly Person[] }): HostSlot[] {
  const pre = prepare(q);
  const d = q.durationMinutes * MINUTE;
  const grid = gridStarts(pre.window.window, d, pre.step, pre.candidateClock);
  const free: string[][] = grid.map(() => []);
  const hosts = [...q.hosts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const host of hosts) {
    const mask = personStarts(preparePerson(host, pre.clocks), grid, q, pre);
    for (let k = 0; k < grid.length; k++) if (mask[k] === 1) free[k]!.push(host.id);
  }
  const out: HostSlot[] = [];
  for (let k = 0; k < grid.length; k++) if (free[k]!.length > 0) out.push({ start: grid[k]!, end: grid[k]! + d, hostIds: free[k]! });
  return out;
}
