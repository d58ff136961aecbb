/**
 * Property tests of the panel solver on small generated inputs, checked against an oracle written
 * directly on the raw input with Luxon (not with the engine's interval or zone code).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { checkBooking } from './booking-check.js';
import { solvePanel, type PanelOption, type SolveInput } from './solver.js';
import type { Person } from './availability.js';
import type { Requirement, StageRules } from './stage.js';
import type { DayOverride, LocalRange, WeeklyHours } from './working-hours.js';
import { WEEKDAYS } from './working-hours.js';

const MIN = 60_000;
const Q = 15 * MIN;
const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe'];
/** Mondays/Fridays next to DST changes in some of the zones, and a quiet week. */
const BASES = ['2026-01-05T00:00:00Z', '2026-03-06T00:00:00Z', '2026-03-27T00:00:00Z', '2026-04-03T00:00:00Z', '2026-10-02T00:00:00Z', '2026-10-30T00:00:00Z'].map(Date.parse);

const fmt = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** Local ranges kept within 05:00–23:00 so that no DST change falls inside them. */
const arbRange: fc.Arbitrary<LocalRange> = fc.tuple(fc.integer({ min: 10, max: 40 }), fc.integer({ min: 2, max: 20 })).map(([a, len]) => ({ start: fmt(a * 30), end: fmt(Math.min(46, a + len) * 30) }));
const arbDayRanges = fc.oneof({ arbitrary: fc.array(arbRange, { minLength: 1, maxLength: 2 }), weight: 4 }, { arbitrary: fc.constant([]), weight: 1 });

