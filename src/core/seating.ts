/**
 * Seats of a panel and the assignment of interviewers to them. A seat is one place to fill: a
 * named person, or one of the `count` places of a pool requirement. Each person fills at most one
 * seat of an option (a panel meets different people; this also rules out double use in time).
 * Assignment is bipartite matching (Kuhn's augmenting paths, tiny here: ≤ ~15 seats × ~40 people),
 * trying people in preference order so the result is the least-loaded feasible one found greedily.
 */
import { Invalid } from './errors.js';
import type { Person } from './availability.js';
import type { Pool, SessionSpec } from './stage.js';

export interface Seat {
  readonly session: number;
  /** Index of the requirement inside its session. */
  readonly requirement: number;
  /** Indices into the sorted person list of the eligible people, ascending. */
  readonly eligible: readonly number[];
}

/** Persons sorted by id (the canonical order that makes results independent of input order). */
export function sortPeople<P extends Pick<Person, 'id'>>(people: readonly P[]): P[] {
  const sorted = [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let k = 1; k < sorted.length; k++) if (sorted[k]!.id === sorted[k - 1]!.id) throw new Invalid(`person "${sorted[k]!.id}" appears twice`);
  return sorted;
}

/** People eligible for a pool requirement: members carrying the pool's tag and the requirement's tag. */
export function poolEligible(pool: Pool, tag: string | null | undefined, index: ReadonlyMap<string, number>, people: readonly Person[]): number[] {
  const out: number[] = [];
  for (const id of pool.memberIds) {
    const k = index.get(id);
    if (k === undefined) continue;
    const tags = people[k]!.tags;
    if ((pool.requiredTag && !tags.includes(pool.requiredTag)) || (tag && !tags.includes(tag))) continue;
    out.push(k);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/**
 * The seats of a stage, named people first, then pool seats with the fewest eligible people
 * first (the order in which matching fills them). Throws {@link Invalid} for unknown people or
 * pools, bad counts and durations, or a person named in two places.
 */
export function buildSeats(sessions: readonly SessionSpec[], pools: readonly Pool[], people: readonly Person[]): Seat[] {
  if (sessions.length === 0) throw new Invalid('a stage needs at least one session');
  const index = new Map(people.map((p, k) => [p.id, k]));
  const poolById = new Map(pools.map((p) => [p.id, p]));
  const named: Seat[] = [];
  const pooled: Seat[] = [];
  const seen = new Set<string>();
  sessions.forEach((session, s) => {
    if (!Number.isInteger(session.durationMinutes) || session.durationMinutes <= 0) {
      throw new Invalid(`session "${session.name}" needs a positive whole duration in minutes`);
    }
    session.requirements.forEach((req, r) => {
      if (req.kind === 'people') {
        for (const id of req.personIds) {
          const k = index.get(id);
          if (k === undefined) throw new Invalid(`session "${session.name}" names unknown person "${id}"`);
          if (seen.has(id)) throw new Invalid(`person "${id}" is named twice; a person attends one session of a panel`);
          seen.add(id);
          named.push({ session: s, requirement: r, eligible: [k] });
        }
        return;
      }
      const pool = poolById.get(req.poolId);
      if (!pool) throw new Invalid(`session "${session.name}" uses unknown pool "${req.poolId}"`);
      if (!Number.isInteger(req.count) || req.count < 1) throw new Invalid(`pool requirement "${pool.name}" needs a count ≥ 1`);
      const eligible = poolEligible(pool, req.tag, index, people);
      for (let c = 0; c < req.count; c++) pooled.push({ session: s, requirement: r, eligible });
    });
  });
  pooled.sort((a, b) => a.eligible.length - b.eligible.length || a.session - b.session || a.requirement - b.requirement);
  return [...named, ...pooled];
}

/**
 * Fills every seat with a distinct person, or returns null when impossible. `candidates(seat)`
 * lists the usable people of a seat in preference order. Returns person indices by seat.
 */
export function matchSeats(seats: readonly Seat[], candidates: (seat: Seat, s: number) => readonly number[]): Int32Array | null {
  const lists = seats.map((seat, s) => candidates(seat, s));
  const seatOf = new Map<number, number>();
  const assigned = new Int32Array(seats.length).fill(-1);
  const tryAssign = (s: number, visited: Set<number>): boolean => {
    for (const p of lists[s]!) {
      if (visited.has(p)) continue;
      visited.add(p);
      const holder = seatOf.get(p);
      if (holder === undefined || tryAssign(holder, visited)) {
        seatOf.set(p, s);
        assigned[s] = p;
        return true;
      }
    }
    return false;
  };
  for (let s = 0; s < seats.length; s++) if (!tryAssign(s, new Set())) return null;
  return assigned;
}
