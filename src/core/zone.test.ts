import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { Invalid } from './errors.js';
import { formatDate, isoWeekday, isoWeekStart, parseDate, ZoneClock } from './zone.js';
import { at } from './test-factories.js';

const iso = (t: number): string => new Date(t).toISOString();
const instant = (zone: string, date: string, hhmm: string): string => {
  const [h, m] = hhmm.split(':').map(Number);
  return iso(new ZoneClock(zone).wallToInstant(parseDate(date), h! * 60 + m!));
};

describe('dates', () => {
  it('parses and formats calendar dates and knows ISO weekdays', () => {
    const d = parseDate('2026-03-08');
    expect(formatDate(d)).toBe('2026-03-08');
    expect(isoWeekday(d)).toBe(7);
    expect(formatDate(isoWeekStart(d))).toBe('2026-03-02');
    expect(isoWeekday(parseDate('1969-12-29'))).toBe(1);
    expect(() => parseDate('2026-02-30')).toThrow(Invalid);
  });
  it('rejects an unknown zone', () => {
    expect(() => new ZoneClock('Mars/Olympus_Mons')).toThrow(Invalid);
  });
});

describe('wall time to instant (first instant the clock reads T or later)', () => {
  it('America/New_York spring forward: 02:30 does not exist and maps to 03:00 EDT', () => {
    expect(instant('America/New_York', '2026-03-08', '01:30')).toBe('2026-03-08T06:30:00.000Z');
    expect(instant('America/New_York', '2026-03-08', '02:30')).toBe('2026-03-08T07:00:00.000Z');
    expect(instant('America/New_York', '2026-03-08', '03:00')).toBe('2026-03-08T07:00:00.000Z');
    expect(instant('America/New_York', '2026-03-08', '09:00')).toBe('2026-03-08T13:00:00.000Z');
  });
  it('America/New_York fall back: 01:30 happens twice and maps to the first (EDT)', () => {
    expect(instant('America/New_York', '2026-11-01', '01:30')).toBe('2026-11-01T05:30:00.000Z');
    expect(instant('America/New_York', '2026-11-01', '02:00')).toBe('2026-11-01T07:00:00.000Z');
  });
  it('America/Los_Angeles follows its own change at 02:00 local', () => {
    expect(instant('America/Los_Angeles', '2026-03-08', '02:15')).toBe('2026-03-08T10:00:00.000Z');
    expect(instant('America/Los_Angeles', '2026-11-01', '01:15')).toBe('2026-11-01T08:15:00.000Z');
  });
  it('Europe/London changes at 01:00 GMT / 02:00 BST', () => {
    expect(instant('Europe/London', '2026-03-29', '01:30')).toBe('2026-03-29T01:00:00.000Z');
    expect(instant('Europe/London', '2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(instant('Europe/London', '2026-10-25', '09:00')).toBe('2026-10-25T09:00:00.000Z');
  });
  it('Asia/Kolkata is UTC+5:30 all year', () => {
    expect(instant('Asia/Kolkata', '2026-03-08', '09:00')).toBe('2026-03-08T03:30:00.000Z');
    expect(instant('Asia/Kolkata', '2026-11-01', '09:00')).toBe('2026-11-01T03:30:00.000Z');
  });
  it('Australia/Lord_Howe shifts by 30 minutes', () => {
    // 2026-10-04 02:00 +10:30 → 02:30 +11: 02:15 does not exist.
    expect(instant('Australia/Lord_Howe', '2026-10-04', '02:15')).toBe('2026-10-03T15:30:00.000Z');
    expect(instant('Australia/Lord_Howe', '2026-10-04', '09:00')).toBe('2026-10-03T22:00:00.000Z');
    // 2026-04-05 02:00 +11 → 01:30 +10:30: 01:45 happens twice.
    expect(instant('Australia/Lord_Howe', '2026-04-05', '01:45')).toBe('2026-04-04T14:45:00.000Z');
    expect(instant('Australia/Lord_Howe', '2026-04-05', '09:00')).toBe('2026-04-04T22:30:00.000Z');
  });
  it('is monotone across a whole change day, minute by minute', () => {
    for (const [zone, date] of [['America/New_York', '2026-03-08'], ['America/New_York', '2026-11-01'], ['Australia/Lord_Howe', '2026-04-05'], ['Australia/Lord_Howe', '2026-10-04']] as const) {
      const clock = new ZoneClock(zone);
      const day = parseDate(date);
      for (let m = 1; m <= 1440; m++) expect(clock.wallToInstant(day, m)).toBeGreaterThanOrEqual(clock.wallToInstant(day, m - 1));
    }
  });
});

describe('instant to local', () => {
  it('local dates and offset segments around a change', () => {
    const clock = new ZoneClock('America/New_York');
    expect(formatDate(clock.localDay(at('2026-03-08T04:59:00Z')))).toBe('2026-03-07');
    expect(formatDate(clock.localDay(at('2026-03-08T05:00:00Z')))).toBe('2026-03-08');
    expect(clock.segments(at('2026-03-07T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toEqual([
      { start: at('2026-03-07T00:00:00Z'), end: at('2026-03-08T07:00:00Z'), offsetMs: -5 * 3_600_000 },
      { start: at('2026-03-08T07:00:00Z'), end: at('2026-03-09T00:00:00Z'), offsetMs: -4 * 3_600_000 },
    ]);
  });

  const zones = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
  it('agrees with Luxon on offsets and round-trips every instant that is not a repeated time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: at('2024-01-01T00:00:00Z') / 60_000, max: at('2029-12-31T00:00:00Z') / 60_000 }), (zone, minute) => {
        const t = minute * 60_000;
        const clock = new ZoneClock(zone);
        const dt = DateTime.fromMillis(t, { zone });
        expect(clock.offsetAt(t)).toBe(dt.offset * 60_000);
        expect(formatDate(clock.localDay(t))).toBe(dt.toISODate());
        const back = clock.fromWall(clock.toWall(t));
        const repeated = back !== t && clock.toWall(back) === clock.toWall(t) && back < t;
        expect(back === t || repeated).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
