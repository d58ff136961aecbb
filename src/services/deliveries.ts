import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize } from '../auth/policies.js';
import { Conflict, NotFound } from '../core/errors.js';
import type { Database, OutboxChannel, OutboxMessage, OutboxStatus } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';

export interface DeliveryFilter extends PageRequest {
  status?: OutboxStatus | undefined;
  channel?: OutboxChannel | undefined;
}

/** The organization's outbox, newest first: what was sent, what waits for a retry, what failed. */
export async function listDeliveries(db: Kysely<Database>, ctx: RequestContext, filter: DeliveryFilter): Promise<Page<OutboxMessage>> {
  authorize(ctx.actor, 'read', 'delivery', { organization_id: ctx.actor.organizationId });
  let query = db.selectFrom('outbox_messages').selectAll().where('organization_id', '=', ctx.actor.organizationId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.channel) query = query.where('channel', '=', filter.channel);
  if (filter.cursor) {
    const { key, id } = decodeCursor(filter.cursor);
    query = query.where((eb) => eb.or([eb('created_at', '<', new Date(key)), eb.and([eb('created_at', '=', new Date(key)), eb('id', '<', id)])]));
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute();
  return toPage(rows, filter.limit, (row) => row.created_at.toISOString());
}

/**
 * Puts a failed delivery back in the queue with a fresh attempt budget. The row keeps its id, so
 * the Message-ID or webhook-id stays the same and receivers can still dedupe.
 */
export async function retryDelivery(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<OutboxMessage> {
  return db.transaction().execute(async (trx) => {
    const message = await trx.selectFrom('outbox_messages').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).forUpdate().executeTakeFirst();
    if (!message) throw new NotFound('Delivery not found.');
    authorize(ctx.actor, 'retry', 'delivery', { organization_id: ctx.actor.organizationId });
    if (message.status !== 'failed') throw new Conflict(`Only failed deliveries can be retried; this one is ${message.status}.`);
    const retried = await trx
      .updateTable('outbox_messages')
      .set({ status: 'pending', attempts: 0, deliver_after: ctx.now, claimed_until: null, claim_token: null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'delivery.retried', entityType: 'outbox_message', entityId: id, changes: { status: { from: 'failed', to: 'pending' } } });
    return retried;
  });
}
