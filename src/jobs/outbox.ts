import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, OutboxChannel, OutboxMessage } from '../db/schema.js';
import { staleReminderReason } from './stale-reminders.js';
import type { Job } from './worker.js';

/** What one delivery attempt came to. */
export type DeliveryOutcome =
  | { kind: 'sent'; statusCode?: number | null; responseMs?: number | null }
  | { kind: 'retry'; error: string; statusCode?: number | null; responseMs?: number | null }
  /** The delivery no longer makes sense (its webhook endpoint was deleted, its interview moved). */
  | { kind: 'cancel'; reason: string };

/** Delivers rows of one channel; throwing counts as a failed attempt. */
export interface ChannelAdapter {
  deliver(message: OutboxMessage, now: Date): Promise<DeliveryOutcome>;
}

export type ChannelAdapters = Partial<Record<OutboxChannel, ChannelAdapter>>;

export interface OutboxOptions {
  /** Rows claimed per tick; they are delivered concurrently. */
  batchSize: number;
  /** How long a claim lasts; longer than the slowest delivery (SMTP and webhook timeouts are shorter). */
  leaseMs: number;
  /** After this many attempts a row is `failed` until an admin retries it. */
  maxAttempts: number;
  /** First retry delay; it doubles with each attempt up to `maxDelayMs`, with ±20% jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

export const defaultOutboxOptions: OutboxOptions = {
  batchSize: 10,
  leaseMs: 5 * 60_000,
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  random: Math.random,
};

/** Delay before the next attempt after `attempts` failed ones: exponential with jitter. */
export function retryDelayMs(attempts: number, options: Pick<OutboxOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * options.random()));
}

const maxErrorLength = 1000;

/**
 * The outbox worker (DESIGN §2, §4). Each tick claims due rows in one short statement
 * (`FOR UPDATE SKIP LOCKED`, so several workers never claim the same row) and stamps them with a
 * lease and a claim token; delivery happens outside any transaction; the result is written only
 * while the claim token still matches, so a worker that outlived its lease cannot overwrite the
 * next claimant. Attempts are counted at claim time, so a row that crashes its worker also runs
 * out of attempts.
 *
 * Delivery is at-least-once: a crash after the receiver accepted a message and before `sent` is
 * written makes the row go out again after the lease. Receivers dedupe on what stays the same
 * across attempts: the Message-ID (`<row id@host>`), the iCalendar UID + SEQUENCE, the webhook-id.
 */
export function outboxJob(db: Kysely<Database>, adapters: ChannelAdapters, overrides: Partial<OutboxOptions> = {}): Job {
  const options = { ...defaultOutboxOptions, ...overrides };
  const channels = Object.keys(adapters) as OutboxChannel[];

  const claim = async (now: Date): Promise<{ token: string; rows: OutboxMessage[] }> => {
    const token = randomUUID();
    const rows = await db
      .updateTable('outbox_messages')
      .set({ claimed_until: new Date(now.getTime() + options.leaseMs), claim_token: token, attempts: sql`attempts + 1`, last_attempt_at: now })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox_messages')
          .select('id')
          .where('status', '=', 'pending')
          .where('deliver_after', '<=', now)
          .where('channel', 'in', channels)
          .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', now)]))
          .orderBy('deliver_after')
          .limit(options.batchSize)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute();
    return { token, rows };
  };

  const record = async (message: OutboxMessage, token: string, outcome: DeliveryOutcome, now: Date): Promise<void> => {
    const released = { claimed_until: null, claim_token: null };
    const response = outcome.kind === 'cancel' ? {} : { last_status_code: outcome.statusCode ?? null, response_ms: outcome.responseMs ?? null };
    const update =
      outcome.kind === 'sent'
        ? { ...released, ...response, status: 'sent' as const, sent_at: now, last_error: null }
        : outcome.kind === 'cancel'
          ? { ...released, status: 'canceled' as const, last_error: outcome.reason.slice(0, maxErrorLength) }
          : message.attempts >= options.maxAttempts
            ? { ...released, ...response, status: 'failed' as const, last_error: outcome.error.slice(0, maxErrorLength) }
            : { ...released, ...response, deliver_after: new Date(now.getTime() + retryDelayMs(message.attempts, options)), last_error: outcome.error.slice(0, maxErrorLength) };
    await db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('outbox_messages').set(update).where('id', '=', message.id).where('claim_token', '=', token).executeTakeFirst();
      // A lost claim (lease expired, another worker took over) records nothing: the claimant does.
      if (result.numUpdatedRows === 0n || message.channel !== 'webhook' || outcome.kind === 'cancel') return;
      await trx
        .insertInto('webhook_attempts')
        .values({
          organization_id: message.organization_id ?? '',
          outbox_message_id: message.id,
          attempted_at: now,
          status_code: outcome.statusCode ?? null,
          response_ms: outcome.responseMs ?? 0,
          error: outcome.kind === 'retry' ? outcome.error.slice(0, maxErrorLength) : null,
        })
        .execute();
    });
  };

  const deliver = async (message: OutboxMessage, now: Date): Promise<DeliveryOutcome> => {
    const adapter = adapters[message.channel];
    if (!adapter) return { kind: 'retry', error: `No adapter for the ${message.channel} channel.` };
    try {
      const stale = await staleReminderReason(db, message);
      if (stale) return { kind: 'cancel', reason: stale };
      return await adapter.deliver(message, now);
    } catch (error) {
      return { kind: 'retry', error: describeError(error) };
    }
  };

  return {
    name: 'outbox',
    runOnce: async (now) => {
      if (channels.length === 0) return 0;
      const { token, rows } = await claim(now);
      await Promise.all(rows.map(async (message) => record(message, token, await deliver(message, now), now)));
      return rows.length;
    },
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
