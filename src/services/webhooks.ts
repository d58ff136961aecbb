import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize } from '../auth/policies.js';
import { Invalid, NotFound } from '../core/errors.js';
import type { Database, OutboxMessage, WebhookAttempt, WebhookEndpoint } from '../db/schema.js';
import { seal } from '../integrations/secret-box.js';
import { newWebhookSecret, webhookUrlProblem } from '../integrations/webhooks.js';
import { changedFields, recordAudit } from './audit.js';

/** The events an endpoint can subscribe to. */
export const webhookEventTypes = [
  'interview.booked',
  'interview.rescheduled',
  'interview.canceled',
  'interview.outcome_recorded',
  'request.created',
  'candidate.updated',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** One line per event type, for the people choosing what an endpoint receives. */
export const webhookEventDescriptions: Readonly<Record<WebhookEventType, string>> = {
  'interview.booked': 'An interview was booked (by a candidate, a coordinator or the API).',
  'interview.rescheduled': 'A booked interview moved to a new time.',
  'interview.canceled': 'An interview was canceled.',
  'interview.outcome_recorded': 'Completed, no-show or similar was recorded after the interview.',
  'request.created': 'A scheduling request was opened for a stage.',
  'candidate.updated': 'A candidate’s details changed.',
};

/** The event types with their descriptions, in the order endpoints list them; admins only, like endpoints. */
export function listWebhookEventTypes(ctx: RequestContext): { type: WebhookEventType; description: string }[] {
  authorize(ctx.actor, 'read', 'webhookEndpoint', { organization_id: ctx.actor.organizationId });
  return webhookEventTypes.map((type) => ({ type, description: webhookEventDescriptions[type] }));
}

/** What the outbox stores for one webhook delivery; the body is rebuilt identically on every attempt. */
export interface WebhookPayload {
  eventId: string;
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface WebhookSettings {
  /** `config.encryptionKey`: seals endpoint secrets at rest. */
  encryptionKey: Buffer;
  /** Loopback and private URLs are allowed outside production (tests and local receivers). */
  allowPrivateUrls: boolean;
}

/** Associated data of sealed secrets: a sealed value only opens for its own endpoint. */
export const secretContext = (endpointId: string) => `webhook_endpoint:${endpointId}`;

/**
 * Queues one delivery of an event per active endpoint of the organization subscribed to its type,
 * in the caller's transaction. The dedupe key `webhook:<endpoint>:<event>` makes a retried command
 * (same `eventId`) enqueue nothing twice. Returns the event id receivers see in the body.
 */
export async function enqueueWebhookEvent(
  trx: Kysely<Database>,
  ctx: RequestContext,
  type: WebhookEventType,
  data: Record<string, unknown>,
  options: { eventId?: string } = {},
): Promise<{ eventId: string; deliveries: number }> {
  const eventId = options.eventId ?? randomUUID();
  const endpoints = await trx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('organization_id', '=', ctx.actor.organizationId)
    .where('active', '=', true)
    .where(sql<boolean>`${type} = ANY(event_types)`)
    .execute();
  if (endpoints.length === 0) return { eventId, deliveries: 0 };
  const payload: WebhookPayload = { eventId, type, timestamp: ctx.now.toISOString(), data };
  const inserted = await trx
    .insertInto('outbox_messages')
    .values(
      endpoints.map((endpoint) => ({
        organization_id: ctx.actor.organizationId,
        channel: 'webhook' as const,
        dedupe_key: `webhook:${endpoint.id}:${eventId}`,
        payload: JSON.stringify(payload),
        webhook_endpoint_id: endpoint.id,
        deliver_after: ctx.now,
        created_at: ctx.now,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  return { eventId, deliveries: inserted.length };
}

export interface EndpointInput {
  url: string;
  description?: string | null | undefined;
  eventTypes: WebhookEventType[];
  active?: boolean | undefined;
}

function checkUrl(url: string, settings: WebhookSettings): void {
  const problem = webhookUrlProblem(url, settings.allowPrivateUrls);
  if (problem) throw new Invalid(`The webhook URL ${problem}.`, [{ path: 'body.url', message: problem }]);
}

export async function listWebhookEndpoints(db: Kysely<Database>, ctx: RequestContext): Promise<WebhookEndpoint[]> {
  authorize(ctx.actor, 'read', 'webhookEndpoint', { organization_id: ctx.actor.organizationId });
  return db.selectFrom('webhook_endpoints').selectAll().where('organization_id', '=', ctx.actor.organizationId).orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function getWebhookEndpoint(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<WebhookEndpoint> {
  const endpoint = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).executeTakeFirst();
  if (!endpoint) throw new NotFound('Webhook endpoint not found.');
  authorize(ctx.actor, 'read', 'webhookEndpoint', endpoint);
  return endpoint;
}

/** Registers an endpoint; the response is the only time its signing secret is shown. */
export async function createWebhookEndpoint(
  db: Kysely<Database>,
  ctx: RequestContext,
  settings: WebhookSettings,
  input: EndpointInput,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  authorize(ctx.actor, 'create', 'webhookEndpoint', { organization_id: ctx.actor.organizationId });
  checkUrl(input.url, settings);
  const id = randomUUID();
  const secret = newWebhookSecret();
  return db.transaction().execute(async (trx) => {
    const endpoint = await trx
      .insertInto('webhook_endpoints')
      .values({
        id,
        organization_id: ctx.actor.organizationId,
        url: input.url,
        description: input.description ?? null,
        event_types: [...new Set(input.eventTypes)],
        secret_sealed: seal(settings.encryptionKey, secret, secretContext(id)),
        active: input.active ?? true,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'webhook_endpoint.created',
      entityType: 'webhook_endpoint',
      entityId: id,
      changes: { url: { from: null, to: endpoint.url }, eventTypes: { from: null, to: endpoint.event_types } },
    });
    return { endpoint, secret };
  });
}

async function lockEndpoint(trx: Kysely<Database>, ctx: RequestContext, id: string, action: 'update' | 'delete'): Promise<WebhookEndpoint> {
  const endpoint = await trx.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).forUpdate().executeTakeFirst();
  if (!endpoint) throw new NotFound('Webhook endpoint not found.');
  authorize(ctx.actor, action, 'webhookEndpoint', endpoint);
  return endpoint;
}

export async function updateWebhookEndpoint(
  db: Kysely<Database>,
  ctx: RequestContext,
  settings: WebhookSettings,
  id: string,
  input: Partial<EndpointInput>,
): Promise<WebhookEndpoint> {
  if (input.url !== undefined) checkUrl(input.url, settings);
  return db.transaction().execute(async (trx) => {
    const before = await lockEndpoint(trx, ctx, id, 'update');
    const next = {
      url: input.url,
      description: input.description,
      event_types: input.eventTypes ? [...new Set(input.eventTypes)] : undefined,
      active: input.active,
    };
    const changes = changedFields(before, next);
    if (Object.keys(changes).length === 0) return before;
    const updated = await trx.updateTable('webhook_endpoints').set({ ...next, updated_at: ctx.now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'webhook_endpoint.updated', entityType: 'webhook_endpoint', entityId: id, changes });
    return updated;
  });
}

/** Replaces the signing secret at once: deliveries from now on, retries included, use the new one. */
export async function rotateWebhookSecret(
  db: Kysely<Database>,
  ctx: RequestContext,
  settings: WebhookSettings,
  id: string,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  return db.transaction().execute(async (trx) => {
    await lockEndpoint(trx, ctx, id, 'update');
    const secret = newWebhookSecret();
    const endpoint = await trx
      .updateTable('webhook_endpoints')
      .set({ secret_sealed: seal(settings.encryptionKey, secret, secretContext(id)), updated_at: ctx.now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'webhook_endpoint.secret_rotated', entityType: 'webhook_endpoint', entityId: id });
    return { endpoint, secret };
  });
}

/** Deletes an endpoint; its pending deliveries are canceled, its delivery history stays. */
export async function deleteWebhookEndpoint(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const endpoint = await lockEndpoint(trx, ctx, id, 'delete');
    await trx.updateTable('outbox_messages').set({ status: 'canceled', claimed_until: null, claim_token: null }).where('webhook_endpoint_id', '=', id).where('status', '=', 'pending').execute();
    await trx.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'webhook_endpoint.deleted', entityType: 'webhook_endpoint', entityId: id, changes: { url: { from: endpoint.url, to: null } } });
  });
}

export interface WebhookDelivery {
  message: OutboxMessage;
  attempts: WebhookAttempt[];
}

/** The endpoint's delivery log, newest first, each delivery with its attempts and response codes. */
export async function listWebhookDeliveries(db: Kysely<Database>, ctx: RequestContext, id: string, limit: number): Promise<WebhookDelivery[]> {
  const endpoint = await getWebhookEndpoint(db, ctx, id);
  const messages = await db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('webhook_endpoint_id', '=', endpoint.id)
    .where('organization_id', '=', ctx.actor.organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (messages.length === 0) return [];
  const attempts = await db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('outbox_message_id', 'in', messages.map((message) => message.id))
    .orderBy('attempted_at')
    .execute();
  return messages.map((message) => ({ message, attempts: attempts.filter((attempt) => attempt.outbox_message_id === message.id) }));
}
