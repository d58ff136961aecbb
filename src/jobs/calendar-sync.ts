import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { syncConnection, type CalendarSettings } from '../services/calendar-sync.js';
import type { Job } from './worker.js';

export interface CalendarSyncOptions {
  /** A connection is read again when its last attempt is older than this. */
  intervalMs: number;
  /** Connections read per tick, one after the other (a slow server delays only its own batch). */
  batchSize?: number;
}

/**
 * Keeps connected calendars' busy times fresh: each tick claims the connections due (never read,
 * or last attempt older than the interval) by stamping their attempt time — so several workers
 * never read the same one — and reads [now, now + 60 days]. A calendar that fails is recorded on
 * its connection (status, reason) and tried again after the interval; the worker goes on.
 */
export function calendarSyncJob(db: Kysely<Database>, settings: CalendarSettings, options: CalendarSyncOptions): Job {
  const batchSize = options.batchSize ?? 5;
  return {
    name: 'calendar-sync',
    runOnce: async (now) => {
      const cutoff = new Date(now.getTime() - options.intervalMs);
      const due = (eb: ExpressionBuilder<Database, 'calendar_connections'>) => eb.or([eb('last_attempt_at', 'is', null), eb('last_attempt_at', '<=', cutoff)]);
      const candidates = await db.selectFrom('calendar_connections').select('id').where(due).orderBy('last_attempt_at', (ob) => ob.asc().nullsFirst()).limit(batchSize).execute();
      let handled = 0;
      for (const { id } of candidates) {
        const claimed = await db.updateTable('calendar_connections').set({ last_attempt_at: now }).where('id', '=', id).where(due).returningAll().executeTakeFirst();
        if (!claimed) continue;
        await syncConnection(db, settings, claimed, now);
        handled += 1;
      }
      return handled;
    },
  };
}
