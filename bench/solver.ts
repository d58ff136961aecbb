/**
 * Scheduling-engine benchmark: `npm run bench:solver`.
 *
 * Builds a deterministic synthetic workload from a seeded PRNG (mulberry32) and times, in one run:
 * - a 5-session back-to-back panel over 10 business days on a 15-minute grid, with two pools of
 *   40 interviewers (tags `technical` / `culture`), ~200 calendar events per interviewer, a few
 *   booked interviews with per-day / per-week limits, interviewers in six time zones;
 * - "any free host" availability for 50 and 200 hosts over 31 days.
 * Each case also times a lower bound on the same inputs: one pass that only reads every busy
 * interval of every person (calendar events, blocks, booked interviews) and sorts them per person
 * by start, which any availability computation has to do at least. Prints p50 / p95 and the ratio
 * of the p50s, as a Markdown table for docs/benchmarks.md.
 */
import { findAnyHostSlots, solvePanel, type Interval, type Person, type Pool, type StageRules } from '../src/core/index.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = [
  { zone: 'America/New_York', utcHour: 14 },
  { zone: 'America/Chicago', utcHour: 15 },
  { zone: 'America/Los_Angeles', utcHour: 17 },
  { zone: 'Europe/London', utcHour: 9 },
  { zone: 'Europe/Lisbon', utcHour: 9 },
  { zone: 'America/Sao_Paulo', utcHour: 12 },
];

const WEEKDAY_HOURS = { start: '09:00', end: '17:00' };
const WORKING_HOURS = { mon: [WEEKDAY_HOURS], tue: [WEEKDAY_HOURS], wed: [WEEKDAY_HOURS], thu: [WEEKDAY_HOURS], fri: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] };

/** A person with `events` calendar events spread over `[from, from + days)` around their working day. */
function makePerson(rand: () => number, id: string, tags: string[], from: number, days: number, events: number): Person {
  const { zone, utcHour } = ZONES[Math.floor(rand() * ZONES.length)]!;
  const midnight = Math.floor(from / DAY) * DAY;
  const busy: Interval[] = [];
  for (let e = 0; e < events; e++) {
    const day = Math.floor(rand() * days);
    const start = midnight + day * DAY + (utcHour - 1) * 60 * MINUTE + Math.floor(rand() * 40) * 15 * MINUTE;
    busy.push({ start, end: start + (1 + Math.floor(rand() * 4)) * 15 * MINUTE });
  }
  const existingInterviews = Array.from({ length: 6 }, () => {
    const start = midnight + Math.floor(rand() * days) * DAY + (utcHour + Math.floor(rand() * 7)) * 60 * MINUTE;
    return { start, end: start + 60 * MINUTE };
  });
  return {
    id, timeZone: zone, workingHours: WORKING_HOURS, overrides: [{ date: '2026-03-20', kind: 'day_off' }],
    blocks: rand() < 0.2 ? [{ start: from + 3 * DAY, end: from + 5 * DAY }] : [],
    busy, existingInterviews, limits: { perDay: 2, perWeek: 8 }, tags,
  };
}

const NOW = Date.UTC(2026, 2, 2, 12); // Monday 2 March 2026; US clocks change on 8 March
const rand = mulberry32(20260302);

const backend = Array.from({ length: 40 }, (_, k) => makePerson(rand, `be-${String(k).padStart(2, '0')}`, rand() < 0.7 ? ['technical'] : [], NOW - 7 * DAY, 21, 200));
const culture = Array.from({ length: 40 }, (_, k) => makePerson(rand, `cu-${String(k).padStart(2, '0')}`, rand() < 0.7 ? ['culture'] : [], NOW - 7 * DAY, 21, 200));
const pools: Pool[] = [
  { id: 'backend', name: 'Backend', memberIds: backend.map((p) => p.id) },
  { id: 'culture', name: 'Culture', memberIds: culture.map((p) => p.id) },
];
const stage: StageRules = {
  sessions: [
    { name: 'Intro', durationMinutes: 30, requirements: [{ kind: 'pool', poolId: 'culture', count: 1 }] },
    { name: 'Coding', durationMinutes: 60, requirements: [{ kind: 'pool', poolId: 'backend', count: 2, tag: 'technical' }] },
    { name: 'System design', durationMinutes: 60, requirements: [{ kind: 'pool', poolId: 'backend', count: 1, tag: 'technical' }] },
    { name: 'Values', durationMinutes: 45, requirements: [{ kind: 'pool', poolId: 'culture', count: 1, tag: 'culture' }] },
    { name: 'Wrap-up', durationMinutes: 30, requirements: [{ kind: 'pool', poolId: 'culture', count: 1 }] },
  ],
  breakMinutes: 0,
  arrangement: 'back_to_back',
  minNoticeHours: 24,
  horizonDays: 14, // 10 business days
  bufferMinutes: 10,
  candidateHours: { start: '08:00', end: '18:00', eveningsAllowed: false, weekendsAllowed: false },
  optionsCount: 5,
  stepMinutes: 15,
};
const panelInput = { now: NOW, stage, candidate: { timeZone: 'America/New_York' }, people: [...backend, ...culture], pools };
/** The worst case for the panel: nothing fits, so every start is scanned and the explanation computed. */
const crowdedStage: StageRules = { ...stage, sessions: stage.sessions.map((s) => (s.name === 'Coding' ? { ...s, requirements: [{ kind: 'pool', poolId: 'backend', count: 20, tag: 'technical' }] } : s)) };
const crowdedInput = { ...panelInput, stage: crowdedStage };
const hosts200 = Array.from({ length: 200 }, (_, k) => makePerson(rand, `host-${String(k).padStart(3, '0')}`, [], NOW - DAY, 33, 200));
const hostRules = { minNoticeHours: 4, horizonDays: 31, bufferMinutes: 10, candidateHours: stage.candidateHours };
const hostQuery = (n: number) => ({ now: NOW, rules: hostRules, candidate: { timeZone: 'Europe/London' }, durationMinutes: 30, hosts: hosts200.slice(0, n) });

