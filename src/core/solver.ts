/**
 * The panel solver: the best N options for a stage (each session's start/end and interviewers).
 *
 * Search: {@link buildTable} precomputes, per session, the candidate starts on the candidate's
 * grid and, per eligible person, whether they are free and within limits there. Panels are then
 * walked in chronological order; a panel is feasible when every seat can be filled by a distinct
 * person (bipartite matching). Back-to-back panels are one start each; same-day panels take, for
 * each first-session start, the earliest later sessions on the same candidate date (depth-first,
 * backtracking when a later session cannot be staffed).
 *
 * Ranking: earliest start, then balanced load (fewest interviews already in the interviewers'
 * ISO weeks), then fewer distinct candidate dates. Deterministic: people are processed in id
 * order, every tie is broken by id, and input order never matters.
 */
import type { Instant } from './interval.js';
import type { LimitExceedance } from './load.js';
import { buildTable, Fit, preparePanel, usable, type PanelProblem, type PanelTable, type SolveInput } from './panel.js';
import { matchSeats, type Seat } from './seating.js';
import { diagnose } from './diagnose.js';
import type { Explanation } from './explain.js';

export type { SolveInput } from './panel.js';

/** One session of an option. */
export interface SessionAssignment {
  readonly name: string;
  readonly start: Instant;
  readonly end: Instant;
  /** Assigned people, in requirement order (named people, then pool picks), ids ascending within a requirement. */
  readonly interviewerIds: readonly string[];
}

/** One offerable option: a full panel. */
export interface PanelOption {
  readonly start: Instant;
  readonly end: Instant;
  readonly sessions: readonly SessionAssignment[];
  /** Limits exceeded under an override (empty without one); record these in the audit trail. */
  readonly exceededLimits: readonly LimitExceedance[];
  /** Interviews the assigned people already have in their ISO week, summed (lower = more balanced). */
  readonly weekLoad: number;
  /** Distinct candidate-local dates the sessions fall on. */
  readonly days: number;
}

export interface SolveResult {
  readonly options: readonly PanelOption[];
  /** Why there is no option (or fewer than asked): data to render with `renderExplanation`. */
  readonly explanations: readonly Explanation[];
}

/** Bound on same-day backtracking steps, so a pathological input cannot stall a request. */
const SAME_DAY_BUDGET = 200_000;

class PanelSearch {
  private readonly seatsBySession: Seat[][];
  private budget = SAME_DAY_BUDGET;

  constructor(
    private readonly problem: PanelProblem,
    private readonly table: PanelTable,
  ) {
    this.seatsBySession = problem.input.stage.sessions.map((_, k) => problem.seats.filter((s) => s.session <= k));
  }

  /** Feasible panels as start indices per session, in chronological order of the first session. */
  *choices(): Generator<readonly number[]> {
    const n = this.problem.durations.length;
    const first = this.table.starts[0]!;
    for (let j = 0; j < first.length; j++) {
      if (this.problem.input.stage.arrangement === 'back_to_back') {
        const idx = new Array<number>(n).fill(j);
        if (this.sessionCounts(idx, n - 1, true) && this.staffed(idx, n - 1)) yield idx;
      } else {
        const idx = [j];
        if (this.sessionCounts(idx, 0, false) && this.staffed(idx, 0) && this.extend(idx, 1)) yield idx;
      }
    }
  }

  /** Depth-first: the earliest staffable start of session k on the same candidate date. */
  private extend(idx: number[], k: number): boolean {
    const { durations, candidateClock, input } = this.problem;
    if (k === durations.length) return true;
    const prev = this.table.starts[k - 1]![idx[k - 1]!]!;
    const day = candidateClock.localDay(this.table.starts[0]![idx[0]!]!);
    const minStart = prev + durations[k - 1]! + input.stage.breakMinutes * 60_000;
    const starts = this.table.starts[k]!;
    for (let j = lowerBound(starts, minStart); j < starts.length && this.budget > 0; j++) {
      if (candidateClock.localDay(starts[j]!) !== day) break;
      this.budget--;
      idx[k] = j;
      if (this.sessionCounts(idx, k, false) && this.staffed(idx, k) && this.extend(idx, k + 1)) return true;
    }
    idx.length = k;
    return false;
  }

  /** Quick necessary check: each requirement of the sessions has enough usable people. */
  private sessionCounts(idx: readonly number[], upTo: number, all: boolean): boolean {
    for (const g of this.problem.groups) {
      if (all ? g.session > upTo : g.session !== upTo) continue;
      const row = this.table.status[g.session]!;
      const j = idx[g.session]!;
      let free = 0;
      for (const p of g.eligible) if (usable(row[p]?.[j]) && ++free >= g.count) break;
      if (free < g.count) return false;
    }
    return true;
  }

  private staffed(idx: readonly number[], upTo: number): boolean {
    const seats = this.seatsBySession[upTo]!;
    return matchSeats(seats, (seat) => seat.eligible.filter((p) => usable(this.table.status[seat.session]![p]?.[idx[seat.session]!]))) !== null;
  }

