import { interviewInvite } from '../integrations/ical.js';
import type { OutboxMessage } from '../db/schema.js';
import type { EmailMessage } from '../services/email-outbox.js';

/** The part of a scheduling email's payload (`notifyInterview`) an invite is built from. */
export interface InterviewEmailData {
  interviewId: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  location: string | null;
  stage: string;
  requisition: string;
  sessions: { name: string; start: string; end: string }[];
}

/** Emails that ask for a decision, not ones that put the interview in a calendar. */
const noInvite = new Set(['interview_approval_requested']);

export function interviewData(payload: Record<string, unknown>): InterviewEmailData | null {
  const data = payload.data as Partial<InterviewEmailData> | undefined;
  if (!data || typeof data.interviewId !== 'string' || typeof data.sequence !== 'number') return null;
  if ((data.method !== 'REQUEST' && data.method !== 'CANCEL') || !Array.isArray(data.sessions) || data.sessions.length === 0) return null;
  return data as InterviewEmailData;
}

/**
 * The calendar part of an interview email queued without one: scheduling emails carry the
 * interview's id, SEQUENCE, method and sessions in `data`, and the invite is built from those
 * alone, with the row's creation time as DTSTAMP, so every attempt of a row sends the same bytes.
 *
 * Each recipient gets their own invite with only themselves as ATTENDEE (the candidate does not
 * receive interviewers' or the client's addresses); the UID is the interview's, so a
 * reschedule (higher SEQUENCE) or a CANCEL updates the one event in each person's calendar.
 */
export function calendarPartFor(message: OutboxMessage, host: string): EmailMessage['calendar'] | undefined {
  const payload = message.payload;
  const email = payload as unknown as EmailMessage & { recipient?: { name?: string } };
  if (email.calendar) return email.calendar;
  if (noInvite.has(email.template)) return undefined;
  const data = interviewData(payload);
  if (!data) return undefined;
  return { method: data.method, ics: inviteFromData(data, { name: email.recipient?.name ?? email.to, email: email.to }, host, message.created_at) };
}

/** The invite of one attendee built from an interview's notification data: the same VEVENT for email and calendar writes. */
export function inviteFromData(data: InterviewEmailData, attendee: { name: string; email: string }, host: string, stamp: Date): string {
  return interviewInvite({
    interviewId: data.interviewId,
    sequence: data.sequence,
    method: data.method,
    title: `${data.stage} – ${data.requisition}`,
    sessions: data.sessions.map((session) => ({ name: session.name, start: new Date(session.start), end: new Date(session.end) })),
    location: data.location,
    organizer: { name: 'Loopwise', email: `no-reply@${host}` },
    attendees: [attendee],
    host,
    stamp,
  });
}
