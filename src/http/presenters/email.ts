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
});

/** An email outbox row for the development mailbox. */
export function presentEmail(message: OutboxMessage): z.infer<typeof emailSchema> {
  const payload = message.payload;
  const text = (key: string) => (typeof payload[key] === 'string' ? payload[key] : '');
  return {
    id: message.id,
    to: text('to'),
    subject: text('subject'),
    template: text('template'),
    text: text('text'),
    status: message.status,
    createdAt: message.created_at.toISOString(),
  };
}
