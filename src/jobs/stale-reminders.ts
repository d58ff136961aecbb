import type { Kysely } from 'kysely';
import type { Database, OutboxMessage } from '../db/schema.js';

/**
 * Why a queued reminder must not go out: the interview was canceled or moved after the reminder
 * was queued (a worker may already hold it when the change commits). The reminders job queues a
 * fresh one for a new time, so a stale one would only send people to the wrong slot.
 */
export async function staleReminderReason(db: Kysely<Database>, message: OutboxMessage): Promise<string | null> {
  const payload = message.payload as { template?: unknown; data?: { interviewId?: unknown; sequence?: unknown } };
  if (message.channel !== 'email' || payload.template !== 'interview_reminder') return null;
  if (typeof payload.data?.interviewId !== 'string' || message.organization_id === null) return null;
  const interview = await db
    .selectFrom('interviews')
    .select(['status', 'sequence'])
    .where('organization_id', '=', message.organization_id)
    .where('id', '=', payload.data.interviewId)
    .executeTakeFirst();
  if (interview?.status !== 'confirmed') return 'The interview was canceled after this reminder was queued.';
  if (interview.sequence !== payload.data.sequence) return 'The interview moved after this reminder was queued.';
  return null;
}
