import type { Kysely } from 'kysely';
import type { Database, OutboxMessage } from '../db/schema.js';
import { unseal } from '../integrations/secret-box.js';
import type { Mailer } from '../integrations/smtp.js';
import { postWebhook, sign } from '../integrations/webhooks.js';
import type { EmailMessage } from '../services/email-outbox.js';
import { secretContext, type WebhookPayload, type WebhookSettings } from '../services/webhooks.js';
import { calendarPartFor } from './interview-invites.js';
import type { ChannelAdapter } from './outbox.js';

/**
 * Email rows go to the mailer under their row id, which fixes the Message-ID. Interview emails
 * queued without a calendar part get one built from their data (`calendarPartFor`).
 */
export function emailChannel(mailer: Mailer, host: string): ChannelAdapter {
  return {
    deliver: async (message) => {
      const email = message.payload as unknown as EmailMessage;
      const calendar = calendarPartFor(message, host);
      await mailer.send({ id: message.id, to: email.to, subject: email.subject, text: email.text, html: email.html, calendar });
      return { kind: 'sent' };
    },
  };
}

/** The body a webhook receiver gets: the same bytes on every attempt of a row. */
export function webhookBody(message: OutboxMessage): string {
  const payload = message.payload as unknown as WebhookPayload;
  return JSON.stringify({ type: payload.type, timestamp: payload.timestamp, data: payload.data });
}

/**
 * Webhook rows are signed at delivery time with the endpoint's current secret. The `webhook-id`
 * is the outbox row id, the same on every attempt, so receivers can dedupe retries.
 */
export function webhookChannel(db: Kysely<Database>, settings: WebhookSettings, timeoutMs = 15_000): ChannelAdapter {
  return {
    deliver: async (message, now) => {
      const endpoint = message.webhook_endpoint_id
        ? await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', message.webhook_endpoint_id).executeTakeFirst()
        : undefined;
      if (!endpoint) return { kind: 'cancel', reason: 'The webhook endpoint was deleted.' };
      if (!endpoint.active) return { kind: 'cancel', reason: 'The webhook endpoint is disabled.' };
      const secret = unseal(settings.encryptionKey, endpoint.secret_sealed, secretContext(endpoint.id));
      const body = webhookBody(message);
      const headers = sign(secret, `msg_${message.id}`, now, body);
      const result = await postWebhook({ url: endpoint.url, headers, body, timeoutMs, allowPrivate: settings.allowPrivateUrls });
      const response = { statusCode: result.statusCode, responseMs: result.responseMs };
      if (result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300) return { kind: 'sent', ...response };
      return { kind: 'retry', error: result.error ?? `The endpoint answered HTTP ${result.statusCode}.`, ...response };
    },
  };
}