function arbInput(): fc.Arbitrary<SolveInput> {
  return fc
    .record({
      base: fc.constantFrom(...BASES),
      nowOffset: fc.integer({ min: 0, max: 4 * 24 }).map((h) => h * 3_600_000 + 7 * MIN),
      candidateZone: fc.constantFrom(...ZONES),
      people: fc.array(
        fc.record({
          zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined, freq: 2 }),
          weekly: fc.array(arbDayRanges, { minLength: 7, maxLength: 7 }),
          override: fc.option(fc.record({ day: fc.integer({ min: 0, max: 6 }), kind: fc.constantFrom<'day_off' | 'extra' | 'replace'>('day_off', 'extra', 'replace'), hours: arbDayRanges }), { nil: undefined }),
          busy: fc.array(fc.tuple(fc.integer({ min: 0, max: 7 * 96 }), fc.integer({ min: 1, max: 24 })), { maxLength: 6 }),
          interviews: fc.array(fc.tuple(fc.integer({ min: -4 * 96, max: 7 * 96 }), fc.integer({ min: 2, max: 4 })), { maxLength: 3 }),
          perDay: fc.constantFrom(null, 1, 2),
          perWeek: fc.constantFrom(null, 1, 3),
          tagged: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
          inPool: fc.constantFrom(0, 1, 2, 2),
          override_limits: fc.boolean(),
        }),
        { minLength: 2, maxLength: 5 },
      ),
      sessions: fc.array(
        fc.record({
          duration: fc.constantFrom(30, 45, 60),
          requirement: fc.oneof(fc.record({ pool: fc.constantFrom(0, 1), count: fc.constantFrom(1, 1, 1, 2), tag: fc.boolean() }), fc.record({ person: fc.integer({ min: 0, max: 4 }) })),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      arrangement: fc.constantFrom<'back_to_back' | 'same_day'>('back_to_back', 'same_day'),
      breakMinutes: fc.constantFrom(0, 15),
      minNoticeHours: fc.constantFrom(0, 2, 20),
      horizonDays: fc.constantFrom(1, 2, 3),
      bufferMinutes: fc.constantFrom(0, 10),
      hours: fc.tuple(fc.integer({ min: 12, max: 20 }), fc.integer({ min: 28, max: 40 }), fc.boolean(), fc.boolean()),
      step: fc.constantFrom(15, 30, 60),
      optionsCount: fc.integer({ min: 1, max: 3 }),
      windows: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 * 96 }), fc.integer({ min: 8, max: 48 })), { minLength: 1, maxLength: 3 }), weight: 1 }),
    })
    .map((g) => {
      const now = g.base + g.nowOffset;
      const day0 = g.base;
      const people: Person[] = g.people.map((p, k) => {
        const workingHours: WeeklyHours = Object.fromEntries(WEEKDAYS.map((d, i) => [d, p.weekly[i]!]));
        const overrides: DayOverride[] = [];
        if (p.override) {
          const date = DateTime.fromMillis(day0 + p.override.day * 86_400_000, { zone: 'UTC' }).toISODate()!;
          overrides.push(p.override.kind === 'day_off' ? { date, kind: 'day_off' } : { date, kind: p.override.kind, hours: p.override.hours });
        }
        return {
          id: `p${k}`,
          timeZone: p.zone ?? g.candidateZone,
          workingHours,
          overrides,
          blocks: [],
          busy: p.busy.map(([s, l]) => ({ start: day0 + s * Q, end: day0 + (s + l) * Q })),
          existingInterviews: p.interviews.map(([s, l]) => ({ start: day0 + s * Q, end: day0 + (s + l) * Q })),
          limits: { perDay: p.perDay, perWeek: p.perWeek },
          tags: p.tagged ? ['t'] : [],
        };
      });
      const named = new Set<string>();
      const sessions = g.sessions.slice(0, g.arrangement === 'same_day' ? 2 : 3).map((s, k) => {
        let requirement: Requirement = { kind: 'pool', poolId: 'P0', count: 1 };
        if ('person' in s.requirement) {
          const id = `p${s.requirement.person % people.length}`;
          if (!named.has(id)) requirement = { kind: 'people', personIds: [id] };
          named.add(id);
        } else requirement = { kind: 'pool', poolId: `P${s.requirement.pool}`, count: s.requirement.count, tag: s.requirement.tag ? 't' : null };
        return { name: `S${k}`, durationMinutes: s.duration, requirements: [requirement] };
      });
      const [startHalf, endHalf, eveningsAllowed, weekendsAllowed] = g.hours;
      const stage: StageRules = {
        sessions, arrangement: g.arrangement, breakMinutes: g.breakMinutes, minNoticeHours: g.minNoticeHours, horizonDays: g.horizonDays, bufferMinutes: g.bufferMinutes,
        candidateHours: { start: fmt(startHalf * 30), end: fmt(endHalf * 30), eveningsAllowed, weekendsAllowed, eveningEnd: '21:30' },
        optionsCount: g.optionsCount, stepMinutes: g.step,
      };
      return {
        now, stage, people,
        candidate: { timeZone: g.candidateZone, windows: g.windows?.map(([s, l]) => ({ start: Math.floor(now / Q) * Q + s * Q, end: Math.floor(now / Q) * Q + (s + l) * Q })) },
        pools: [0, 1].map((k) => ({ id: `P${k}`, name: `Pool ${k}`, memberIds: people.filter((_, i) => g.people[i]!.inPool === k || g.people[i]!.inPool === 2).map((p) => p.id), requiredTag: null })),
        overrideLimitsFor: people.filter((_, i) => g.people[i]!.override_limits).map((p) => p.id),
      };
    });
}

// ---- The oracle: the rules written directly on the raw input with Luxon. ----

