import { sql, type Kysely } from 'kysely';
import { systemContext } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { issueCandidateLink } from '../services/link-tokens.js';
import { loadInterviewView, type InterviewView } from '../services/scheduling-context.js';
import { candidateRecipient, enqueueSchedulingEmail, formatInZone, userRecipients, type Recipient } from '../services/scheduling-notifications.js';
import type { Job } from './worker.js';

/** The longest reminder offset stage rules allow (7 days), which bounds the scan. */
const maxOffsetMinutes = 10_080;
const defaultOffsets = '[1440, 60]';

interface DueReminder {
  id: string;
  organization_id: string;
  sequence: number;
  offset_minutes: number;
}

/**
 * Interview reminders at the stage's `reminderOffsetsMinutes` before the start, to the candidate
 * and the interviewers, in each one's time zone. Nothing is scheduled ahead: each tick asks which
 * confirmed interviews have a reminder time that has passed, and queues it under the key
 * `reminder:<interview>:seq:<sequence>:<offset>:<recipient>`. So a reschedule (new SEQUENCE)
 * starts over from the new time, a cancellation stops them, and a reminder whose time had
 * already passed when the interview was booked or last changed is skipped. When a worker was
 * down across several reminder times, only the latest one goes out.
 */
export function remindersJob(db: Kysely<Database>, options: { publicUrl: string; batchSize?: number; everyMs?: number }): Job {
  const { publicUrl } = options;
  const batchSize = options.batchSize ?? 50;
  // Reminders are due by the minute; scanning once a minute keeps the worker's idle polls cheap.
  const everyMs = options.everyMs ?? 60_000;
  let lastScan: number | undefined;

  const due = async (now: Date): Promise<DueReminder[]> => {
    const remindAt = sql<Date>`i.starts_at - (o.value::int * interval '1 minute')`;
    const prefix = sql<string>`'reminder:' || i.id || ':seq:' || i.sequence || ':'`;
    const result = await sql<DueReminder>`
      SELECT i.id, i.organization_id, i.sequence, min(o.value::int) AS offset_minutes
      FROM interviews i
      JOIN scheduling_requests r ON r.id = i.request_id
      JOIN stages s ON s.id = r.stage_id
      CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(s.rules->'reminderOffsetsMinutes', ${defaultOffsets}::jsonb)) AS o(value)
      WHERE i.status = 'confirmed'
        AND i.starts_at > ${now}
        AND i.starts_at <= ${new Date(now.getTime() + maxOffsetMinutes * 60_000)}
        AND ${remindAt} <= ${now}
        AND ${remindAt} >= greatest(i.booked_at, i.updated_at)
        AND NOT EXISTS (
          SELECT 1 FROM outbox_messages m
          WHERE m.dedupe_key LIKE ${prefix} || '%'
            AND substring(m.dedupe_key from '^reminder:[^:]+:seq:[0-9]+:([0-9]+):')::int <= o.value::int
        )
      GROUP BY i.id, i.organization_id, i.sequence
      ORDER BY min(i.starts_at)
      LIMIT ${batchSize}
    `.execute(db);
    return result.rows;
  };

  return {
    name: 'reminders',
    runOnce: async (now) => {
      if (lastScan !== undefined && Math.abs(now.getTime() - lastScan) < everyMs) return 0;
      lastScan = now.getTime();
      let queued = 0;
      const reminders = await due(now);
      for (const reminder of reminders) {
        queued += await db.transaction().execute(async (trx) => {
          const view = await loadInterviewView(trx, reminder.organization_id, reminder.id, { lock: true });
          // Changed since the scan (rescheduled, canceled): the next tick sees the new state.
          if (view.interview.status !== 'confirmed' || view.interview.sequence !== reminder.sequence) return 0;
          return queueReminders(trx, view, reminder.offset_minutes, now, publicUrl);
        });
      }
      // A full batch may have more behind it: scan again on the next tick.
      if (reminders.length === batchSize) lastScan = undefined;
      return queued;
    },
  };
}

async function queueReminders(trx: Kysely<Database>, view: InterviewView, offset: number, now: Date, publicUrl: string): Promise<number> {
  const { interview } = view;
  const ctx = systemContext(interview.organization_id, now);
  const seated = view.assignments.filter((a) => a.releasedAt === null && a.declinedAt === null);
  const interviewers = await userRecipients(trx, interview.organization_id, [...new Set(seated.map((a) => a.interviewerId))], 'interviewer');
  const recipients: Recipient[] = [candidateRecipient(view), ...interviewers];
  const names = [...new Set(seated.map((a) => a.name))];
  for (const recipient of recipients) {
    const key = recipient.type === 'candidate' ? 'candidate' : `${recipient.type}:${recipient.id}`;
    const when = view.sessions.map((s) => `${s.name}: ${formatInZone(s.starts_at, recipient.timeZone)} – ${formatInZone(s.ends_at, recipient.timeZone)}`);
    const who = recipient.type === 'candidate' ? `You will meet: ${names.join(', ')}` : `Candidate: ${view.candidate.name}`;
    // The candidate answers from the reminder; a link of its own, so the one they have keeps working.
    const actions: string[] = [];
    if (recipient.type === 'candidate') {
      const expiresAt = new Date(interview.ends_at.getTime() + 86_400_000);
      const { url } = await issueCandidateLink(trx, ctx, { requestId: interview.request_id, purpose: 'manage', expiresAt, publicUrl, keepOthers: true });
      actions.push(`I'll be there: ${url}?action=confirm`, `I need to reschedule: ${url}?action=reschedule`);
    }
    await enqueueSchedulingEmail(trx, ctx, {
      dedupeKey: `reminder:${interview.id}:seq:${interview.sequence}:${offset}:${key}`,
      template: 'interview_reminder',
      recipient,
      subject: `Reminder: ${view.stage.name} – ${view.requisition.title}, ${formatInZone(interview.starts_at, recipient.timeZone)}`,
      lines: [`${view.stage.name} for ${view.requisition.title}`, ...when, who, `Where: ${interview.location ?? 'to be confirmed'}`, ...actions],
      data: { interviewId: interview.id, sequence: interview.sequence, reminderOffsetMinutes: offset },
    });
  }
  return recipients.length;
}