  /** The option for a feasible choice, preferring people with the lowest virtual load. */
  option(idx: readonly number[], offered: Int32Array): PanelOption {
    const { problem, table } = this;
    const { loads, people, seats } = problem;
    const startOf = (k: number): Instant => table.starts[k]![idx[k]!]!;
    const assigned = matchSeats(seats, (seat) => {
      const t = startOf(seat.session);
      const row = table.status[seat.session]!;
      const usableHere = seat.eligible.filter((p) => usable(row[p]?.[idx[seat.session]!]));
      const key = (p: number): number => (row[p]![idx[seat.session]!] === Fit.OverLimitAllowed ? 1e6 : 0) + loads[p]!.weekLoad(t) + offered[p]!;
      return usableHere.map((p) => [key(p), p] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, p]) => p);
    })!;
    const exceeded: LimitExceedance[] = [];
    let weekLoad = 0;
    const sessions = problem.input.stage.sessions.map((spec, k) => {
      const picks = seats.flatMap((seat, s) => (seat.session === k ? [{ requirement: seat.requirement, p: assigned[s]! }] : []));
      picks.sort((a, b) => a.requirement - b.requirement || a.p - b.p);
      for (const { p } of picks) {
        offered[p]!++;
        weekLoad += loads[p]!.weekLoad(startOf(k));
        if (table.status[k]![p]![idx[k]!] === Fit.OverLimitAllowed) exceeded.push(...loads[p]!.exceededBy(startOf(k)));
      }
      const start = startOf(k);
      return { name: spec.name, start, end: start + problem.durations[k]!, interviewerIds: picks.map(({ p }) => people[p]!.id) };
    });
    const days = new Set(sessions.map((s) => problem.candidateClock.localDay(s.start))).size;
    return { start: sessions[0]!.start, end: sessions[sessions.length - 1]!.end, sessions, exceededLimits: exceeded, weekLoad, days };
  }
}

function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Picks up to `count` diverse options. Candidates should get real alternatives, not N panels
 * 15 minutes apart with the same people, so feasible panels are taken in rank (chronological)
 * order over three passes, each relaxing the previous one:
 * 1. spread: the start is at least max(2 h, panel length) from every accepted option's start, and
 *    a candidate-local date holds at most ⌈N/2⌉ options (so options span at least two dates);
 * 2. distinct: the panel does not overlap any accepted option in time;
 * 3. fill: any other feasible panel (only when the window is too small for the first two).
 * People rotate too: when staffing an option, each appearance of a person in an already accepted
 * option counts as one more interview in their week ("virtual load"), so equally suitable
 * colleagues are preferred; the ranking is otherwise unchanged.
 */
function diversify(search: PanelSearch, problem: PanelProblem, table: PanelTable, count: number): PanelOption[] {
  const accepted: PanelOption[] = [];
  const used = new Set<number>();
  const offered = new Int32Array(problem.people.length);
  const span = problem.offsets[problem.offsets.length - 1]! + problem.durations[problem.durations.length - 1]!;
  const spacing = Math.max(2 * 3_600_000, span);
  const perDayCap = Math.max(1, Math.ceil(count / 2));
  const dayOf = (t: Instant): number => problem.candidateClock.localDay(t);
  const last = problem.durations.length - 1;
  const startOf = (idx: readonly number[]): Instant => table.starts[0]![idx[0]!]!;
  const endOf = (idx: readonly number[]): Instant => table.starts[last]![idx[last]!]! + problem.durations[last]!;
  const passes: ((idx: readonly number[]) => boolean)[] = [
    (idx) => {
      const t = startOf(idx);
      return accepted.every((a) => Math.abs(a.start - t) >= spacing) && accepted.filter((a) => dayOf(a.start) === dayOf(t)).length < perDayCap;
    },
    (idx) => {
      const [t, end] = [startOf(idx), endOf(idx)];
      return accepted.every((a) => t >= a.end || end <= a.start);
    },
    () => true,
  ];
  const seen: (readonly number[])[] = [];
  const generator = search.choices();
  let exhausted = false;
  for (const [pass, accept] of passes.entries()) {
    const fromCache = pass > 0;
    let k = 0;
    while (accepted.length < count) {
      let idx: readonly number[] | undefined;
      if (fromCache || k < seen.length) idx = seen[k];
      if (!fromCache && idx === undefined && !exhausted) {
        const next = generator.next();
        if (next.done) exhausted = true;
        else seen.push((idx = next.value));
      }
      if (idx === undefined) break;
      k++;
      if (used.has(idx[0]!) || !accept(idx)) continue;
      used.add(idx[0]!);
      accepted.push(search.option(idx, offered));
    }
    if (accepted.length >= count) break;
    if (!exhausted) for (let next = generator.next(); !next.done; next = generator.next()) seen.push(next.value);
    exhausted = true;
  }
  return accepted.sort((a, b) => a.start - b.start || a.weekLoad - b.weekLoad || a.days - b.days);
}

/**
 * Finds up to `stage.optionsCount` diverse options for a panel stage (see the module comment for
 * search and ranking, {@link diversify} for diversity). When none fit, `explanations` names the
 * binding requirement, load limit or window; when fewer fit than asked, it says so.
 * Throws `Invalid` for inconsistent input (unknown pool or person, bad zone, bad times).
 */
export function solvePanel(input: SolveInput): SolveResult {
  const problem = preparePanel(input);
  const table = buildTable(problem, problem.window.window);
  const count = input.stage.optionsCount;
  const options = diversify(new PanelSearch(problem, table), problem, table, count);
  if (options.length === 0) return { options, explanations: diagnose(problem, table) };
  if (options.length < count) return { options, explanations: [{ code: 'fewer_options', params: { found: options.length, requested: count } }] };
  return { options, explanations: [] };
}