function localMinuteRanges(p: Person, date: string): LocalRange[] {
  const own = p.overrides.filter((o) => o.date === date);
  const weekday = WEEKDAYS[DateTime.fromISO(date, { zone: 'UTC' }).weekday - 1]!;
  const base = own.some((o) => o.kind !== 'extra') ? own.flatMap((o) => (o.kind === 'replace' ? o.hours : [])) : (p.workingHours[weekday] ?? []);
  return [...base, ...own.flatMap((o) => (o.kind === 'extra' ? o.hours : []))];
}
const toMin = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** Is person `p` free, in hours and (unless overridable) within limits for `[s, e)`? */
function personOk(input: SolveInput, p: Person, s: number, e: number, allowOverride: boolean): boolean {
  for (let t = s; t < e; t += Q) {
    const local = DateTime.fromMillis(t, { zone: p.timeZone });
    const m = local.hour * 60 + local.minute;
    if (!localMinuteRanges(p, local.toISODate()!).some((r) => toMin(r.start) <= m && m + 15 <= toMin(r.end))) return false;
  }
  const buf = input.stage.bufferMinutes * MIN;
  if ([...p.busy, ...p.blocks].some((b) => b.start < e && s < b.end)) return false;
  if (p.existingInterviews.some((i) => i.start - buf < e && s < i.end + buf)) return false;
  return allowOverride || withinLimits(p, s);
}

function withinLimits(p: Person, s: number): boolean {
  const local = DateTime.fromMillis(s, { zone: p.timeZone });
  const others = p.existingInterviews.map((i) => DateTime.fromMillis(i.start, { zone: p.timeZone }));
  const sameDay = others.filter((o) => o.toISODate() === local.toISODate()).length;
  const sameWeek = others.filter((o) => o.weekYear === local.weekYear && o.weekNumber === local.weekNumber).length;
  return (p.limits.perDay === null || sameDay + 1 <= p.limits.perDay) && (p.limits.perWeek === null || sameWeek + 1 <= p.limits.perWeek);
}

/** Is the candidate side fine with a session `[s, e)`: notice, horizon, hours, weekends, windows? */
function candidateOk(input: SolveInput, s: number, e: number): boolean {
  const { stage, candidate, now } = input;
  if (s < now + stage.minNoticeHours * 3_600_000 || e > now + stage.horizonDays * 86_400_000) return false;
  const h = stage.candidateHours;
  const end = h.eveningsAllowed ? Math.max(toMin(h.end), toMin(h.eveningEnd!)) : toMin(h.end);
  const first = DateTime.fromMillis(s, { zone: candidate.timeZone });
  if (!h.weekendsAllowed && first.weekday >= 6) return false;
  for (let t = s; t < e; t += Q) {
    const local = DateTime.fromMillis(t, { zone: candidate.timeZone });
    const m = local.hour * 60 + local.minute;
    if (local.toISODate() !== first.toISODate() || m < toMin(h.start) || m + 15 > end) return false;
    if (candidate.windows && !candidate.windows.some((w) => w.start <= t && t + Q <= w.end)) return false;
  }
  return true;
}

function eligible(input: SolveInput, req: Requirement): string[] {
  if (req.kind === 'people') return [...req.personIds];
  const pool = input.pools.find((p) => p.id === req.poolId)!;
  return pool.memberIds.filter((id) => !req.tag || input.people.find((p) => p.id === id)!.tags.includes(req.tag));
}

