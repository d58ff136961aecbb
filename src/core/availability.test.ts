import { describe, expect, it } from 'vitest';
import { busyTime, freeTime, preparePerson } from './availability.js';
import { ZoneClocks } from './zone.js';
import { at, makePerson } from './test-factories.js';

const iso = (list: readonly { start: number; end: number }[]): string[] => list.map((i) => `${new Date(i.start).toISOString().slice(11, 16)}–${new Date(i.end).toISOString().slice(11, 16)}`);
const day = { start: at('2026-01-06T00:00:00Z'), end: at('2026-01-07T00:00:00Z') };

describe('availability of a person', () => {
  const person = makePerson({
    id: 'ada',
    timeZone: 'Europe/London',
    busy: [{ start: at('2026-01-06T10:00:00Z'), end: at('2026-01-06T10:30:00Z') }],
    blocks: [{ start: at('2026-01-06T16:00:00Z'), end: at('2026-01-08T00:00:00Z') }],
    existingInterviews: [{ start: at('2026-01-06T13:00:00Z'), end: at('2026-01-06T14:00:00Z') }],
  });

  it('busy time = blocks ∪ calendar busy ∪ interviews padded by the buffer', () => {
    expect(iso(busyTime(person, 15, day))).toEqual(['10:00–10:30', '12:45–14:15', '16:00–00:00']);
  });
  it('free time = working hours − busy time', () => {
    const free = freeTime(preparePerson(person, new ZoneClocks()), 15, day);
    expect(iso(free)).toEqual(['09:00–10:00', '10:30–12:45', '14:15–16:00']);
  });
  it('ignores busy data far outside the range', () => {
    const far = makePerson({ id: 'b', busy: [{ start: at('2030-01-01T00:00:00Z'), end: at('2030-01-02T00:00:00Z') }] });
    expect(busyTime(far, 0, day)).toEqual([]);
  });
});
