import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { RequestContext } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { enqueueCalendarWrites } from './calendar-writes.js';
import type { InterviewView, RequestView } from './scheduling-context.js';

export interface Recipient {
  type: 'candidate' | 'interviewer' | 'client' | 'staff';
  id: string;
  email: string;
  name: string;
  timeZone: string;
}

export interface SchedulingEmail {
  dedupeKey: string;
  template: string;
  recipient: Recipient;
  subject: string;
  lines: string[];
  /** What the notifications issue renders invites from (interview id, sequence, sessions, method…). */
  data: Record<string, unknown>;
}

/** "Tue 8 Dec 2026, 10:00 EST": a time as the recipient reads it. */
export function formatInZone(at: Date | string, timeZone: string): string {
  const millis = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return DateTime.fromMillis(millis, { zone: timeZone }).toFormat('ccc d LLL yyyy, HH:mm ZZZZ');
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Queues one email in the caller's transaction; the unique dedupe key makes a retried command queue it once. */
export async function enqueueSchedulingEmail(trx: Kysely<Database>, ctx: RequestContext, email: SchedulingEmail): Promise<void> {
  const text = [`Hello ${email.recipient.name},`, '', ...email.lines, '', 'Loopwise'].join('\n');
  const payload = {
    to: email.recipient.email,
    subject: email.subject,
    text,
    html: `<p>${text.split('\n').map(escapeHtml).join('<br>')}</p>`,
    template: email.template,
    recipient: { type: email.recipient.type, id: email.recipient.id, name: email.recipient.name },
    timeZone: email.recipient.timeZone,
    data: email.data,
  };
  await trx
    .insertInto('outbox_messages')
    .values({
      organization_id: ctx.actor.organizationId,
      channel: 'email',
      dedupe_key: email.dedupeKey,
      payload: JSON.stringify(payload),
      deliver_after: ctx.now,
      created_at: ctx.now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export function candidateRecipient(view: RequestView): Recipient {
  const c = view.candidate;
  return { type: 'candidate', id: c.id, email: c.email, name: c.name, timeZone: c.time_zone };
}

export async function userRecipients(trx: Kysely<Database>, organizationId: string, ids: readonly string[], type: Recipient['type']): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  const users = await trx.selectFrom('users').select(['id', 'email', 'name', 'time_zone']).where('organization_id', '=', organizationId).where('id', 'in', [...ids]).execute();
  return users.map((u) => ({ type, id: u.id, email: u.email, name: u.name, timeZone: u.time_zone }));
}

/** The client's active portal users for a client-visible request. */
export async function clientRecipients(trx: Kysely<Database>, view: RequestView): Promise<Recipient[]> {
  if (!view.requisition.client_id || !view.rules.clientVisible) return [];
  const users = await trx
    .selectFrom('users')
    .select(['id', 'email', 'name', 'time_zone'])
    .where('organization_id', '=', view.request.organization_id)
    .where('client_id', '=', view.requisition.client_id)
    .where('role', '=', 'client_user')
    .where('active', '=', true)
    .execute();
  return users.map((u) => ({ type: 'client', id: u.id, email: u.email, name: u.name, timeZone: u.time_zone }));
}

/** The people who own the request on the staff side: the recruiter and the requisition's coordinators. */
export async function staffRecipients(trx: Kysely<Database>, view: RequestView): Promise<Recipient[]> {
  const coordinators = await trx.selectFrom('requisition_coordinators').select('user_id').where('requisition_id', '=', view.requisition.id).execute();
  const ids = [...new Set([view.requisition.recruiter_id, ...coordinators.map((c) => c.user_id)].filter((id): id is string => id !== null))];
  return userRecipients(trx, view.request.organization_id, ids, 'staff');
}

export type InterviewAudience = 'candidate' | 'interviewers' | 'client';

/**
 * Invites (`REQUEST`) or cancellations (`CANCEL`) of an interview to its audience, one row per
 * recipient keyed `interview:{id}:seq:{n}:{recipient}`, with the data calendar invites need.
 */
export async function notifyInterview(
  trx: Kysely<Database>,
  ctx: RequestContext,
  view: InterviewView,
  options: { template: string; method: 'REQUEST' | 'CANCEL'; audience: InterviewAudience[]; subject: string; note?: string; linkUrl?: string | null; interviewerIds?: readonly string[] },
): Promise<void> {
  const { interview } = view;
  const active = view.assignments.filter((a) => a.releasedAt === null);
  const names = new Map(view.assignments.map((a) => [a.interviewerId, a.name]));
  const sessions = view.sessions.map((s) => ({
    name: s.name,
    start: s.starts_at.toISOString(),
    end: s.ends_at.toISOString(),
    interviewers: active.filter((a) => a.sessionId === s.id).map((a) => ({ id: a.interviewerId, name: a.name })),
  }));
  const interviewerIds = options.interviewerIds ?? [...new Set(active.map((a) => a.interviewerId))];
  const data = {
    interviewId: interview.id,
    requestId: interview.request_id,
    sequence: interview.sequence,
    method: options.method,
    status: interview.status,
    startsAt: interview.starts_at.toISOString(),
    endsAt: interview.ends_at.toISOString(),
    location: interview.location,
    stage: view.stage.name,
    requisition: view.requisition.title,
    candidateName: view.candidate.name,
    sessions,
    names: Object.fromEntries(names),
  };
  const recipients: Recipient[] = [];
  if (options.audience.includes('candidate')) recipients.push(candidateRecipient(view));
  if (options.audience.includes('interviewers')) recipients.push(...(await userRecipients(trx, interview.organization_id, interviewerIds, 'interviewer')));
  if (options.audience.includes('client')) recipients.push(...(await clientRecipients(trx, view)));
  for (const recipient of recipients) {
    const key = recipient.type === 'candidate' ? 'candidate' : `${recipient.type}:${recipient.id}`;
    const when = view.sessions.map((s) => `${s.name}: ${formatInZone(s.starts_at, recipient.timeZone)} – ${formatInZone(s.ends_at, recipient.timeZone)}`);
    const who = recipient.type === 'candidate' ? [`You will meet: ${[...new Set(sessions.flatMap((s) => s.interviewers.map((i) => i.name)))].join(', ')}`] : [`Candidate: ${view.candidate.name}`];
    const link = recipient.type === 'candidate' && options.linkUrl ? [`Manage your interview: ${options.linkUrl}`] : [];
    await enqueueSchedulingEmail(trx, ctx, {
      dedupeKey: `interview:${interview.id}:seq:${interview.sequence}:${key}`,
      template: options.template,
      recipient,
      subject: `${options.subject}: ${view.stage.name} – ${view.requisition.title}`,
      lines: [...(options.note ? [options.note, ''] : []), `${view.stage.name} for ${view.requisition.title}`, ...when, ...who, `Where: ${interview.location ?? 'to be confirmed'}`, ...link],
      data,
    });
  }
  // Interviewers with a connected calendar also get the same event written into it.
  await enqueueCalendarWrites(trx, ctx, { interviewId: interview.id, sequence: interview.sequence, userIds: recipients.filter((r) => r.type === 'interviewer').map((r) => r.id), data });
}
