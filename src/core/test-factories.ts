/** Test factories: valid objects with overrides, so a test states only what matters to it. */
import type { Person } from './availability.js';
import type { SolveInput } from './panel.js';
import type { Pool, StageRules } from './stage.js';
import type { WeeklyHours } from './working-hours.js';

export const NINE_TO_FIVE: WeeklyHours = {
  mon: [{ start: '09:00', end: '17:00' }],
  tue: [{ start: '09:00', end: '17:00' }],
  wed: [{ start: '09:00', end: '17:00' }],
  thu: [{ start: '09:00', end: '17:00' }],
  fri: [{ start: '09:00', end: '17:00' }],
};

export function makePerson(overrides: Partial<Person> & { id: string }): Person {
  return {
    timeZone: 'America/New_York',
    workingHours: NINE_TO_FIVE,
    overrides: [],
    blocks: [],
    busy: [],
    existingInterviews: [],
    limits: { perDay: null, perWeek: null },
    tags: [],
    ...overrides,
  };
}

export function makePool(overrides: Partial<Pool> & { id: string; memberIds: readonly string[] }): Pool {
  return { name: overrides.id, ...overrides };
}

export function makeStage(overrides: Partial<StageRules> = {}): StageRules {
  return {
    sessions: [{ name: 'Interview', durationMinutes: 60, requirements: [] }],
    breakMinutes: 0,
    arrangement: 'back_to_back',
    minNoticeHours: 0,
    horizonDays: 14,
    bufferMinutes: 0,
    candidateHours: { start: '08:00', end: '18:00', eveningsAllowed: false, weekendsAllowed: false },
    optionsCount: 3,
    ...overrides,
  };
}

export function makeSolveInput(overrides: Partial<SolveInput> & Pick<SolveInput, 'now'>): SolveInput {
  return { stage: makeStage(), candidate: { timeZone: 'America/New_York' }, people: [], pools: [], ...overrides };
}

/** Epoch milliseconds of an ISO date-time string (with offset or Z). */
export function at(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
  return t;
}
