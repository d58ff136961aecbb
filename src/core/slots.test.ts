import { describe, expect, it } from 'vitest';
import { findAnyHostSlots, findSlots, gridStarts } from './slots.js';
import { HOUR, MINUTE } from './interval.js';
import { ZoneClock } from './zone.js';
import { at, makePerson, makeStage } from './test-factories.js';

const hhmm = (t: number): string => new Date(t).toISOString().slice(11, 16);

describe('slot grid', () => {
  it('aligns to the candidate-local quarter hour and fits the duration', () => {
    const starts = gridStarts([{ start: at('2026-01-05T09:05:00Z'), end: at('2026-01-05T10:30:00Z') }], 30 * MINUTE, 15 * MINUTE, new ZoneClock('Europe/London'));
    expect(starts.map(hhmm)).toEqual(['09:15', '09:30', '09:45', '10:00']);
  });
  it('an hourly grid follows local hours: Asia/Kolkata (+5:30) and Asia/Kathmandu (+5:45)', () => {
    const free = [{ start: at('2026-01-05T03:00:00Z'), end: at('2026-01-05T06:00:00Z') }];
    expect(gridStarts(free, HOUR, HOUR, new ZoneClock('Asia/Kolkata')).map(hhmm)).toEqual(['03:30', '04:30']);
    expect(gridStarts(free, HOUR, HOUR, new ZoneClock('Asia/Kathmandu')).map(hhmm)).toEqual(['03:15', '04:15']);
    expect(gridStarts(free, 30 * MINUTE, 30 * MINUTE, new ZoneClock('Asia/Kathmandu')).map(hhmm)).toEqual(['03:15', '03:45', '04:15', '04:45', '05:15']);
  });
  it('re-aligns after a 30-minute DST shift (Australia/Lord_Howe)', () => {
    // 2026-10-03 15:30 UTC: +10:30 becomes +11; the local hour moves from UTC :30 to UTC :00.
    const free = [{ start: at('2026-10-03T13:00:00Z'), end: at('2026-10-03T18:00:00Z') }];
    expect(gridStarts(free, HOUR, HOUR, new ZoneClock('Australia/Lord_Howe')).map(hhmm)).toEqual(['13:30', '14:30', '16:00', '17:00']);
  });
});

describe('findSlots', () => {
  const now = at('2026-01-05T08:00:00Z');
  const rules = makeStage({ horizonDays: 1 });
  const candidate = { timeZone: 'Europe/London' };
  it('returns slots where every person is free, inside the candidate hours', () => {
    const a = makePerson({ id: 'a', timeZone: 'Europe/London', busy: [{ start: at('2026-01-05T10:00:00Z'), end: at('2026-01-05T16:00:00Z') }] });
    const b = makePerson({ id: 'b', timeZone: 'Europe/Berlin' });
    const slots = findSlots({ now, rules, candidate, durationMinutes: 30, people: [a, b] });
    expect(slots.map((s) => hhmm(s.start))).toEqual(['09:00', '09:15', '09:30']); // b (Berlin) works 08:00–16:00 UTC
  });
  it('keeps the buffer around existing interviews and respects limits', () => {
    const a = makePerson({ id: 'a', timeZone: 'Europe/London', existingInterviews: [{ start: at('2026-01-05T10:00:00Z'), end: at('2026-01-05T16:00:00Z') }] });
    const slots = findSlots({ now, rules: { ...rules, bufferMinutes: 15 }, candidate, durationMinutes: 30, people: [a] });
    expect(slots.map((s) => hhmm(s.start))).toEqual(['09:00', '09:15', '16:15', '16:30']);
    const limited = { ...a, limits: { perDay: 1, perWeek: null } };
    expect(findSlots({ now, rules, candidate, durationMinutes: 30, people: [limited] })).toEqual([]);
  });
  it('finds the any-free-host slots with the free hosts of each', () => {
    const a = makePerson({ id: 'a', timeZone: 'Europe/London', workingHours: { mon: [{ start: '09:00', end: '10:00' }] } });
    const b = makePerson({ id: 'b', timeZone: 'Europe/London', workingHours: { mon: [{ start: '09:30', end: '10:30' }] } });
    const slots = findAnyHostSlots({ now, rules, candidate, durationMinutes: 30, hosts: [b, a] });
    expect(slots.map((s) => `${hhmm(s.start)} ${s.hostIds.join(',')}`)).toEqual(['09:00 a', '09:15 a', '09:30 a,b', '09:45 b', '10:00 b']);
  });
});
