import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { CalendarAccessError, storedCalendarObject } from '../integrations/calendar-provider.js';
import { interviewUid } from '../integrations/ical.js';
import { providerOf, type CalendarSettings } from '../services/calendar-sync.js';
import type { CalendarWritePayload } from '../services/calendar-writes.js';
import { interviewData, inviteFromData } from './interview-invites.js';
import type { ChannelAdapter } from './outbox.js';

/**
 * Calendar rows write an interview into an interviewer's connected calendar: `REQUEST` puts the
 * event (the invite's VEVENT, same UID and SEQUENCE, without METHOD), `CANCEL` deletes it. What was
 * written is remembered per connection and interview, so an update replaces the same calendar
 * object; a version with a newer one queued or written (higher SEQUENCE) is skipped, so a late
 * retry never undoes a reschedule or a cancellation.
 */
export function calendarChannel(db: Kysely<Database>, settings: CalendarSettings): ChannelAdapter {
  return {
    deliver: async (message, now) => {
      const payload = message.payload as unknown as CalendarWritePayload;
      const data = interviewData(payload as unknown as Record<string, unknown>);
      if (!data) return { kind: 'cancel', reason: 'The calendar write has no interview data.' };
      const connection = await db.selectFrom('calendar_connections').selectAll().where('id', '=', payload.connectionId).executeTakeFirst();
      if (!connection) return { kind: 'cancel', reason: 'The calendar was disconnected.' };
      if (await superseded(db, data.interviewId, connection.id, data.sequence)) return { kind: 'sent' };
      const written = await db.selectFrom('calendar_events').selectAll().where('connection_id', '=', connection.id).where('interview_id', '=', data.interviewId).executeTakeFirst();
      if (written && written.sequence > data.sequence) return { kind: 'sent' };
      try {
        const provider = await providerOf(db, settings, connection);
        const uid = interviewUid(data.interviewId, settings.host);
        if (data.method === 'CANCEL') {
          if (!written || written.deleted_at) return { kind: 'sent' };
          await provider.deleteEvent({ href: written.href, etag: written.etag });
          await db.updateTable('calendar_events').set({ deleted_at: now, sequence: data.sequence, updated_at: now }).where('id', '=', written.id).execute();
          return { kind: 'sent' };
        }
        const ics = storedCalendarObject(inviteFromData(data, payload.attendee, settings.host, message.created_at));
        const existing = written && !written.deleted_at ? { href: written.href, etag: written.etag } : null;
        const ref = await provider.putEvent({ uid, ics, existing });
        await db
          .insertInto('calendar_events')
          .values({ organization_id: connection.organization_id, connection_id: connection.id, interview_id: data.interviewId, uid, href: ref.href, etag: ref.etag, sequence: data.sequence, updated_at: now })
          .onConflict((oc) => oc.columns(['connection_id', 'interview_id']).doUpdateSet({ href: ref.href, etag: ref.etag, sequence: data.sequence, deleted_at: null, updated_at: now }))
          .execute();
        return { kind: 'sent' };
      } catch (error) {
        if (error instanceof CalendarAccessError) return { kind: 'retry', error: error.message };
        throw error;
      }
    },
  };
}

/**
 * Whether a newer version of this interview is queued for the same calendar: rows of one batch
 * are delivered concurrently, and an older write landing last would undo a reschedule or a cancel.
 */
async function superseded(db: Kysely<Database>, interviewId: string, connectionId: string, sequence: number): Promise<boolean> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select('dedupe_key')
    .where('channel', '=', 'calendar')
    .where('dedupe_key', 'like', `calendar:${interviewId}:seq:%:${connectionId}`)
    .execute();
  return rows.some((row) => Number(row.dedupe_key.split(':')[3]) > sequence);
}
