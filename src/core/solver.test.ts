import { describe, expect, it } from 'vitest';
import { Invalid } from './errors.js';
import { renderExplanation } from './explain.js';
import { solvePanel, type SolveInput } from './solver.js';
import type { Person } from './availability.js';
import type { SessionSpec, StageRules } from './stage.js';
import { at, makePerson, makePool, makeStage } from './test-factories.js';

const NOW = at('2026-01-05T07:00:00Z'); // Monday; London = UTC in January
const london = (id: string, extra: Partial<Person> = {}): Person => makePerson({ id, timeZone: 'Europe/London', ...extra });
const pool = (id: string, count: number, tag?: string): SessionSpec['requirements'][number] => ({ kind: 'pool', poolId: id, count, tag });
const hm = (t: number): string => new Date(t).toISOString().slice(5, 16).replace('T', ' ');

function input(stage: Partial<StageRules>, people: Person[], extra: Partial<SolveInput> = {}): SolveInput {
  return {
    now: NOW,
    stage: makeStage({ optionsCount: 1, horizonDays: 5, ...stage }),
    candidate: { timeZone: 'Europe/London' },
    people,
    pools: [makePool({ id: 'be', name: 'Backend', memberIds: people.filter((p) => p.id.startsWith('be')).map((p) => p.id) }), makePool({ id: 'cu', name: 'Culture', memberIds: people.filter((p) => p.id.startsWith('cu')).map((p) => p.id) })],
    ...extra,
  };
}

const twoSessions = (breakMinutes = 0): Partial<StageRules> => ({
  breakMinutes,
  sessions: [
    { name: 'Coding', durationMinutes: 60, requirements: [pool('be', 1)] },
    { name: 'Values', durationMinutes: 45, requirements: [pool('cu', 1)] },
  ],
});

