import { z } from 'zod';
import type { CalendarConnection, CalendarFeed } from '../../db/schema.js';
import type { ConnectionWithOwner } from '../../services/calendar-connections.js';
import { isStale } from '../../services/calendar-sync.js';

export const calendarConnectionSchema = z.object({
  id: z.uuid(),
  provider: z.enum(['caldav', 'google', 'microsoft']),
  serverUrl: z.string(),
  calendarUrl: z.string(),
  calendarName: z.string().nullable(),
  username: z.string(),
  status: z.enum(['active', 'error']),
  stale: z.boolean().describe('Never read, the last read failed, or the last good read is older than the threshold'),
  lastSyncedAt: z.iso.datetime().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const organizationConnectionSchema = calendarConnectionSchema.extend({
  user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
});

/** A connection as its owner (or an admin) sees it: the password, sealed or not, never leaves the server. */
export function presentCalendarConnection(connection: CalendarConnection, now: Date, staleMinutes: number): z.infer<typeof calendarConnectionSchema> {
  return {
    id: connection.id,
    provider: connection.provider,
    serverUrl: connection.server_url,
    calendarUrl: connection.calendar_url,
    calendarName: connection.calendar_name,
    username: connection.username,
    status: connection.status,
    stale: isStale(connection, now, staleMinutes),
    lastSyncedAt: connection.last_synced_at?.toISOString() ?? null,
    lastAttemptAt: connection.last_attempt_at?.toISOString() ?? null,
    lastError: connection.last_error,
    createdAt: connection.created_at.toISOString(),
  };
}

export function presentOrganizationConnection(connection: ConnectionWithOwner, now: Date, staleMinutes: number): z.infer<typeof organizationConnectionSchema> {
  return { ...presentCalendarConnection(connection, now, staleMinutes), user: { id: connection.user_id, name: connection.user_name, email: connection.user_email } };
}

export const calendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});

export function presentCalendarFeed(feed: CalendarFeed | null): z.infer<typeof calendarFeedSchema> {
  return { active: feed !== null, createdAt: feed?.created_at.toISOString() ?? null, lastUsedAt: feed?.last_used_at?.toISOString() ?? null };
}