/** Brute force: is there any option at all, over every grid tuple and every assignment? */
function bruteForceHasOption(input: SolveInput): boolean {
  const { stage, candidate, now } = input;
  const step = stage.stepMinutes ?? 15;
  const grid: number[] = [];
  for (let t = Math.ceil(now / Q) * Q; t < now + stage.horizonDays * 86_400_000; t += Q) {
    const local = DateTime.fromMillis(t, { zone: candidate.timeZone });
    if ((local.hour * 60 + local.minute) % step === 0) grid.push(t);
  }
  const durations = stage.sessions.map((s) => s.durationMinutes * MIN);
  const people = new Map(input.people.map((p) => [p.id, p]));
  const override = new Set(input.overrideLimitsFor);
  const seats = stage.sessions.flatMap((s, k) => s.requirements.flatMap((r) => Array.from({ length: r.kind === 'pool' ? r.count : r.personIds.length }, () => ({ k, options: eligible(input, r) }))));
  const staff = (starts: number[], seat: number, used: Set<string>): boolean => {
    if (seat === seats.length) return true;
    const { k, options } = seats[seat]!;
    for (const id of options) {
      if (used.has(id) || !personOk(input, people.get(id)!, starts[k]!, starts[k]! + durations[k]!, override.has(id))) continue;
      used.add(id);
      if (staff(starts, seat + 1, used)) return true;
      used.delete(id);
    }
    return false;
  };
  const day = (t: number): string => DateTime.fromMillis(t, { zone: candidate.timeZone }).toISODate()!;
  const place = (starts: number[]): boolean => {
    const k = starts.length;
    if (k === durations.length) return staff(starts, 0, new Set());
    const earliest = k === 0 ? -Infinity : starts[k - 1]! + durations[k - 1]! + stage.breakMinutes * MIN;
    // Back-to-back: only the panel start is on the grid; later sessions follow at fixed offsets.
    const times = stage.arrangement === 'back_to_back' && k > 0 ? [earliest] : grid;
    for (const t of times) {
      if (stage.arrangement === 'same_day' && (t < earliest || (k > 0 && day(t) !== day(starts[0]!)))) continue;
      if (!candidateOk(input, t, t + durations[k]!)) continue;
      if (place([...starts, t])) return true;
    }
    return false;
  };
  return place([]);
}

function checkOption(input: SolveInput, o: PanelOption): void {
  const people = new Map(input.people.map((p) => [p.id, p]));
  const override = new Set(input.overrideLimitsFor);
  expect(checkBooking(input, o).violations).toEqual([]);
  const seen = new Set<string>();
  o.sessions.forEach((s, k) => {
    expect(candidateOk(input, s.start, s.end)).toBe(true);
    for (const id of s.interviewerIds) {
      expect(seen.has(id)).toBe(false);
      seen.add(id);
      const p = people.get(id)!;
      expect(personOk(input, p, s.start, s.end, true)).toBe(true);
      const within = withinLimits(p, s.start);
      expect(within || override.has(id)).toBe(true);
      expect(o.exceededLimits.some((x) => x.personId === id)).toBe(!within);
    }
    expect(s.interviewerIds.length).toBe(input.stage.sessions[k]!.requirements.reduce((n, r) => n + (r.kind === 'pool' ? r.count : r.personIds.length), 0));
  });
}

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = Math.abs(seed);
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('panel solver properties', () => {
  it('every option is valid: no busy overlap, inside all hours, nobody twice, limits only with override', () => {
    fc.assert(
      fc.property(arbInput(), (input) => {
        for (const o of solvePanel(input).options) checkOption(input, o);
      }),
      { numRuns: 150 },
    );
  });

  it('"no option" agrees with a brute-force search over the same input', () => {
    fc.assert(
      fc.property(arbInput(), (input) => {
        const result = solvePanel(input);
        expect(result.options.length > 0).toBe(bruteForceHasOption(input));
        if (result.options.length === 0) expect(result.explanations.length).toBeGreaterThan(0);
      }),
      { numRuns: 120 },
    );
  });

  it('results are identical for shuffled inputs', () => {
    fc.assert(
      fc.property(arbInput(), fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
        const shuffled: SolveInput = {
          ...input,
          people: shuffle(input.people, seed).map((p, k) => ({ ...p, busy: shuffle(p.busy, seed + k), existingInterviews: shuffle(p.existingInterviews, seed - k) })),
          pools: shuffle(input.pools, seed).map((p) => ({ ...p, memberIds: shuffle(p.memberIds, seed * 7) })),
          overrideLimitsFor: shuffle(input.overrideLimitsFor ?? [], seed),
        };
        expect(solvePanel(shuffled)).toEqual(solvePanel(input));
      }),
      { numRuns: 80 },
    );
  });
});
