import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { Invalid } from './errors.js';
import { HOUR, totalLength, type IntervalList } from './interval.js';
import { expandWorkingHours, parseTime, planWorkingHours, type DayOverride, type WeeklyHours } from './working-hours.js';
import { ZoneClock } from './zone.js';
import { at, NINE_TO_FIVE } from './test-factories.js';

const everyDay = (start: string, end: string): WeeklyHours => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ start, end }]]));

function expand(zone: string, weekly: WeeklyHours, from: string, to: string, overrides: DayOverride[] = []): IntervalList {
  return expandWorkingHours(planWorkingHours(weekly, overrides), new ZoneClock(zone), { start: at(from), end: at(to) });
}
const isoList = (list: IntervalList): string[][] => list.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()]);

describe('parsing', () => {
  it('reads HH:mm and 24:00, rejects the rest', () => {
    expect(parseTime('09:30')).toBe(570);
    expect(parseTime('24:00')).toBe(1440);
    for (const bad of ['9:30', '24:30', '12:60', 'noon']) expect(() => parseTime(bad)).toThrow(Invalid);
    expect(() => planWorkingHours({ mon: [{ start: '17:00', end: '09:00' }] })).toThrow(Invalid);
  });
});

describe('weekly hours', () => {
  it('expands several ranges per day and skips days off', () => {
    const weekly = { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] };
    expect(isoList(expand('Europe/London', weekly, '2026-01-05T00:00:00Z', '2026-01-13T00:00:00Z'))).toEqual([
      ['2026-01-05T09:00:00.000Z', '2026-01-05T12:00:00.000Z'],
      ['2026-01-05T13:00:00.000Z', '2026-01-05T17:00:00.000Z'],
      ['2026-01-12T09:00:00.000Z', '2026-01-12T12:00:00.000Z'],
      ['2026-01-12T13:00:00.000Z', '2026-01-12T17:00:00.000Z'],
    ]);
  });
  it('clips to the range and handles a local day that starts on the previous UTC day (Asia/Kolkata)', () => {
    expect(isoList(expand('Asia/Kolkata', everyDay('00:00', '02:00'), '2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z'))).toEqual([['2026-01-05T18:30:00.000Z', '2026-01-05T20:30:00.000Z']]);
  });
  it('09:00–17:00 stays 09:00–17:00 local on every DST change day', () => {
    const cases = [
      ['America/New_York', '2026-03-08', '2026-03-08T13:00:00.000Z', '2026-03-08T21:00:00.000Z'],
      ['America/New_York', '2026-11-01', '2026-11-01T14:00:00.000Z', '2026-11-01T22:00:00.000Z'],
      ['America/Los_Angeles', '2026-03-08', '2026-03-08T16:00:00.000Z', '2026-03-09T00:00:00.000Z'],
      ['Europe/London', '2026-03-29', '2026-03-29T08:00:00.000Z', '2026-03-29T16:00:00.000Z'],
      ['Europe/London', '2026-10-25', '2026-10-25T09:00:00.000Z', '2026-10-25T17:00:00.000Z'],
      ['Australia/Lord_Howe', '2026-10-04', '2026-10-03T22:00:00.000Z', '2026-10-04T06:00:00.000Z'],
      ['Australia/Lord_Howe', '2026-04-05', '2026-04-04T22:30:00.000Z', '2026-04-05T06:30:00.000Z'],
    ] as const;
    for (const [zone, date, start, end] of cases) {
      const list = expand(zone, everyDay('09:00', '17:00'), `${date}T00:00:00+14:00`, `${date}T23:59:00-12:00`);
      const local = list.filter((i) => DateTime.fromMillis(i.start, { zone }).toISODate() === date);
      expect(isoList(local), `${zone} ${date}`).toEqual([[start, end]]);
    }
  });
  it('a working day that spans the change gains or loses the shifted time', () => {
    const night = everyDay('00:00', '06:00');
    const hours = (zone: string, date: string): number =>
      totalLength(expand(zone, night, `${date}T00:00:00+14:00`, `${date}T23:59:00-12:00`).filter((i) => DateTime.fromMillis(i.start, { zone }).toISODate() === date)) / HOUR;
    expect(hours('America/New_York', '2026-03-08')).toBe(5);
    expect(hours('America/New_York', '2026-11-01')).toBe(7);
    expect(hours('America/Los_Angeles', '2026-11-01')).toBe(7);
    expect(hours('Europe/London', '2026-03-29')).toBe(5);
    expect(hours('Europe/London', '2026-10-25')).toBe(7);
    expect(hours('Australia/Lord_Howe', '2026-10-04')).toBe(5.5);
    expect(hours('Australia/Lord_Howe', '2026-04-05')).toBe(6.5);
    expect(hours('Asia/Kolkata', '2026-03-29')).toBe(6);
  });
  it('a range starting inside the spring-forward gap starts when the gap ends', () => {
    const list = expand('America/New_York', { sun: [{ start: '02:30', end: '04:00' }] }, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z');
    expect(isoList(list)).toEqual([['2026-03-08T07:00:00.000Z', '2026-03-08T08:00:00.000Z']]);
  });
  it('24:00 ends at the next local midnight and joins a range starting at 00:00 the next day', () => {
    const list = expand('Europe/London', { mon: [{ start: '20:00', end: '24:00' }], tue: [{ start: '00:00', end: '02:00' }] }, '2026-01-05T00:00:00Z', '2026-01-07T00:00:00Z');
    expect(isoList(list)).toEqual([['2026-01-05T20:00:00.000Z', '2026-01-06T02:00:00.000Z']]);
  });
});