describe('panel solver', () => {
  it('finds the earliest back-to-back panel with a break', () => {
    const people = [london('be-1', { busy: [{ start: at('2026-01-05T09:00:00Z'), end: at('2026-01-05T10:00:00Z') }] }), london('cu-1')];
    const [option] = solvePanel(input(twoSessions(15), people)).options;
    expect(option!.sessions.map((s) => `${s.name} ${hm(s.start)}–${hm(s.end)} ${s.interviewerIds.join(',')}`)).toEqual(['Coding 01-05 10:00–01-05 11:00 be-1', 'Values 01-05 11:15–01-05 12:00 cu-1']);
    expect(option!.exceededLimits).toEqual([]);
  });

  it('same-day panels may wait for the next person, but not until the next day', () => {
    const people = [london('be-1'), london('cu-1', { busy: [{ start: at('2026-01-05T09:00:00Z'), end: at('2026-01-05T14:00:00Z') }] })];
    const sameDay = solvePanel(input({ ...twoSessions(), arrangement: 'same_day' }, people)).options[0]!;
    expect(sameDay.sessions.map((s) => hm(s.start))).toEqual(['01-05 09:00', '01-05 14:00']);
    const busyAfternoon = london('cu-1', { busy: [{ start: at('2026-01-05T09:00:00Z'), end: at('2026-01-05T17:00:00Z') }] });
    const next = solvePanel(input({ ...twoSessions(), arrangement: 'same_day' }, [people[0]!, busyAfternoon])).options[0]!;
    expect(next.sessions.map((s) => hm(s.start))).toEqual(['01-06 09:00', '01-06 10:00']);
    expect(next.days).toBe(1);
  });

  it('uses only people carrying the tag, and never the same person twice', () => {
    const people = [london('be-1', { tags: ['technical'] }), london('be-2'), london('be-3', { tags: ['technical'] })];
    const stage = { sessions: [{ name: 'Pair', durationMinutes: 60, requirements: [pool('be', 2, 'technical')] }, { name: 'Design', durationMinutes: 60, requirements: [pool('be', 1)] }] };
    const [option] = solvePanel(input(stage, people)).options;
    expect(option!.sessions.map((s) => s.interviewerIds)).toEqual([['be-1', 'be-3'], ['be-2']]);
  });

  it('counts limits in the interviewer’s own zone day, including booked interviews', () => {
    // 22:00 in New York on Monday is already Tuesday in UTC: it still fills Monday's limit of 1.
    const ny = makePerson({ id: 'be-ny', timeZone: 'America/New_York', limits: { perDay: 1, perWeek: null }, existingInterviews: [{ start: at('2026-01-06T03:00:00Z'), end: at('2026-01-06T04:00:00Z') }], workingHours: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] } });
    const stage = { sessions: [{ name: 'Coding', durationMinutes: 60, requirements: [pool('be', 1)] }] };
    expect(hm(solvePanel(input(stage, [ny])).options[0]!.start)).toBe('01-06 14:00');
    const overridden = solvePanel(input(stage, [ny], { overrideLimitsFor: ['be-ny'] })).options[0]!;
    expect(hm(overridden.start)).toBe('01-05 14:00');
    expect(overridden.exceededLimits).toEqual([{ personId: 'be-ny', kind: 'perDay', limit: 1, count: 2, period: '2026-01-05' }]);
  });

  it('prefers the interviewer with the fewest interviews this week', () => {
    const busyWeek = [1, 2, 3].map((d) => ({ start: at(`2026-01-0${d + 5}T16:00:00Z`), end: at(`2026-01-0${d + 5}T17:00:00Z`) }));
    const people = [london('be-a', { existingInterviews: busyWeek }), london('be-b')];
    const stage = { sessions: [{ name: 'Coding', durationMinutes: 60, requirements: [pool('be', 1)] }] };
    const [option] = solvePanel(input(stage, people)).options;
    expect(option!.sessions[0]!.interviewerIds).toEqual(['be-b']);
    expect(option!.weekLoad).toBe(0);
  });

  it('offers diverse options: hours apart, over more than one day, rotating people', () => {
    const people = ['be-1', 'be-2', 'be-3'].map((id) => london(id));
    const stage = { optionsCount: 4, sessions: [{ name: 'Coding', durationMinutes: 60, requirements: [pool('be', 1)] }] };
    const { options } = solvePanel(input(stage, people));
    expect(options.map((o) => `${hm(o.start)} ${o.sessions[0]!.interviewerIds[0]}`)).toEqual(['01-05 09:00 be-1', '01-05 11:00 be-2', '01-06 09:00 be-3', '01-06 11:00 be-1']);
  });

  it('falls back to closer options when the window is small, and says when fewer fit', () => {
    const people = [london('be-1', { workingHours: { mon: [{ start: '09:00', end: '10:30' }] } })];
    const stage = { optionsCount: 4, sessions: [{ name: 'Coding', durationMinutes: 60, requirements: [pool('be', 1)] }] };
    const result = solvePanel(input(stage, people));
    expect(result.options.map((o) => hm(o.start))).toEqual(['01-05 09:00', '01-05 09:15', '01-05 09:30']);
    expect(result.explanations).toEqual([{ code: 'fewer_options', params: { found: 3, requested: 4 } }]);
  });

  it('gives the same result for shuffled people, pool members and busy lists', () => {
    const people = ['be-1', 'be-2', 'be-3', 'cu-1', 'cu-2'].map((id, k) => london(id, { busy: [{ start: at('2026-01-05T09:00:00Z') + k * 3_600_000, end: at('2026-01-05T10:00:00Z') + k * 3_600_000 }, { start: at('2026-01-06T12:00:00Z'), end: at('2026-01-06T13:00:00Z') }] }));
    const base = input({ ...twoSessions(), optionsCount: 3 }, people);
    const shuffled: SolveInput = { ...base, people: [...people].reverse().map((p) => ({ ...p, busy: [...p.busy].reverse() })), pools: base.pools.map((p) => ({ ...p, memberIds: [...p.memberIds].reverse() })).reverse() };
    expect(solvePanel(shuffled)).toEqual(solvePanel(base));
  });

  it('uses each zone’s own offset in the weeks when US and European clocks differ', () => {
    // London 09:00–17:00 is 09:00–17:00 UTC until 29 March; a New York candidate's 08:00 is
    // 13:00 UTC before 8 March and 12:00 UTC after it.
    const stage = { sessions: [{ name: 'Coding', durationMinutes: 60, requirements: [pool('be', 1)] }] };
    const first = (now: string): string => {
      const i = input(stage, [london('be-1')], { now: at(now), candidate: { timeZone: 'America/New_York' } });
      return new Date(solvePanel(i).options[0]!.start).toISOString();
    };
    expect(first('2026-03-02T05:00:00Z')).toBe('2026-03-02T13:00:00.000Z');
    expect(first('2026-03-09T05:00:00Z')).toBe('2026-03-09T12:00:00.000Z');
  });

  it('rejects inconsistent input', () => {
    expect(() => solvePanel(input({ sessions: [{ name: 'X', durationMinutes: 60, requirements: [pool('nope', 1)] }] }, []))).toThrow(Invalid);
    expect(() => solvePanel(input({ sessions: [{ name: 'X', durationMinutes: 60, requirements: [{ kind: 'people', personIds: ['ghost'] }] }] }, []))).toThrow(Invalid);
    expect(() => solvePanel(input({}, [london('a'), london('a')]))).toThrow(Invalid);
  });
});

