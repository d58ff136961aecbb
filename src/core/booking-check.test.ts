import { describe, expect, it } from 'vitest';
import { checkBooking, type ProposedOption } from './booking-check.js';
import { solvePanel, type SolveInput } from './solver.js';
import type { Person } from './availability.js';
import { at, makePerson, makePool, makeStage } from './test-factories.js';

const NOW = at('2026-01-05T07:00:00Z');
const london = (id: string, extra: Partial<Person> = {}): Person => makePerson({ id, timeZone: 'Europe/London', ...extra });
const people = [london('be-1', { tags: ['technical'] }), london('be-2', { tags: ['technical'] }), london('cu-1', { limits: { perDay: 1, perWeek: null } })];
const base: SolveInput = {
  now: NOW,
  stage: makeStage({
    breakMinutes: 15,
    minNoticeHours: 2,
    horizonDays: 5,
    bufferMinutes: 10,
    sessions: [
      { name: 'Coding', durationMinutes: 60, requirements: [{ kind: 'pool', poolId: 'be', count: 1, tag: 'technical' }] },
      { name: 'Values', durationMinutes: 30, requirements: [{ kind: 'people', personIds: ['cu-1'] }] },
    ],
  }),
  candidate: { timeZone: 'Europe/London' },
  people,
  pools: [makePool({ id: 'be', name: 'Backend', memberIds: ['be-1', 'be-2'] })],
};
const proposal = (startIso: string, coding = ['be-1'], values = ['cu-1']): ProposedOption => {
  const s = at(startIso);
  return { sessions: [{ start: s, end: s + 3_600_000, interviewerIds: coding }, { start: s + 75 * 60_000, end: s + 105 * 60_000, interviewerIds: values }] };
};
const codes = (input: SolveInput, p: ProposedOption): string[] => checkBooking(input, p).violations.map((v) => v.code);

describe('booking check', () => {
  it('accepts an option the solver offered', () => {
    const [option] = solvePanel(base).options;
    expect(checkBooking(base, option!)).toEqual({ ok: true, violations: [], exceededLimits: [] });
  });
  it('reports new busy time, including the buffer around a newly booked interview', () => {
    const busy = { ...base, people: [london('be-1', { tags: ['technical'], existingInterviews: [{ start: at('2026-01-06T09:00:00Z'), end: at('2026-01-06T09:55:00Z') }] }), ...people.slice(1)] };
    expect(codes(busy, proposal('2026-01-06T10:00:00Z'))).toEqual(['person_busy']);
  });
  it('reports notice, horizon, candidate hours and working hours', () => {
    expect(codes(base, proposal('2026-01-05T08:00:00Z'))).toEqual(['too_soon', 'outside_working_hours']);
    expect(codes(base, proposal('2026-01-12T10:00:00Z'))).toEqual(expect.arrayContaining(['beyond_horizon']));
    expect(codes(base, proposal('2026-01-06T16:45:00Z'))).toEqual(['outside_working_hours', 'outside_candidate_hours', 'outside_working_hours']);
  });
  it('reports wrong people, reuse, and session shape', () => {
    expect(codes(base, proposal('2026-01-06T10:00:00Z', ['cu-1'], ['cu-1']))).toEqual(['requirements_unmet', 'person_reused']);
    expect(codes(base, proposal('2026-01-06T10:00:00Z', ['ghost']))).toEqual(['unknown_person', 'requirements_unmet']);
    const shifted = proposal('2026-01-06T10:00:00Z');
    const bad = { sessions: [shifted.sessions[0]!, { ...shifted.sessions[1]!, start: shifted.sessions[1]!.start + 60_000 }] };
    expect(codes(base, bad)).toEqual(['session_mismatch', 'session_mismatch']);
    expect(codes(base, { sessions: [shifted.sessions[0]!] })).toEqual(['session_mismatch']);
  });
  it('reports a limit, or returns it as exceeded under an override', () => {
    const loaded = { ...base, people: [...people.slice(0, 2), london('cu-1', { limits: { perDay: 1, perWeek: null }, existingInterviews: [{ start: at('2026-01-06T15:00:00Z'), end: at('2026-01-06T16:00:00Z') }] })] };
    const p = proposal('2026-01-06T10:00:00Z');
    expect(checkBooking(loaded, p).violations).toEqual([{ code: 'limit_exceeded', params: { personId: 'cu-1', kind: 'perDay', limit: 1, count: 2, period: '2026-01-06' } }]);
    const overridden = checkBooking({ ...loaded, overrideLimitsFor: ['cu-1'] }, p);
    expect(overridden.ok).toBe(true);
    expect(overridden.exceededLimits).toHaveLength(1);
  });
});
