import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarAccessError, storedCalendarObject, type CalendarAccount } from '../../src/integrations/calendar-provider.js';
import { caldavProvider } from '../../src/integrations/caldav.js';
import { interviewInvite, interviewUid } from '../../src/integrations/ical.js';
import { radicaleInstalled, startRadicale, type TestRadicale } from '../helpers/radicale.js';

const wrap = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
const host = 'loopwise.test';
const interviewId = '0b4d2f3e-7a61-4c55-9d0a-3f5e7c2b1a90';

describe.skipIf(!radicaleInstalled)('CalDAV against a real Radicale server', () => {
  let radicale: TestRadicale;
  let account: CalendarAccount;
  const alice = { username: 'alice', password: 'alice-pass' };

  beforeAll(async () => {
    radicale = await startRadicale([alice]);
    const calendarUrl = await radicale.makeCalendar(alice, 'work');
    account = { serverUrl: radicale.url, calendarUrl, username: alice.username, secret: alice.password, timeZone: 'Europe/Berlin' };
    // A weekly 1:1 on Mondays 09:00 Berlin (08:00Z in winter), an all-day transparent holiday,
    // an opaque all-day offsite, and a cancelled meeting.
    await radicale.putEvent(alice, calendarUrl, 'weekly.ics', wrap('UID:weekly-1on1', 'DTSTART;TZID=Europe/Berlin:20261102T090000', 'DTEND;TZID=Europe/Berlin:20261102T093000', 'RRULE:FREQ=WEEKLY;BYDAY=MO', 'SUMMARY:1:1'));
    await radicale.putEvent(alice, calendarUrl, 'holiday.ics', wrap('UID:holiday', 'DTSTART;VALUE=DATE:20261208', 'DTEND;VALUE=DATE:20261209', 'TRANSP:TRANSPARENT', 'SUMMARY:Holiday'));
    await radicale.putEvent(alice, calendarUrl, 'offsite.ics', wrap('UID:offsite', 'DTSTART;VALUE=DATE:20261210', 'DTEND;VALUE=DATE:20261211', 'SUMMARY:Offsite'));
    await radicale.putEvent(alice, calendarUrl, 'gone.ics', wrap('UID:gone', 'DTSTART:20261209T100000Z', 'DTEND:20261209T110000Z', 'STATUS:CANCELLED'));
  });
  afterAll(async () => radicale?.stop());

  it('connects and finds the calendar; a wrong password or an unknown calendar is refused with a reason', async () => {
    expect(await caldavProvider({ ...account, calendarUrl: '' }).verify()).toEqual({ calendarUrl: account.calendarUrl, calendarName: 'work' });
    await expect(caldavProvider({ ...account, secret: 'wrong' }).verify()).rejects.toThrow(new CalendarAccessError('The calendar server refused the username or password.'));
    await expect(caldavProvider({ ...account, calendarUrl: `${radicale.url}alice/nope/` }).verify()).rejects.toThrow('No calendar was found at that calendar URL');
  });

  it('reads busy times: each weekly occurrence in range and the opaque all-day event, not the transparent or cancelled ones', async () => {
    const busy = await caldavProvider(account).listBusy({ from: new Date('2026-12-07T00:00:00Z'), to: new Date('2026-12-15T00:00:00Z'), ignoreUid: () => false });
    expect(busy.map((b) => `${b.start.toISOString()}/${b.end.toISOString()}`)).toEqual([
      '2026-12-07T08:00:00.000Z/2026-12-07T08:30:00.000Z',
      // 10 Dec in Berlin (UTC+1): 23:00Z the day before to 23:00Z.
      '2026-12-09T23:00:00.000Z/2026-12-10T23:00:00.000Z',
      '2026-12-14T08:00:00.000Z/2026-12-14T08:30:00.000Z',
    ]);
  });

  it('writes an interview event by UID, updates it with a higher SEQUENCE, ignores it when reading busy, and deletes it', async () => {
    const provider = caldavProvider(account);
    const uid = interviewUid(interviewId, host);
    const invite = (sequence: number, start: string, end: string) =>
      storedCalendarObject(
        interviewInvite({
          interviewId,
          sequence,
          method: 'REQUEST',
          title: 'Panel – Backend Engineer',
          sessions: [{ name: 'Panel', start: new Date(start), end: new Date(end) }],
          organizer: { name: 'Loopwise', email: `no-reply@${host}` },
          attendees: [{ name: 'Alice', email: 'alice@acme.test' }],
          host,
          stamp: new Date('2026-11-25T12:00:00Z'),
        }),
      );
    const first = await provider.putEvent({ uid, ics: invite(0, '2026-12-11T14:00:00Z', '2026-12-11T15:00:00Z'), existing: null });
    const updated = await provider.putEvent({ uid, ics: invite(1, '2026-12-11T16:00:00Z', '2026-12-11T17:00:00Z'), existing: first });
    expect(updated.href).toBe(first.href);
    expect(updated.etag).not.toBe(first.etag);

    const stored = [...(await radicale.objects(alice, account.calendarUrl)).values()].filter((ics) => ics.includes(uid));
    expect(stored).toHaveLength(1);
    const vevent = new ICAL.Component(ICAL.parse(stored[0]!)).getFirstSubcomponent('vevent')!;
    expect(stored[0]).not.toContain('METHOD:');
    expect(new ICAL.Event(vevent).sequence).toBe(1);
    expect(new ICAL.Event(vevent).startDate.toJSDate().toISOString()).toBe('2026-12-11T16:00:00.000Z');

    const range = { from: new Date('2026-12-11T00:00:00Z'), to: new Date('2026-12-12T00:00:00Z') };
    expect(await provider.listBusy({ ...range, ignoreUid: () => false })).toHaveLength(1);
    expect(await provider.listBusy({ ...range, ignoreUid: (u) => u === uid })).toHaveLength(0);

    await provider.deleteEvent(updated);
    await provider.deleteEvent(updated);
    expect([...(await radicale.objects(alice, account.calendarUrl)).values()].some((ics) => ics.includes(uid))).toBe(false);
  });
});