describe('overrides', () => {
  const week = ['2026-01-05T00:00:00Z', '2026-01-10T00:00:00Z'] as const;
  it('day_off removes the weekly hours of that date', () => {
    const list = expand('Europe/London', NINE_TO_FIVE, ...week, [{ date: '2026-01-07', kind: 'day_off' }]);
    expect(list).toHaveLength(4);
    expect(list.some((i) => new Date(i.start).toISOString().startsWith('2026-01-07'))).toBe(false);
  });
  it('extra adds hours (an evening), replace swaps them', () => {
    const list = expand('Europe/London', NINE_TO_FIVE, ...week, [
      { date: '2026-01-06', kind: 'extra', hours: [{ start: '18:00', end: '20:00' }] },
      { date: '2026-01-07', kind: 'replace', hours: [{ start: '12:00', end: '14:00' }] },
    ]);
    expect(isoList(list).slice(1, 4)).toEqual([
      ['2026-01-06T09:00:00.000Z', '2026-01-06T17:00:00.000Z'],
      ['2026-01-06T18:00:00.000Z', '2026-01-06T20:00:00.000Z'],
      ['2026-01-07T12:00:00.000Z', '2026-01-07T14:00:00.000Z'],
    ]);
  });
  it('extra hours on a day off still count; extra on a weekend creates a working Saturday', () => {
    const list = expand('Europe/London', NINE_TO_FIVE, '2026-01-09T00:00:00Z', '2026-01-11T00:00:00Z', [
      { date: '2026-01-09', kind: 'day_off' },
      { date: '2026-01-09', kind: 'extra', hours: [{ start: '10:00', end: '11:00' }] },
      { date: '2026-01-10', kind: 'extra', hours: [{ start: '10:00', end: '12:00' }] },
    ]);
    expect(isoList(list)).toEqual([
      ['2026-01-09T10:00:00.000Z', '2026-01-09T11:00:00.000Z'],
      ['2026-01-10T10:00:00.000Z', '2026-01-10T12:00:00.000Z'],
    ]);
  });
});

describe('property: every expanded instant is inside the local hours (checked with Luxon)', () => {
  it('holds for random zones, ranges and instants', () => {
    const zones = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 700 }), (zone, startHalfHours, lengthHalfHours, dayOffset) => {
        const startMin = startHalfHours * 30;
        const endMin = Math.min(1440, startMin + lengthHalfHours * 30);
        const fmt = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const from = at('2025-01-01T00:00:00Z') + dayOffset * 86_400_000;
        const list = expand(zone, everyDay(fmt(startMin), fmt(endMin)), new Date(from).toISOString(), new Date(from + 3 * 86_400_000).toISOString());
        for (const i of list) {
          for (let t = i.start; t < i.end; t += 15 * 60_000) {
            const local = DateTime.fromMillis(t, { zone });
            const minute = local.hour * 60 + local.minute;
            expect(minute >= startMin && minute < endMin).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
