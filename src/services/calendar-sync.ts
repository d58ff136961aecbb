import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { CalendarConnection, Database } from '../db/schema.js';
import { CalendarAccessError, type CalendarAccount, type CalendarProvider } from '../integrations/calendar-provider.js';
import { caldavProvider } from '../integrations/caldav.js';
import { unseal } from '../integrations/secret-box.js';

const DAY = 24 * 60 * 60_000;
/** Busy times are read this far ahead: past any stage's usual booking horizon. */
export const syncHorizonDays = 60;
const maxErrorLength = 500;

export interface CalendarSettings {
  /** `config.encryptionKey`: seals calendar passwords at rest. */
  encryptionKey: Buffer;
  /** Host of PUBLIC_URL: the events Loopwise writes have UIDs `interview-…@host`. */
  host: string;
  /** Loopback and private server URLs are allowed outside production (tests, a local Radicale). */
  allowPrivateUrls: boolean;
  /** A connection whose last good sync is older than this is stale. */
  staleMinutes: number;
  /** Which provider talks to an account; tests may swap it. */
  providerFor?: (connection: Pick<CalendarConnection, 'provider'>, account: CalendarAccount) => CalendarProvider;
}

/** Calendar settings from the validated config. */
export function calendarSettingsOf(config: Pick<Config, 'encryptionKey' | 'publicUrl' | 'env' | 'calendarStaleMinutes'>): CalendarSettings {
  return { encryptionKey: config.encryptionKey, host: new URL(config.publicUrl).hostname, allowPrivateUrls: config.env !== 'production', staleMinutes: config.calendarStaleMinutes };
}

/** Associated data of a sealed calendar password: it only opens for its own connection. */
export const credentialContext = (connectionId: string) => `calendar_connection:${connectionId}`;

/** Whether a UID is one of the interview events this installation wrote (never read back as busy). */
export function isLoopwiseUid(uid: string, host: string): boolean {
  return uid.startsWith('interview-') && uid.endsWith(`@${host}`);
}

export function openProvider(settings: CalendarSettings, connection: Pick<CalendarConnection, 'provider'>, account: CalendarAccount): CalendarProvider {
  if (settings.providerFor) return settings.providerFor(connection, account);
  if (connection.provider === 'caldav') return caldavProvider(account);
  throw new CalendarAccessError(`The ${connection.provider} calendar provider is not available in this installation.`);
}

/** The provider of a stored connection, with its password opened for this use only. */
export async function providerOf(db: Kysely<Database>, settings: CalendarSettings, connection: CalendarConnection): Promise<CalendarProvider> {
  const user = await db.selectFrom('users').select('time_zone').where('id', '=', connection.user_id).executeTakeFirst();
  return openProvider(settings, connection, {
    serverUrl: connection.server_url,
    calendarUrl: connection.calendar_url,
    username: connection.username,
    secret: unseal(settings.encryptionKey, connection.credentials_sealed, credentialContext(connection.id)),
    timeZone: user?.time_zone ?? 'UTC',
  });
}

/** Stale: never read, the last read failed, or the last good read is older than the threshold. */
export function isStale(connection: Pick<CalendarConnection, 'status' | 'last_synced_at'>, now: Date, staleMinutes: number): boolean {
  if (connection.status === 'error' || !connection.last_synced_at) return true;
  return now.getTime() - connection.last_synced_at.getTime() > staleMinutes * 60_000;
}

export interface SyncResult {
  ok: boolean;
  busy: number;
  error: string | null;
}

/**
 * Reads the connection's busy times for [now, now + 60 days] and replaces its stored intervals in
 * one transaction, so the engine sees either the old set or the new one. A failure is recorded
 * on the connection (status `error`, the reason) and keeps the last good intervals.
 */
export async function syncConnection(db: Kysely<Database>, settings: CalendarSettings, connection: CalendarConnection, now: Date): Promise<SyncResult> {
  const from = now;
  const to = new Date(now.getTime() + syncHorizonDays * DAY);
  try {
    const provider = await providerOf(db, settings, connection);
    const busy = await provider.listBusy({ from, to, ignoreUid: (uid) => isLoopwiseUid(uid, settings.host) });
    await db.transaction().execute(async (trx) => {
      const still = await trx.selectFrom('calendar_connections').select('id').where('id', '=', connection.id).forUpdate().executeTakeFirst();
      if (!still) return;
      await trx.deleteFrom('calendar_busy').where('connection_id', '=', connection.id).execute();
      if (busy.length > 0) {
        await trx
          .insertInto('calendar_busy')
          .values(busy.map((b) => ({ organization_id: connection.organization_id, connection_id: connection.id, user_id: connection.user_id, starts_at: b.start, ends_at: b.end })))
          .execute();
      }
      await trx
        .updateTable('calendar_connections')
        .set({ status: 'active', last_synced_at: now, last_attempt_at: now, last_error: null, updated_at: now })
        .where('id', '=', connection.id)
        .execute();
    });
    return { ok: true, busy: busy.length, error: null };
  } catch (error) {
    const message = (error instanceof CalendarAccessError ? error.message : `Reading the calendar failed: ${error instanceof Error ? error.message : String(error)}`).slice(0, maxErrorLength);
    await db
      .updateTable('calendar_connections')
      .set({ status: 'error', last_attempt_at: now, last_error: message, updated_at: now })
      .where('id', '=', connection.id)
      .execute();
    return { ok: false, busy: 0, error: message };
  }
}
