/**
 * Showing and entering times in a named IANA zone, whatever zone the device is in. The API sends
 * local ISO strings with their offset; the browser's `Intl` does the formatting.
 */

// Chromium names some zones by their old IANA links (CLDR's canonical ids): people search for
// the current names, and the server accepts either.
const CURRENT_NAMES: Record<string, string> = {
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The zone's current IANA name (`Asia/Calcutta` → `Asia/Kolkata`). */
export function currentZoneName(zone: string): string {
  const current = CURRENT_NAMES[zone];
  return current && isTimeZone(current) ? current : zone;
}

/** The device's zone, when the browser knows one it can name. */
export function browserTimeZone(): string | undefined {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && isTimeZone(zone) ? currentZoneName(zone) : undefined;
  } catch {
    return undefined;
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let zones: string[] | undefined;

/** Every IANA zone the browser knows, UTC included. */
export function allTimeZones(): string[] {
  zones ??= (() => {
    const known = Intl.supportedValuesOf('timeZone').map(currentZoneName);
    return [...new Set(known.includes('UTC') ? known : ['UTC', ...known])];
  })();
  return zones;
}

/** "Central European Standard Time" for the zone at that instant (falls back to the IANA name). */
export function zoneLongName(zone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** "GMT+1" style offset of the zone at that instant. */
export function zoneOffset(zone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** The calendar date (YYYY-MM-DD) of a local ISO string, in the zone it was written in. */
export function localDate(iso: string): string {
  return iso.slice(0, 10);
}

/** "Thursday, November 26" for a day key (YYYY-MM-DD), independent of the device's zone. */
export function formatDayKey(day: string, withYear = false): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}) }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
}

/** "3:00 PM" in the zone. */
export function formatTime(iso: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** "3:00 – 3:30 PM" in the zone. */
export function formatTimeRange(start: string, end: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: 'numeric', minute: '2-digit' }).formatRange(new Date(start), new Date(end));
}

/** "Thursday, November 26, 2026, 3:00 – 3:30 PM" in the zone. */
export function formatWhen(start: string, end: string, zone: string): string {
  return `${formatDayKey(localDate(toZoneIso(start, zone)), true)}, ${formatTimeRange(start, end, zone)}`;
}

/** Groups items by the local day of `start` (already in the shown zone), days and items in order. */
export function groupByDay<T extends { start: string }>(items: T[]): { day: string; items: T[] }[] {
  const days = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    const day = localDate(item.start);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return [...days].map(([day, dayItems]) => ({ day, items: dayItems }));
}

function zoneParts(millis: number, zone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(millis));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function offsetMinutes(millis: number, zone: string): number {
  const p = zoneParts(millis, zone);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(millis / 1000) * 1000) / 60_000;
}

/** A wall-clock date (YYYY-MM-DD) and time (HH:MM) in the zone, as a UTC instant. */
export function zonedToInstant(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  const first = offsetMinutes(wall, zone);
  let instant = wall - first * 60_000;
  const second = offsetMinutes(instant, zone);
  // Across a DST change the first guess lands on the other side: use the offset that applies there.
  if (second !== first) instant = wall - second * 60_000;
  return new Date(instant);
}

/** Today's date (YYYY-MM-DD) in the zone. */
export function todayIn(zone: string, now: Date = new Date()): string {
  const p = zoneParts(now.getTime(), zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** An instant as a local ISO string in the zone ("2026-11-26T15:00:00+01:00"). */
export function toZoneIso(iso: string, zone: string): string {
  const millis = Date.parse(iso);
  const p = zoneParts(millis, zone);
  const offset = offsetMinutes(millis, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
