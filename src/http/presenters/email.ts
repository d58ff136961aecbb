import { z } from 'zod';
import type { OutboxMessage } from '../../db/schema.js';

export const emailSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  text: z.string(),
  status: z.string(),
  createdAt: z.iso.datetime(),
  attempts: z.number().int(),
  sentAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  /** Whether it carries an iCalendar invite, and which method. */
  calendarMethod: z.string().nullable(),
  /** The `.eml` the worker wrote (development, no SMTP_URL), once it is sent. */
  emlUrl: z.string().nullable(),
});

/** An email outbox row for the development mailbox. */
export function presentEmail(message: OutboxMessage): z.infer<typeof emailSchema> {
  const payload = message.payload;
  const text = (key: string) => (typeof payload[key] === 'string' ? payload[key] : '');
  const calendar = payload.calendar as { method?: unknown } | undefined;
  return {
    id: message.id,
    to: text('to'),
    subject: text('subject'),
    template: text('template'),
    text: text('text'),
    status: message.status,
    createdAt: message.created_at.toISOString(),
    attempts: message.attempts,
    sentAt: message.sent_at?.toISOString() ?? null,
    nextAttemptAt: message.status === 'pending' ? message.deliver_after.toISOString() : null,
    lastError: message.last_error,
    calendarMethod: typeof calendar?.method === 'string' ? calendar.method : null,
    emlUrl: message.status === 'sent' ? `/dev/mail/${message.id}.eml` : null,
  };
}
