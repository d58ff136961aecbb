import icalGenerator, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

export interface InviteSession {
  name: string;
  start: Date;
  end: Date;
}

export interface InvitePerson {
  name: string;
  email: string;
}

export interface InterviewInviteInput {
  interviewId: string;
  /** The interview's SEQUENCE: calendars apply an update only when it is higher than the last one seen. */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  title: string;
  sessions: InviteSession[];
  location?: string | null;
  url?: string | null;
  description?: string | null;
  organizer: InvitePerson;
  attendees: InvitePerson[];
  /** Host part of the UID (from PUBLIC_URL), so UIDs are unique across installations. */
  host: string;
  /** DTSTAMP: when this version of the invite was made. */
  stamp: Date;
}

/** The stable iCalendar UID of an interview: every update and the cancellation reuse it. */
export function interviewUid(interviewId: string, host: string): string {
  return `interview-${interviewId}@${host}`;
}

/**
 * An iCalendar invite (RFC 5545/5546) for one interview.
 *
 * One VEVENT spans all sessions (from the first start to the last end), with the sessions listed
 * in the description. One UID per interview is what makes Google, Outlook and Apple update or
 * remove the same event on reschedule and cancel; several VEVENTs with one UID would be read as
 * recurrence instances, and per-session UIDs would leave stale events when a panel's sessions
 * change. Times are written in UTC (`Z`), which every client converts to the viewer's zone, so no
 * VTIMEZONE is needed. `METHOD:CANCEL` also sets `STATUS:CANCELLED`; the caller passes the
 * already-increased SEQUENCE.
 */
export function interviewInvite(input: InterviewInviteInput): string {
  const sessions = [...input.sessions].sort((a, b) => a.start.getTime() - b.start.getTime());
  const first = sessions[0];
  if (!first) throw new Error('An interview invite needs at least one session.');
  const end = Math.max(...sessions.map((session) => session.end.getTime()));
  const utc = (date: Date | number) => DateTime.fromMillis(typeof date === 'number' ? date : date.getTime(), { zone: 'utc' });
  const cancel = input.method === 'CANCEL';

  const calendar = icalGenerator({ prodId: { company: 'Loopwise', product: 'Loopwise', language: 'EN' } });
  calendar.method(cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
  calendar.createEvent({
    id: interviewUid(input.interviewId, input.host),
    sequence: input.sequence,
    stamp: utc(input.stamp),
    start: utc(first.start),
    end: utc(end),
    summary: cancel ? `Canceled: ${input.title}` : input.title,
    description: describeSessions(sessions, input.description ?? null),
    location: input.location ?? null,
    url: input.url ?? null,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: input.attendees.map((person) => ({
      name: person.name,
      email: person.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      // Loopwise does not read iTIP replies: confirmations go through its own links.
      rsvp: false,
    })),
  });
  return calendar.toString();
}

function describeSessions(sessions: InviteSession[], description: string | null): string {
  const lines = sessions.length > 1 ? sessions.map((s) => `${s.name}: ${s.start.toISOString().slice(0, 16).replace('T', ' ')}–${s.end.toISOString().slice(11, 16)} UTC`) : [];
  return [description, ...lines].filter((line): line is string => Boolean(line)).join('\n');
}

export interface FeedEvent {
  interviewId: string;
  sequence: number;
  title: string;
  sessions: InviteSession[];
  location: string | null;
  description: string | null;
}

/**
 * A subscribable calendar (no METHOD: it is published, not an invitation) of one person's
 * interviews, with the same UIDs and SEQUENCEs as their emailed invites.
 */
export function interviewFeed(input: { name: string; host: string; stamp: Date; events: FeedEvent[] }): string {
  const utc = (millis: number) => DateTime.fromMillis(millis, { zone: 'utc' });
  const calendar = icalGenerator({ name: input.name, prodId: { company: 'Loopwise', product: 'Loopwise', language: 'EN' }, ttl: 15 * 60 });
  for (const event of input.events) {
    const sessions = [...event.sessions].sort((a, b) => a.start.getTime() - b.start.getTime());
    const first = sessions[0];
    if (!first) continue;
    calendar.createEvent({
      id: interviewUid(event.interviewId, input.host),
      sequence: event.sequence,
      stamp: utc(input.stamp.getTime()),
      start: utc(first.start.getTime()),
      end: utc(Math.max(...sessions.map((s) => s.end.getTime()))),
      summary: event.title,
      description: describeSessions(sessions, event.description),
      location: event.location,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
