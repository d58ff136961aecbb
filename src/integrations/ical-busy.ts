import ICAL from 'ical.js';
import { DateTime } from 'luxon';

export interface BusyInterval {
  start: Date;
  end: Date;
}

export interface BusyOptions {
  /** Range to report; occurrences are clipped to it. */
  from: Date;
  to: Date;
  /** Zone of floating times and all-day dates: the calendar owner's zone. */
  timeZone: string;
  /** Events to leave out, e.g. the ones Loopwise itself wrote (`interview-…@host`). */
  ignoreUid?: (uid: string) => boolean;
}

interface Occurrence {
  startDate: ICAL.Time;
  endDate: ICAL.Time | null;
  item: ICAL.Event;
}

/** Upper bound on the occurrences looked at per recurring event, so a bad RRULE cannot spin forever. */
const maxOccurrences = 20_000;

/** Instant of an iCalendar time: UTC, an embedded VTIMEZONE or IANA zone, or floating/all-day in `timeZone`. */
function toMillis(time: ICAL.Time, timeZone: string): number {
  const parts = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
  if (time.isDate) return DateTime.fromObject({ year: time.year, month: time.month, day: time.day }, { zone: timeZone }).toMillis();
  const tzid = time.zone?.tzid;
  if (tzid === 'UTC' || tzid === 'Z') return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  if (!tzid || tzid === 'floating') return DateTime.fromObject(parts, { zone: timeZone }).toMillis();
  const iana = DateTime.fromObject(parts, { zone: tzid });
  if (iana.isValid) return iana.toMillis();
  return time.toUnixTime() * 1000;
}

/**
 * The zone floating times of a component are read in: its DTSTART's TZID when ical.js could not
 * resolve it (no VTIMEZONE in the object) but it names an IANA zone, else the owner's zone.
 */
function zoneOf(component: ICAL.Component, timeZone: string): string {
  const tzid = component.getFirstProperty('dtstart')?.getParameter('tzid');
  return typeof tzid === 'string' && DateTime.local().setZone(tzid).isValid ? tzid : timeZone;
}

function registerZones(calendar: ICAL.Component): void {
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = vtimezone.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && !ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.register(vtimezone);
  }
}

/** Whether an event (or one occurrence's exception) blocks time: not cancelled, not transparent. */
function blocks(component: ICAL.Component): boolean {
  const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase();
  const transp = String(component.getFirstPropertyValue('transp') ?? '').toUpperCase();
  return status !== 'CANCELLED' && transp !== 'TRANSPARENT';
}

/**
 * Busy intervals of one iCalendar object (RFC 5545) within [from, to): single events, recurring
 * events expanded with their exceptions and EXDATEs, in their own zones. Cancelled, transparent
 * ("free") and ignored events are left out. Used because Radicale, like several CalDAV servers,
 * answers no free-busy query.
 */
export function busyFromICalendar(ics: string, options: BusyOptions): BusyInterval[] {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  registerZones(calendar);
  const from = options.from.getTime();
  const to = options.to.getTime();
  const busy: BusyInterval[] = [];
  const add = (start: number, end: number) => {
    const clipped = { start: Math.max(start, from), end: Math.min(end, to) };
    if (clipped.end > clipped.start) busy.push({ start: new Date(clipped.start), end: new Date(clipped.end) });
  };

  const vevents = calendar.getAllSubcomponents('vevent');
  const byUid = new Map<string, ICAL.Component[]>();
  for (const vevent of vevents) {
    const uid = String(vevent.getFirstPropertyValue('uid') ?? '');
    if (options.ignoreUid?.(uid)) continue;
    byUid.set(uid, [...(byUid.get(uid) ?? []), vevent]);
  }
  for (const components of byUid.values()) {
    const master = components.find((c) => !c.hasProperty('recurrence-id'));
    const exceptions = components.filter((c) => c !== master);
    if (!master) {
      for (const exception of exceptions) addSingle(new ICAL.Event(exception), zoneOf(exception, options.timeZone), add);
      continue;
    }
    const event = new ICAL.Event(master, { exceptions, strictExceptions: true });
    if (!event.isRecurring()) {
      if (blocks(master)) addSingle(event, zoneOf(master, options.timeZone), add);
      continue;
    }
    const iterator = event.iterator();
    for (let k = 0, next = iterator.next(); next && k < maxOccurrences; k++, next = iterator.next()) {
      // ical.js's own `occurrenceDetails` type does not resolve in its published declarations.
      const details = event.getOccurrenceDetails(next) as Occurrence;
      const zone = zoneOf(details.item.component, options.timeZone);
      const start = toMillis(details.startDate, zone);
      if (start >= to) break;
      if (!blocks(details.item.component)) continue;
      add(start, endOf(details.startDate, details.endDate, start, zone));
    }
  }
  return busy.sort((a, b) => a.start.getTime() - b.start.getTime());
}

function addSingle(event: ICAL.Event, timeZone: string, add: (start: number, end: number) => void): void {
  if (!blocks(event.component)) return;
  const start = toMillis(event.startDate, timeZone);
  add(start, endOf(event.startDate, event.endDate, start, timeZone));
}

/** An all-day event without an end lasts its day; a timed one without an end blocks nothing. */
function endOf(startDate: ICAL.Time, endDate: ICAL.Time | null, start: number, timeZone: string): number {
  if (endDate) return toMillis(endDate, timeZone);
  return startDate.isDate ? DateTime.fromMillis(start, { zone: timeZone }).plus({ days: 1 }).toMillis() : start;
}
