import { createDAVClient, type DAVCalendar } from 'tsdav';
import { CalendarAccessError, type CalendarAccount, type CalendarProvider, type EventRef } from './calendar-provider.js';
import { busyFromICalendar, type BusyInterval } from './ical-busy.js';

type DAVClient = Awaited<ReturnType<typeof createDAVClient>>;

const timeoutMs = 20_000;

function withTimeout(): RequestInit {
  return { signal: AbortSignal.timeout(timeoutMs) };
}

/** A readable reason for a failed CalDAV call: what the user can fix, never a stack. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/401|Invalid credentials|Unauthorized/i.test(message)) return 'The calendar server refused the username or password.';
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|fetch failed|timeout|aborted/i.test(message)) return 'The calendar server could not be reached at that address.';
  return `The calendar server answered with an error: ${message.slice(0, 200)}`;
}

const sameUrl = (a: string, b: string) => {
  const norm = (url: string) => new URL(url).href.replace(/\/?$/, '/');
  try {
    return norm(a) === norm(b);
  } catch {
    return false;
  }
};

const ensureSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/** Object file name of an event UID: stable, so a retried write replaces instead of duplicating. */
export function eventFileName(uid: string): string {
  return `${uid.replace(/[^A-Za-z0-9._-]/g, '_')}.ics`;
}

/**
 * CalDAV (RFC 4791) through tsdav. Busy times come from a time-range calendar-query, expanded
 * here with ical.js, because servers such as Radicale answer no free-busy report.
 */
export function caldavProvider(account: CalendarAccount): CalendarProvider {
  let client: DAVClient | undefined;
  const connect = async (): Promise<DAVClient> => {
    if (client) return client;
    try {
      client = await createDAVClient({
        serverUrl: account.serverUrl,
        credentials: { username: account.username, password: account.secret },
        authMethod: 'Basic',
        defaultAccountType: 'caldav',
        fetchOptions: withTimeout(),
      });
      return client;
    } catch (error) {
      throw new CalendarAccessError(describe(error));
    }
  };
  const calendar = (): DAVCalendar => ({ url: ensureSlash(account.calendarUrl) });
  const fail = async (response: Response, what: string): Promise<never> => {
    if (response.status === 401 || response.status === 403) throw new CalendarAccessError('The calendar server refused the username or password.');
    throw new Error(`${what} answered HTTP ${response.status}`);
  };

  return {
    verify: async () => {
      const dav = await connect();
      let calendars: DAVCalendar[];
      try {
        calendars = await dav.fetchCalendars({ fetchOptions: withTimeout() });
      } catch (error) {
        throw new CalendarAccessError(describe(error));
      }
      const events = calendars.filter((c) => !c.components || c.components.includes('VEVENT'));
      const chosen = account.calendarUrl ? events.find((c) => sameUrl(c.url, account.calendarUrl)) : events[0];
      if (!chosen) {
        throw new CalendarAccessError(account.calendarUrl ? 'No calendar was found at that calendar URL for this account.' : 'This account has no calendar for events.');
      }
      const name = typeof chosen.displayName === 'string' && chosen.displayName ? chosen.displayName : null;
      return { calendarUrl: chosen.url, calendarName: name };
    },

    listBusy: async ({ from, to, ignoreUid }) => {
      const dav = await connect();
      const objects = await dav.fetchCalendarObjects({
        calendar: calendar(),
        timeRange: { start: from.toISOString(), end: to.toISOString() },
        fetchOptions: withTimeout(),
      });
      const busy: BusyInterval[] = [];
      for (const object of objects) {
        if (typeof object.data !== 'string' || object.data === '') continue;
        busy.push(...busyFromICalendar(object.data, { from, to, timeZone: account.timeZone, ignoreUid }));
      }
      return busy.sort((a, b) => a.start.getTime() - b.start.getTime());
    },

    putEvent: async ({ uid, ics, existing }) => {
      const dav = await connect();
      const href = existing?.href ?? new URL(eventFileName(uid), ensureSlash(account.calendarUrl)).href;
      // Loopwise owns this object: an unconditional PUT replaces whatever version is there.
      const response = await dav.updateCalendarObject({ calendarObject: { url: href, data: ics }, fetchOptions: withTimeout() });
      if (!response.ok) await fail(response, 'Writing the event');
      return { href, etag: response.headers.get('etag') };
    },

    deleteEvent: async (ref: EventRef) => {
      const dav = await connect();
      const response = await dav.deleteCalendarObject({ calendarObject: { url: ref.href }, fetchOptions: withTimeout() });
      if (!response.ok && response.status !== 404 && response.status !== 410) await fail(response, 'Deleting the event');
    },
  };
}
