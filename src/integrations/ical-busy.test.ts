import { describe, expect, it } from 'vitest';
import { busyFromICalendar } from './ical-busy.js';

const wrap = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');
const range = { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z'), timeZone: 'America/New_York' };
const iso = (busy: { start: Date; end: Date }[]) => busy.map((b) => `${b.start.toISOString()}/${b.end.toISOString()}`);

describe('busy times from iCalendar objects', () => {
  it('reads a timed event in a zone without a VTIMEZONE as that IANA zone', () => {
    const ics = wrap(vevent(['UID:one', 'DTSTART;TZID=Europe/London:20261203T100000', 'DTEND;TZID=Europe/London:20261203T113000']));
    expect(iso(busyFromICalendar(ics, range))).toEqual(['2026-12-03T10:00:00.000Z/2026-12-03T11:30:00.000Z']);
  });

  it('expands a weekly event with an EXDATE and a moved occurrence, clipped to the range', () => {
    const ics = wrap(
      vevent(['UID:weekly', 'DTSTART:20261117T150000Z', 'DTEND:20261117T160000Z', 'RRULE:FREQ=WEEKLY;BYDAY=TU', 'EXDATE:20261208T150000Z']),
      vevent(['UID:weekly', 'RECURRENCE-ID:20261215T150000Z', 'DTSTART:20261215T170000Z', 'DTEND:20261215T180000Z']),
      vevent(['UID:weekly', 'RECURRENCE-ID:20261222T150000Z', 'DTSTART:20261222T150000Z', 'DTEND:20261222T160000Z', 'STATUS:CANCELLED']),
    );
    // Tuesdays in December 2026: 1, 8 (excluded), 15 (moved to 17:00), 22 (cancelled), 29.
    expect(iso(busyFromICalendar(ics, range))).toEqual([
      '2026-12-01T15:00:00.000Z/2026-12-01T16:00:00.000Z',
      '2026-12-15T17:00:00.000Z/2026-12-15T18:00:00.000Z',
      '2026-12-29T15:00:00.000Z/2026-12-29T16:00:00.000Z',
    ]);
  });

  it('treats an all-day event as the whole local day, and ignores transparent, cancelled and Loopwise events', () => {
    const ics = wrap(
      vevent(['UID:offsite', 'DTSTART;VALUE=DATE:20261204', 'DTEND;VALUE=DATE:20261205']),
      vevent(['UID:holiday', 'DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261226', 'TRANSP:TRANSPARENT']),
      vevent(['UID:gone', 'DTSTART:20261207T100000Z', 'DTEND:20261207T110000Z', 'STATUS:CANCELLED']),
      vevent(['UID:interview-abc@loopwise.test', 'DTSTART:20261208T100000Z', 'DTEND:20261208T110000Z']),
    );
    const busy = busyFromICalendar(ics, { ...range, ignoreUid: (uid) => uid.endsWith('@loopwise.test') });
    // 4 Dec in New York (UTC-5): 05:00Z to 05:00Z the next day.
    expect(iso(busy)).toEqual(['2026-12-04T05:00:00.000Z/2026-12-05T05:00:00.000Z']);
  });
});
