import { z } from 'zod';
import type { OutboxMessage, WebhookAttempt } from '../../db/schema.js';

export const deliverySchema = z.object({
  id: z.uuid(),
  channel: z.enum(['email', 'webhook', 'calendar']),
  status: z.enum(['pending', 'sent', 'failed', 'canceled']),
  /** Email recipient, or the webhook endpoint id. */
  recipient: z.string().nullable(),
  /** Email subject, or the webhook event type. */
  subject: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.iso.datetime(),
  nextAttemptAt: z.iso.datetime().nullable().describe('When a pending delivery is tried next'),
  lastAttemptAt: z.iso.datetime().nullable(),
  sentAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  responseMs: z.number().int().nullable(),
});

const text = (payload: Record<string, unknown>, key: string) => (typeof payload[key] === 'string' ? payload[key] : null);

/** An outbox row as admins see it: where it goes and how delivery went, not its whole payload. */
export function presentDelivery(message: OutboxMessage): z.infer<typeof deliverySchema> {
  const payload = message.payload;
  const webhook = message.channel === 'webhook';
  return {
    id: message.id,
    channel: message.channel,
    status: message.status,
    recipient: webhook ? message.webhook_endpoint_id : text(payload, 'to'),
    subject: text(payload, webhook ? 'type' : 'subject'),
    attempts: message.attempts,
    createdAt: message.created_at.toISOString(),
    nextAttemptAt: message.status === 'pending' ? message.deliver_after.toISOString() : null,
    lastAttemptAt: message.last_attempt_at?.toISOString() ?? null,
    sentAt: message.sent_at?.toISOString() ?? null,
    lastError: message.last_error,
    lastStatusCode: message.last_status_code,
    responseMs: message.response_ms,
  };
}

export const webhookDeliverySchema = deliverySchema.extend({
  eventId: z.string().nullable(),
  log: z.array(z.object({ attemptedAt: z.iso.datetime(), statusCode: z.number().int().nullable(), responseMs: z.number().int(), error: z.string().nullable() })),
});

/** One webhook delivery with every attempt and its response code: the endpoint's delivery log. */
export function presentWebhookDelivery(message: OutboxMessage, attempts: WebhookAttempt[]): z.infer<typeof webhookDeliverySchema> {
  return {
    ...presentDelivery(message),
    eventId: text(message.payload, 'eventId'),
    log: attempts.map((attempt) => ({ attemptedAt: attempt.attempted_at.toISOString(), statusCode: attempt.status_code, responseMs: attempt.response_ms, error: attempt.error })),
  };
}
