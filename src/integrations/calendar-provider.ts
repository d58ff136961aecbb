import type { BusyInterval } from './ical-busy.js';

export type { BusyInterval } from './ical-busy.js';

/** Where and as whom to reach one calendar. The secret is opened from its sealed form only for the call. */
export interface CalendarAccount {
  serverUrl: string;
  /** The calendar collection; empty when connecting lets the provider pick the first event calendar. */
  calendarUrl: string;
  username: string;
  secret: string;
  /** The owner's zone: floating and all-day events are read in it. */
  timeZone: string;
}

/** A calendar object Loopwise wrote: where it lives and its version. */
export interface EventRef {
  href: string;
  etag: string | null;
}

/** A refusal the user can act on (bad password, unknown calendar): answered as 422 with this message. */
export class CalendarAccessError extends Error {
  override name = 'CalendarAccessError';
}

/**
 * One calendar behind any provider (CalDAV today; Google and Microsoft Graph fit the same shape):
 * read busy times, write the event of an interview by its UID, remove it.
 */
export interface CalendarProvider {
  /** Checks the account and resolves the calendar; throws `CalendarAccessError` with a readable reason. */
  verify(): Promise<{ calendarUrl: string; calendarName: string | null }>;
  /** Busy intervals in [from, to), recurring events expanded; events whose UID `ignoreUid` accepts are skipped. */
  listBusy(range: { from: Date; to: Date; ignoreUid: (uid: string) => boolean }): Promise<BusyInterval[]>;
  /** Creates or replaces the event with this UID from a VCALENDAR text (no METHOD). */
  putEvent(input: { uid: string; ics: string; existing: EventRef | null }): Promise<EventRef>;
  /** Deletes the event; an event that is already gone counts as deleted. */
  deleteEvent(ref: EventRef): Promise<void>;
}

/**
 * A VCALENDAR as a calendar stores it: an iTIP invite's METHOD line belongs to email scheduling
 * messages, and CalDAV servers refuse or mangle objects that carry it (RFC 4791 §4.1).
 */
export function storedCalendarObject(ics: string): string {
  return ics.replace(/^METHOD:[^\r\n]*\r?\n/m, '');
}
