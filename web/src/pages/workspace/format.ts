import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { RequestStatus, WaitingOn } from '../../api/workspace/types';

dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };

/** Times come from the API in UTC; people read them in a zone, and the zone is always named. */
const LOCALE = 'en-US';

export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

export function formatTime(iso: string, timeZone: string, withZone = false): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, hour: 'numeric', minute: '2-digit', ...(withZone ? { timeZoneName: 'short' } : {}) }).format(new Date(iso));
}

export function formatDay(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(iso));
}

/** "1:30 – 3:30 PM EST" */
export function formatRange(startIso: string, endIso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).formatRange(new Date(startIso), new Date(endIso));
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(iso: string, timeZone: string): string {
  return dayjs(iso).tz(timeZone).format('YYYY-MM-DD');
}

export function formatAge(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.floor(hours / 24)} d ${Math.round(hours % 24)} h`;
}

export const STATUS_LABELS: Record<RequestStatus, string> = {
  ready: 'Ready',
  offered: 'Offered',
  booked: 'Booked',
  completed: 'Completed',
  no_show: 'No-show',
  canceled: 'Canceled',
};

export const STATUS_COLORS: Record<RequestStatus, string> = {
  ready: 'indigo',
  offered: 'cyan',
  booked: 'green',
  completed: 'gray',
  no_show: 'red',
  canceled: 'gray',
};

export const WAITING_LABELS: Record<WaitingOn, string> = {
  coordinator: 'Coordinator',
  candidate: 'Candidate',
  interviewers: 'Interviewers',
  client: 'Client',
};

export function humanize(code: string): string {
  const text = code.replace(/[._]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
