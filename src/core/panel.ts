/**
 * A panel problem prepared for search: validated input, the stage window, the seats, and for
 * each session the candidate start times with, per eligible person, whether they can take it.
 * Built once per solve; every check in the search is then an array lookup.
 */
import { preparePerson, type Person, type PreparedPerson } from './availability.js';
import { covers, MINUTE, type Instant, type IntervalList } from './interval.js';
import { PersonLoad } from './load.js';
import { buildSeats, sortPeople, type Seat } from './seating.js';
import { coverage, freeInWindow, gridStarts } from './slots.js';
import { stageWindow, stepMs, type Candidate, type Pool, type StageRules, type StageWindow } from './stage.js';
import { Invalid } from './errors.js';
import { ZoneClocks, type ZoneClock } from './zone.js';

/** Everything the panel solver and the booking check read. */
export interface SolveInput {
  readonly now: Instant;
  readonly stage: StageRules;
  readonly candidate: Candidate;
  /** Every person a requirement may name or a pool may contain (others are ignored). */
  readonly people: readonly Person[];
  readonly pools: readonly Pool[];
  /** People whose per-day / per-week limits may be exceeded; the result marks each excess. */
  readonly overrideLimitsFor?: readonly string[];
}

/** Whether a person can take a session at a start: the cells of {@link PanelTable.status}. */
export const Fit = {
  Busy: 0,
  Ok: 1,
  /** Free, over a limit, and the override allows it. */
  OverLimitAllowed: 2,
  /** Free but over a limit without override. */
  OverLimit: 3,
} as const;

/** A requirement's seats in one session, grouped for quick counting. */
export interface SeatGroup {
  readonly session: number;
  readonly requirement: number;
  readonly eligible: readonly number[];
  readonly count: number;
}

export interface PanelProblem {
  readonly input: SolveInput;
  readonly people: readonly Person[];
  readonly prepared: readonly PreparedPerson[];
  readonly loads: readonly PersonLoad[];
  readonly seats: readonly Seat[];
  readonly groups: readonly SeatGroup[];
  readonly window: StageWindow;
  readonly candidateClock: ZoneClock;
  readonly step: number;
  readonly durations: readonly number[];
  /** Back-to-back: offset of each session from the panel start. */
  readonly offsets: readonly number[];
  readonly overridable: ReadonlySet<number>;
}

export interface PanelTable {
  /** Per session: ascending candidate starts. Back-to-back: index j is the same panel in every session. */
  readonly starts: readonly (readonly Instant[])[];
  /** `status[session][person]` over `starts[session]`, only for people eligible in that session. */
  readonly status: readonly (readonly (Uint8Array | undefined)[])[];
}

/** Validates and prepares a panel problem (throws `Invalid` on inconsistent input). */
export function preparePanel(input: SolveInput): PanelProblem {
  const { stage } = input;
  if (!Number.isInteger(stage.optionsCount) || stage.optionsCount < 1) throw new Invalid('optionsCount must be ≥ 1');
  if (!(stage.breakMinutes >= 0)) throw new Invalid('breakMinutes must be ≥ 0');
  const clocks = new ZoneClocks();
  const people = sortPeople(input.people);
  const prepared = people.map((p) => preparePerson(p, clocks));
  const candidateClock = clocks.get(input.candidate.timeZone);
  const seats = buildSeats(stage.sessions, input.pools, people);
  const durations = stage.sessions.map((s) => s.durationMinutes * MINUTE);
  const offsets: number[] = [];
  let offset = 0;
  for (const d of durations) {
    offsets.push(offset);
    offset += d + stage.breakMinutes * MINUTE;
  }
  const override = new Set(input.overrideLimitsFor ?? []);
  return {
    input,
    people,
    prepared,
    loads: prepared.map((p) => new PersonLoad(p)),
    seats,
    groups: groupSeats(seats),
    window: stageWindow(stage, input.candidate, candidateClock, input.now),
    candidateClock,
    step: stepMs(stage),
    durations,
    offsets,
    overridable: new Set(people.flatMap((p, k) => (override.has(p.id) ? [k] : []))),
  };
}

function groupSeats(seats: readonly Seat[]): SeatGroup[] {
  const groups = new Map<string, SeatGroup>();
  for (const seat of seats) {
    const key = `${seat.session}/${seat.requirement}/${seat.eligible.join(',')}`;
    const g = groups.get(key);
    groups.set(key, { session: seat.session, requirement: seat.requirement, eligible: seat.eligible, count: (g?.count ?? 0) + 1 });
  }
  return [...groups.values()];
}

/** Panel starts (back-to-back) where every session lies inside `window`. */
function panelStarts(problem: PanelProblem, window: IntervalList): Instant[] {
  const { durations, offsets } = problem;
  const first = gridStarts(window, durations[0]!, problem.step, problem.candidateClock);
  return first.filter((t) => durations.every((d, k) => k === 0 || covers(window, t + offsets[k]!, t + offsets[k]! + d)));
}

/**
 * Builds the availability table over `window` (the stage window, or for explanations the allowed
 * hours without the candidate's windows).
 */
export function buildTable(problem: PanelProblem, window: IntervalList): PanelTable {
  const { stage } = problem.input;
  const n = stage.sessions.length;
  let starts: Instant[][];
  if (stage.arrangement === 'back_to_back') {
    const panel = panelStarts(problem, window);
    starts = problem.offsets.map((off) => panel.map((t) => t + off));
  } else {
    starts = problem.durations.map((d) => gridStarts(window, d, problem.step, problem.candidateClock));
  }
  const eligibleIn: Set<number>[] = Array.from({ length: n }, () => new Set());
  for (const seat of problem.seats) for (const p of seat.eligible) eligibleIn[seat.session]!.add(p);
  const free = new Map<number, IntervalList>();
  const status = eligibleIn.map((persons, k) => {
    const row: (Uint8Array | undefined)[] = [];
    for (const p of [...persons].sort((a, b) => a - b)) {
      let f = free.get(p);
      if (!f) {
        f = freeInWindow(problem.prepared[p]!, stage.bufferMinutes, window);
        free.set(p, f);
      }
      row[p] = fitRow(problem, p, f, starts[k]!, problem.durations[k]!);
    }
    return row;
  });
  return { starts, status };
}

function fitRow(problem: PanelProblem, p: number, free: IntervalList, starts: readonly Instant[], duration: number): Uint8Array {
  const row = coverage(free, starts, duration);
  const load = problem.loads[p]!;
  const over = problem.overridable.has(p) ? Fit.OverLimitAllowed : Fit.OverLimit;
  for (let j = 0; j < starts.length; j++) if (row[j] === Fit.Ok && !load.fits(starts[j]!)) row[j] = over;
  return row;
}

/** True when a status cell lets the solver use the person. */
export function usable(fit: number | undefined): boolean {
  return fit === Fit.Ok || fit === Fit.OverLimitAllowed;
}
