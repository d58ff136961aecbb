import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import type { Database } from '../db/schema.js';

/** What a `calendar` outbox row carries: whose calendar, and the interview data its invite email has. */
export interface CalendarWritePayload {
  connectionId: string;
  userId: string;
  attendee: { name: string; email: string };
  /** The scheduling email's `data` (interview id, SEQUENCE, method, sessions…), so the event is the invite's. */
  data: Record<string, unknown>;
}

/**
 * Queues, in the caller's transaction, one calendar write per connected calendar of these
 * interviewers, keyed `calendar:{interview}:seq:{n}:{connection}` so a retried command queues it once.
 */
export async function enqueueCalendarWrites(
  trx: Kysely<Database>,
  ctx: RequestContext,
  input: { interviewId: string; sequence: number; userIds: readonly string[]; data: Record<string, unknown> },
): Promise<number> {
  if (input.userIds.length === 0) return 0;
  const connections = await trx
    .selectFrom('calendar_connections')
    .innerJoin('users', 'users.id', 'calendar_connections.user_id')
    .select(['calendar_connections.id', 'calendar_connections.user_id', 'users.name', 'users.email'])
    .where('calendar_connections.organization_id', '=', ctx.actor.organizationId)
    .where('calendar_connections.user_id', 'in', [...input.userIds])
    .execute();
  if (connections.length === 0) return 0;
  const inserted = await trx
    .insertInto('outbox_messages')
    .values(
      connections.map((c) => {
        const payload: CalendarWritePayload = { connectionId: c.id, userId: c.user_id, attendee: { name: c.name, email: c.email }, data: input.data };
        return {
          organization_id: ctx.actor.organizationId,
          channel: 'calendar' as const,
          dedupe_key: `calendar:${input.interviewId}:seq:${input.sequence}:${c.id}`,
          payload: JSON.stringify(payload),
          deliver_after: ctx.now,
          created_at: ctx.now,
        };
      }),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
