import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { interviewInvite, type InterviewInviteInput } from '../../src/integrations/ical.js';

const base: InterviewInviteInput = {
  interviewId: '6f1d7a52-8f0e-4d43-9d5e-6b7a3a0f2c11',
  sequence: 0,
  method: 'REQUEST',
  title: 'Panel interview: Senior Backend Engineer',
  sessions: [
    { name: 'System design', start: new Date('2026-12-01T15:00:00Z'), end: new Date('2026-12-01T16:00:00Z') },
    { name: 'Coding', start: new Date('2026-12-01T16:15:00Z'), end: new Date('2026-12-01T17:00:00Z') },
  ],
  location: 'https://meet.example.com/abc-def',
  url: 'https://loopwise.example.com/interviews/6f1d7a52',
  organizer: { name: 'Casey Coordinator', email: 'coordinator@acme.test' },
  attendees: [
    { name: 'Ana Candidate', email: 'ana@example.com' },
    { name: 'Ivan Interviewer', email: 'interviewer1@acme.test' },
  ],
  host: 'loopwise.example.com',
  stamp: new Date('2026-11-25T12:00:00Z'),
};

/** Parses with a second, independent library (ical.js), as a calendar client would. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const vevents = calendar.getAllSubcomponents('vevent');
  const vevent = vevents[0];
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    events: vevents.length,
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    startIsUtc: event.startDate.zone === ICAL.Timezone.utcTimezone,
    status: vevent.getFirstPropertyValue('status'),
    summary: event.summary,
    location: event.location,
    description: event.description,
    organizer: String(vevent.getFirstPropertyValue('organizer')).toLowerCase(),
    attendees: event.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
  };
}

describe('interview invites (ical-generator, re-parsed with ical.js)', () => {
  it('writes one VEVENT spanning the sessions, in UTC, with a stable UID, organizer and attendees', () => {
    const parsed = parse(interviewInvite(base));
    expect(parsed).toMatchObject({
      method: 'REQUEST',
      events: 1,
      uid: `interview-${base.interviewId}@loopwise.example.com`,
      sequence: 0,
      start: '2026-12-01T15:00:00.000Z',
      end: '2026-12-01T17:00:00.000Z',
      startIsUtc: true,
      status: 'CONFIRMED',
      summary: base.title,
      location: 'https://meet.example.com/abc-def',
      organizer: 'mailto:coordinator@acme.test',
    });
    expect(parsed.attendees).toEqual(['mailto:ana@example.com', 'mailto:interviewer1@acme.test']);
    expect(parsed.description).toContain('System design: 2026-12-01 15:00–16:00 UTC');
    expect(parsed.description).toContain('Coding: 2026-12-01 16:15–17:00 UTC');
  });

  it('keeps the UID on reschedule and cancel while SEQUENCE grows; CANCEL marks the event cancelled', () => {
    const booked = parse(interviewInvite(base));
    const moved = parse(interviewInvite({ ...base, sequence: 1, sessions: [{ name: 'Panel', start: new Date('2026-12-02T09:30:00Z'), end: new Date('2026-12-02T10:30:00Z') }] }));
    const canceled = parse(interviewInvite({ ...base, sequence: 2, method: 'CANCEL' }));
    expect(new Set([booked.uid, moved.uid, canceled.uid]).size).toBe(1);
    expect([booked.sequence, moved.sequence, canceled.sequence]).toEqual([0, 1, 2]);
    expect(moved).toMatchObject({ method: 'REQUEST', start: '2026-12-02T09:30:00.000Z', end: '2026-12-02T10:30:00.000Z' });
    expect(canceled).toMatchObject({ method: 'CANCEL', status: 'CANCELLED' });
    expect(canceled.summary).toMatch(/^Canceled: /);
  });

  it('writes the same instants whatever the time zone of the process (no floating local times)', () => {
    const ics = interviewInvite(base);
    expect(ics).toContain('DTSTART:20261201T150000Z');
    expect(ics).toContain('DTEND:20261201T170000Z');
    expect(ics).not.toMatch(/DTSTART;TZID/);
  });
});