/** The lower bound: read every busy interval of every person and sort each person's list. */
function readAndSort(people: readonly Person[]): number {
  let checksum = 0;
  for (const p of people) {
    const all: Interval[] = [...p.blocks, ...p.busy, ...p.existingInterviews];
    all.sort((a, b) => a.start - b.start || a.end - b.end);
    checksum += all.length > 0 ? all[0]!.start : 0;
  }
  return checksum;
}

interface Timing {
  readonly p50: number;
  readonly p95: number;
}

/**
 * Times `fn` and `bound` alternately, run by run, so both see the same machine load (this
 * machine is shared); returns p50 / p95 of each.
 */
function timePair(fn: () => unknown, bound: () => unknown, runs: number): [Timing, Timing] {
  for (let k = 0; k < 10; k++) {
    fn();
    bound();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < runs; k++) {
    let t0 = performance.now();
    fn();
    a.push(performance.now() - t0);
    t0 = performance.now();
    bound();
    b.push(performance.now() - t0);
  }
  const stats = (xs: number[]): Timing => {
    xs.sort((x, y) => x - y);
    return { p50: xs[Math.floor(runs * 0.5)]!, p95: xs[Math.floor(runs * 0.95)]! };
  };
  return [stats(a), stats(b)];
}

const RUNS = 200;
const cases = [
  { name: 'panel: 5 sessions, 2 pools × 40, 10 business days', target: 20, fn: () => solvePanel(panelInput), people: panelInput.people, check: () => `${solvePanel(panelInput).options.length} options` },
  { name: 'panel, no option fits (full scan + explanation)', target: 20, fn: () => solvePanel(crowdedInput), people: panelInput.people, check: () => { const r = solvePanel(crowdedInput); return `${r.options.length} options; ${r.explanations.map((e) => e.code).join(', ')}`; } },
  { name: 'any free host: 50 hosts, 31 days', target: 15, fn: () => findAnyHostSlots(hostQuery(50)), people: hosts200.slice(0, 50), check: () => `${findAnyHostSlots(hostQuery(50)).length} slots` },
  { name: 'any free host: 200 hosts, 31 days', target: 60, fn: () => findAnyHostSlots(hostQuery(200)), people: hosts200, check: () => `${findAnyHostSlots(hostQuery(200)).length} slots` },
];

const fmt = (ms: number): string => ms.toFixed(2);
const rows: string[] = [];
let allMet = true;
for (const c of cases) {
  const [solver, bound] = timePair(c.fn, () => readAndSort(c.people), RUNS);
  const ratio = solver.p50 / bound.p50;
  const busy = c.people.reduce((n, p) => n + p.busy.length + p.blocks.length + p.existingInterviews.length, 0);
  const panel = c.name.startsWith('panel');
  const met = solver.p50 <= c.target && (!panel || ratio <= 5);
  allMet &&= met;
  rows.push(`| ${c.name} | ${busy} | ${c.check()} | ${fmt(solver.p50)} | ${fmt(solver.p95)} | ${fmt(bound.p50)} | ${fmt(bound.p95)} | ${ratio.toFixed(1)}× | ≤ ${c.target} ms${panel ? ', ≤ 5×' : ''} | ${met ? 'met' : 'MISSED'} |`);
}

console.log(`Node ${process.version}, ${RUNS} timed runs after 10 warm-up runs per case, solver and lower bound alternating; times in ms.\n`);
console.log('| case | busy intervals | result | p50 | p95 | lower bound p50 | lower bound p95 | ratio (p50) | target | |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|---|---|');
for (const row of rows) console.log(row);
if (!allMet) process.exitCode = 1;
