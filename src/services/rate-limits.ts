import { sql, type Kysely } from 'kysely';
import { hashToken } from '../auth/tokens.js';
import type { Database } from '../db/schema.js';

/** Windows that ended this long ago are deleted now and then, so the table stays small. */
const keepMs = 3_600_000;

/**
 * Counts one hit for `key` in its fixed window of `windowMs`, in the database, so every app
 * instance sees the same count (an in-memory counter per process would multiply the limit by
 * the number of instances). One upsert: a hit after the window ended starts a new one.
 */
export async function countHit(db: Kysely<Database>, key: string, windowMs: number, now: Date): Promise<{ hits: number; resetsAt: Date }> {
  const expired = new Date(now.getTime() - windowMs);
  const { rows } = await sql<{ hits: number; window_started_at: Date }>`
    INSERT INTO rate_limit_windows AS w (key_hash, window_started_at, hits) VALUES (${hashToken(key)}, ${now}, 1)
    ON CONFLICT (key_hash) DO UPDATE SET
      hits = CASE WHEN w.window_started_at <= ${expired} THEN 1 ELSE w.hits + 1 END,
      window_started_at = CASE WHEN w.window_started_at <= ${expired} THEN ${now} ELSE w.window_started_at END
    RETURNING hits, window_started_at
  `.execute(db);
  const row = rows[0]!;
  if (row.hits === 1 && Math.random() < 0.01) {
    await db.deleteFrom('rate_limit_windows').where('window_started_at', '<', new Date(now.getTime() - keepMs)).execute();
  }
  return { hits: row.hits, resetsAt: new Date(row.window_started_at.getTime() + windowMs) };
}
