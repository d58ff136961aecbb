import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** An email as the outbox stores it; the worker (or the dev mailbox) reads this payload. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Which template wrote it, for filtering and tests. */
  template: string;
  /** An iCalendar invite sent as the message's calendar part (`src/integrations/ical.ts`). */
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string };
}

/**
 * Queues an email in the caller's transaction, so it is sent exactly when the change that caused
 * it commits. The dedupe key makes a retried command enqueue it once.
 */
export async function enqueueEmail(
  trx: Kysely<Database>,
  input: { organizationId: string; dedupeKey: string; now: Date; message: EmailMessage },
): Promise<void> {
  await trx
    .insertInto('outbox_messages')
    .values({
      organization_id: input.organizationId,
      channel: 'email',
      dedupe_key: input.dedupeKey,
      payload: JSON.stringify(input.message),
      deliver_after: input.now,
      created_at: input.now,
    })
    .execute();
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}
