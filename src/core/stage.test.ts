import { describe, expect, it } from 'vitest';
import { Invalid } from './errors.js';
import { stageWindow, type WindowRules } from './stage.js';
import { ZoneClock } from './zone.js';
import { at, makeStage } from './test-factories.js';

const isoList = (list: readonly { start: number; end: number }[]): string[] => list.map((i) => `${new Date(i.start).toISOString()}/${new Date(i.end).toISOString()}`);

function window(rules: Partial<WindowRules>, zone = 'America/New_York', windows?: { start: number; end: number }[], now = at('2026-01-05T12:00:00Z')) {
  return stageWindow(makeStage(rules), { timeZone: zone, windows }, new ZoneClock(zone), now);
}

describe('stage window', () => {
  it('starts at now + notice, ends at the horizon, weekdays 08:00–18:00 in the candidate zone', () => {
    const w = window({ minNoticeHours: 2, horizonDays: 7 });
    expect(isoList(w.window)).toEqual([
      '2026-01-05T14:00:00.000Z/2026-01-05T23:00:00.000Z',
      '2026-01-06T13:00:00.000Z/2026-01-06T23:00:00.000Z',
      '2026-01-07T13:00:00.000Z/2026-01-07T23:00:00.000Z',
      '2026-01-08T13:00:00.000Z/2026-01-08T23:00:00.000Z',
      '2026-01-09T13:00:00.000Z/2026-01-09T23:00:00.000Z',
    ]);
  });
  it('weekends and evenings when allowed (evening ends at 21:00 by default)', () => {
    const w = window({ horizonDays: 7, candidateHours: { start: '08:00', end: '18:00', eveningsAllowed: true, weekendsAllowed: true } });
    expect(w.window).toHaveLength(7);
    expect(isoList(w.window)[5]).toBe('2026-01-10T13:00:00.000Z/2026-01-11T02:00:00.000Z');
  });
  it('uses the candidate-local day (Asia/Kolkata, weekend = their Saturday and Sunday)', () => {
    const w = window({ horizonDays: 7, minNoticeHours: 0 }, 'Asia/Kolkata');
    // now = 17:30 IST on Monday: half an hour of Monday is left, then 08:00–18:00 IST = 02:30–12:30 UTC.
    expect(isoList(w.window).slice(0, 2)).toEqual(['2026-01-05T12:00:00.000Z/2026-01-05T12:30:00.000Z', '2026-01-06T02:30:00.000Z/2026-01-06T12:30:00.000Z']);
    expect(w.window.some((i) => new Date(i.start).toISOString().startsWith('2026-01-10'))).toBe(false);
  });
  it('intersects the candidate windows, keeping the allowed hours apart for explanations', () => {
    const w = window({ horizonDays: 7 }, 'America/New_York', [{ start: at('2026-01-06T12:00:00Z'), end: at('2026-01-06T15:00:00Z') }]);
    expect(isoList(w.window)).toEqual(['2026-01-06T13:00:00.000Z/2026-01-06T15:00:00.000Z']);
    expect(w.allowed.length).toBeGreaterThan(1);
  });
  it('is empty when the notice reaches past the horizon', () => {
    expect(window({ minNoticeHours: 48, horizonDays: 1 }).window).toEqual([]);
  });
  it('rejects a grid step that does not divide the day, and negative rules', () => {
    expect(() => window({ stepMinutes: 7 })).toThrow(Invalid);
    expect(() => window({ bufferMinutes: -5 })).toThrow(Invalid);
  });
});