describe('explanations when nothing fits', () => {
  const single = (requirements: SessionSpec['requirements']): Partial<StageRules> => ({ sessions: [{ name: 'Coding', durationMinutes: 60, requirements }] });
  const explain = (i: SolveInput): string[] => {
    const r = solvePanel(i);
    expect(r.options).toEqual([]);
    return r.explanations.map((e) => renderExplanation(e));
  };

  it('names the pool, its tag and the window', () => {
    const people = [london('be-1', { tags: ['technical'] }), london('be-2', { tags: ['technical'], workingHours: { sat: [{ start: '09:00', end: '17:00' }] } })];
    expect(explain(input(single([pool('be', 2, 'technical')]), people))).toEqual([
      'Session "Coding": pool Backend needs 2 interviewers tagged technical; at most 1 is free for 60 minutes on any weekday before 2026-01-11.',
    ]);
  });
  it('says when a load limit blocks, and when a named person is never free', () => {
    const limited = london('be-1', { limits: { perDay: null, perWeek: 1 }, existingInterviews: [{ start: at('2026-01-05T08:00:00Z'), end: at('2026-01-05T08:30:00Z') }] });
    const [text] = explain(input(single([pool('be', 1)]), [limited]));
    expect(text).toContain('within their interview limits (1 without the limits)');
    const away = london('hm', { blocks: [{ start: NOW, end: NOW + 30 * 86_400_000 }] });
    const result = solvePanel(input(single([{ kind: 'people', personIds: ['hm'] }]), [away]));
    expect(result.explanations).toEqual([{ code: 'requirement_short', params: { session: 'Coding', poolId: null, pool: null, tag: null, personId: 'hm', required: 1, available: 0, durationMinutes: 60, weekdaysOnly: true, until: '2026-01-11' } }]);
    expect(renderExplanation(result.explanations[0]!, () => 'Grace Hopper')).toBe('Session "Coding": Grace Hopper is not free for 60 minutes on any weekday before 2026-01-11.');
  });
  it('says when the candidate’s windows are what blocks', () => {
    const people = [london('be-1', { busy: [{ start: at('2026-01-05T09:00:00Z'), end: at('2026-01-05T12:00:00Z') }] })];
    const windows = [{ start: at('2026-01-05T09:00:00Z'), end: at('2026-01-05T12:00:00Z') }];
    const [e] = solvePanel(input(single([pool('be', 1)]), people, { candidate: { timeZone: 'Europe/London', windows } })).explanations;
    expect(e!.code).toBe('candidate_windows');
  });
  it('says when a pool has no eligible member', () => {
    expect(explain(input(single([pool('be', 1, 'rust')]), [london('be-1')]))).toEqual(['Session "Coding": pool Backend tagged rust has no eligible members.']);
  });
  it('explains window problems before people problems', () => {
    expect(solvePanel(input({ minNoticeHours: 200 }, [])).explanations[0]!.code).toBe('notice_beyond_horizon');
    const tooShort = { candidateHours: { start: '09:00', end: '10:00', eveningsAllowed: false, weekendsAllowed: false } };
    expect(solvePanel(input({ ...twoSessions(), ...tooShort }, [london('be-1'), london('cu-1')])).explanations[0]).toEqual({ code: 'panel_too_long', params: { durationMinutes: 105, longestWindowMinutes: 60 } });
    const weekend = input({ horizonDays: 1 }, [], { now: at('2026-01-10T07:00:00Z') });
    expect(solvePanel(weekend).explanations[0]!.code).toBe('no_allowed_hours');
    expect(solvePanel(input({}, [], { candidate: { timeZone: 'Europe/London', windows: [{ start: at('2026-01-05T20:00:00Z'), end: at('2026-01-05T21:00:00Z') }] } })).explanations[0]!.code).toBe('candidate_windows_outside');
  });
  it('says when every requirement fits alone but never together', () => {
    const people = [london('be-1', { workingHours: { mon: [{ start: '09:00', end: '10:00' }] } }), london('cu-1', { workingHours: { mon: [{ start: '14:00', end: '15:00' }] } })];
    expect(solvePanel(input(twoSessions(), people)).explanations.map((e) => e.code)).toEqual(['no_common_time']);
  });
});
