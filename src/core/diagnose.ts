/**
 * Why a panel has no option: checks the window first (notice vs horizon, allowed hours, the
 * candidate's windows, panel length), then each requirement on its own (not enough eligible
 * people free at once, or only enough when load limits or the candidate's windows are ignored),
 * and finally the combination.
 */
import { MINUTE } from './interval.js';
import type { Explanation } from './explain.js';
import { buildTable, Fit, usable, type PanelProblem, type PanelTable, type SeatGroup } from './panel.js';
import { formatDate } from './zone.js';

/** Most eligible people of a group usable at once, and free at once ignoring limits. */
function maxCounts(table: PanelTable, g: SeatGroup): readonly [number, number] {
  const row = table.status[g.session]!;
  let best = 0;
  let bestIgnoringLimits = 0;
  for (let j = 0; j < table.starts[g.session]!.length; j++) {
    let n = 0;
    let free = 0;
    for (const p of g.eligible) {
      const fit = row[p]?.[j];
      if (usable(fit)) n++;
      if (fit !== undefined && fit !== Fit.Busy) free++;
    }
    best = Math.max(best, n);
    bestIgnoringLimits = Math.max(bestIgnoringLimits, free);
  }
  return [best, bestIgnoringLimits];
}

/** Explanations for an empty result, most specific first. */
export function diagnose(problem: PanelProblem, table: PanelTable): Explanation[] {
  const { window: sw, input, candidateClock, durations, offsets } = problem;
  const stage = input.stage;
  if (sw.bounds.end <= sw.bounds.start) {
    return [{ code: 'notice_beyond_horizon', params: { minNoticeHours: stage.minNoticeHours, horizonDays: stage.horizonDays } }];
  }
  const until = formatDate(candidateClock.localDay(sw.bounds.end - 1) + 1);
  const weekdaysOnly = !stage.candidateHours.weekendsAllowed;
  if (sw.allowed.length === 0) {
    const { start, end, weekendsAllowed } = stage.candidateHours;
    return [{ code: 'no_allowed_hours', params: { start, end, weekendsAllowed, until } }];
  }
  if (sw.window.length === 0) return [{ code: 'candidate_windows_outside', params: { until } }];
  const backToBack = stage.arrangement === 'back_to_back';
  const span = backToBack ? offsets[offsets.length - 1]! + durations[durations.length - 1]! : Math.max(...durations);
  const longest = Math.max(...sw.window.map((i) => i.end - i.start));
  if (longest < span) {
    return [{ code: 'panel_too_long', params: { durationMinutes: span / MINUTE, longestWindowMinutes: longest / MINUTE } }];
  }
  const out: Explanation[] = [];
  let withoutWindows: PanelTable | undefined;
  for (const g of problem.groups) {
    const session = stage.sessions[g.session]!;
    const req = session.requirements[g.requirement]!;
    const pool = req.kind === 'pool' ? input.pools.find((p) => p.id === req.poolId) : undefined;
    const who = {
      session: session.name,
      poolId: req.kind === 'pool' ? req.poolId : null,
      pool: pool?.name ?? null,
      tag: req.kind === 'pool' ? (req.tag ?? null) : null,
      personId: req.kind === 'people' ? problem.people[g.eligible[0]!]!.id : null,
    };
    if (g.eligible.length === 0) {
      out.push({ code: 'pool_empty', params: who });
      continue;
    }
    const [available, ignoringLimits] = maxCounts(table, g);
    if (available >= g.count) continue;
    const shortfall = { ...who, required: g.count, available, durationMinutes: durations[g.session]! / MINUTE, weekdaysOnly, until };
    if (ignoringLimits >= g.count) {
      out.push({ code: 'load_limit', params: { ...shortfall, availableIgnoringLimits: ignoringLimits } });
      continue;
    }
    if (input.candidate.windows) {
      withoutWindows ??= buildTable(problem, sw.allowed);
      const [availableWithoutWindows] = maxCounts(withoutWindows, g);
      if (availableWithoutWindows >= g.count) {
        out.push({ code: 'candidate_windows', params: { ...shortfall, availableWithoutWindows } });
        continue;
      }
    }
    out.push({ code: 'requirement_short', params: shortfall });
  }
  if (out.length > 0) return out;
  const total = offsets[offsets.length - 1]! + durations[durations.length - 1]!;
  const params = { sessions: durations.length, arrangement: stage.arrangement, durationMinutes: total / MINUTE, weekdaysOnly, until };
  return [{ code: 'no_common_time', params }];
}
