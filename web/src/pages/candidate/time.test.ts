import { describe, expect, it } from 'vitest';
import { currentZoneName, groupByDay, todayIn, toZoneIso, zonedToInstant } from './time';
import { validateWindow } from './WindowRows';

describe('times in a named zone', () => {
  it('turns a wall-clock time into the instant, across offsets and DST changes', () => {
    expect(zonedToInstant('2026-11-26', '09:00', 'America/New_York').toISOString()).toBe('2026-11-26T14:00:00.000Z');
    expect(zonedToInstant('2026-11-26', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-11-26T03:30:00.000Z');
    // The spring-forward day keeps 09:00 local (EDT, -4), the day before is EST (-5).
    expect(zonedToInstant('2026-03-08', '09:00', 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(zonedToInstant('2026-03-07', '09:00', 'America/New_York').toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(zonedToInstant('2026-10-04', '12:00', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-04T01:00:00.000Z');
  });

  it('writes an instant as a local ISO string with its offset', () => {
    expect(toZoneIso('2026-11-26T14:00:00Z', 'Europe/Berlin')).toBe('2026-11-26T15:00:00+01:00');
    expect(toZoneIso('2026-11-26T14:00:00Z', 'Asia/Kolkata')).toBe('2026-11-26T19:30:00+05:30');
  });

  it('groups times by their local day, in order', () => {
    const days = groupByDay([{ start: '2026-11-27T09:00:00+01:00' }, { start: '2026-11-26T23:30:00+01:00' }, { start: '2026-11-26T09:00:00+01:00' }]);
    expect(days.map((d) => [d.day, d.items.length])).toEqual([['2026-11-26', 2], ['2026-11-27', 1]]);
  });

  it('knows today in the zone, and the current names of renamed zones', () => {
    expect(todayIn('Pacific/Kiritimati', new Date('2026-11-26T23:00:00Z'))).toBe('2026-11-27');
    expect(currentZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(currentZoneName('Europe/London')).toBe('Europe/London');
  });
});

describe('a free window', () => {
  const now = new Date('2026-11-26T15:00:00Z');
  it('accepts a future window and names what is wrong otherwise', () => {
    expect(validateWindow({ date: '2026-11-27', start: '09:00', end: '12:00' }, 'America/New_York', now)).toEqual({});
    expect(validateWindow({ date: '', start: '09:00', end: '12:00' }, 'America/New_York', now)).toEqual({ date: 'Enter a date.' });
    expect(validateWindow({ date: '2026-11-25', start: '09:00', end: '12:00' }, 'America/New_York', now).date).toBe('Pick today or a later date.');
    expect(validateWindow({ date: '2026-11-27', start: '12:00', end: '09:00' }, 'America/New_York', now)).toEqual({ end: 'End after the start time.' });
    expect(validateWindow({ date: '2026-11-26', start: '08:00', end: '09:00' }, 'America/New_York', now)).toEqual({ end: 'This time has already passed.' });
  });
});
