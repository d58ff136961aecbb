import type { Kysely } from 'kysely';
import { IANAZone } from 'luxon';
import type { CandidateActor, RequestContext } from '../auth/actor.js';
import { hashToken } from '../auth/tokens.js';
import { HOUR } from '../core/index.js';
import { Invalid, NotFound, RuleViolation } from '../core/errors.js';
import type { CandidateLinkPurpose, Database, StoredWindow } from '../db/schema.js';
import { interviewInvite } from '../integrations/ical.js';
import { recordAudit } from './audit.js';
import { bookRequest } from './booking.js';
import { cancelRequestWithInterview } from './interview-changes.js';
import { activeInterview, interviewParts, loadRequestView, type InterviewView, type RequestView } from './scheduling-context.js';
import { enqueueSchedulingEmail, staffRecipients } from './scheduling-notifications.js';
import { solveRequest, type OptionsResult } from './scheduling-options.js';
import { applyTransition } from './request-transitions.js';

const invalidLink = 'This link is not valid anymore: it may have expired or been replaced by a newer one. Please contact your recruiter for a new link.';
const contactRecruiter = 'This interview can no longer be changed online. Please contact your recruiter.';

export interface LinkMeta {
  ip: string | null;
  userAgent: string | null;
  now: Date;
}

export interface CandidatePage {
  view: RequestView;
  purpose: CandidateLinkPurpose;
  interview: InterviewView | null;
  organizationName: string;
  /** Fresh options the candidate may move to (only when the reschedule policy allows it). */
  rescheduleOptions: OptionsResult | null;
  rescheduleAllowed: boolean;
  /** Why the candidate cannot move the interview online (null when they can or there is nothing to move). */
  rescheduleRefusal: string | null;
  /** Why the candidate cannot cancel online (null when they can). */
  cancelRefusal: string | null;
  /** Names of the people in the offered options. */
  names: OptionsResult['people'];
}

async function openLink(db: Kysely<Database>, token: string, meta: LinkMeta): Promise<{ ctx: RequestContext; view: RequestView; purpose: CandidateLinkPurpose }> {
  const link = await db.selectFrom('candidate_links').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!link || link.revoked_at || link.expires_at <= meta.now) throw new NotFound(invalidLink);
  const view = await loadRequestView(db, link.organization_id, link.request_id);
  const actor: CandidateActor = { kind: 'candidate', id: link.id, organizationId: link.organization_id, schedulingRequestId: link.request_id, name: view.candidate.name };
  return { ctx: { actor, ip: meta.ip, userAgent: meta.userAgent, now: meta.now }, view, purpose: link.purpose };
}

function reschedulePolicy(view: RequestView, interview: { starts_at: Date }, now: Date): string | null {
  const { cutoffHours, maxByCandidate } = view.rules.reschedule;
  if (view.request.candidate_reschedules >= maxByCandidate) return `${contactRecruiter} (You have used all ${maxByCandidate} online reschedules.)`;
  if (now.getTime() > interview.starts_at.getTime() - cutoffHours * HOUR) return `${contactRecruiter} (Changes close ${cutoffHours} hours before the interview.)`;
  return null;
}

/** Candidates cancel open requests online until the interview starts; after that, their recruiter handles it. */
function cancelPolicy(view: RequestView, interview: { starts_at: Date } | null, now: Date): string | null {
  if (!['ready', 'offered', 'booked'].includes(view.request.status)) return contactRecruiter;
  if (interview && now >= interview.starts_at) return `${contactRecruiter} (The interview has already started.)`;
  return null;
}

/**
 * The booked interview as an iCalendar file for the candidate's calendar: the same UID and
 * SEQUENCE as the emailed invite, so importing it and receiving a later update give one event.
 */
export async function interviewCalendarFromLink(db: Kysely<Database>, token: string, meta: LinkMeta & { host: string }): Promise<string> {
  const { view } = await openLink(db, token, meta);
  const current = await activeInterview(db, view.request.id);
  if (!current || current.status !== 'confirmed' || view.request.status !== 'booked') throw new NotFound('There is no confirmed interview on this link to add to a calendar.');
  const { sessions } = await interviewParts(db, current);
  return interviewInvite({
    interviewId: current.id,
    sequence: current.sequence,
    method: 'REQUEST',
    title: `${view.stage.name} – ${view.requisition.title}`,
    sessions: sessions.map((session) => ({ name: session.name, start: session.starts_at, end: session.ends_at })),
    location: current.location,
    organizer: { name: 'Loopwise', email: `no-reply@${meta.host}` },
    attendees: [{ name: view.candidate.name, email: view.candidate.email }],
    host: meta.host,
    stamp: current.updated_at,
  });
}

export function validZone(tz: string | undefined): string | undefined {
  if (tz !== undefined && !IANAZone.isValidZone(tz)) throw new Invalid(`"${tz}" is not a time zone; use an IANA name like Europe/London.`, [{ path: 'querystring.tz', message: 'is not a time zone' }]);
  return tz;
}

/** What the candidate sees on their page. Viewing is recorded (it shows they opened the link). */
export async function candidatePage(db: Kysely<Database>, token: string, meta: LinkMeta): Promise<CandidatePage> {
  const { ctx, view, purpose } = await openLink(db, token, meta);
  const current = await activeInterview(db, view.request.id);
  const interview = current ? { ...view, ...(await interviewParts(db, current)) } : null;
  const org = await db.selectFrom('organizations').select('name').where('id', '=', view.request.organization_id).executeTakeFirstOrThrow();
  const rescheduleRefusal = interview !== null && view.request.status === 'booked' ? reschedulePolicy(view, interview.interview, ctx.now) : null;
  const rescheduleAllowed = interview !== null && view.request.status === 'booked' && rescheduleRefusal === null;
  const rescheduleOptions = rescheduleAllowed ? await solveRequest(db, view, { now: ctx.now, excludeInterviewId: interview.interview.id }) : null;
  const ids = [...new Set((view.request.offered_options ?? []).flatMap((o) => o.sessions.flatMap((s) => s.interviewerIds)))];
  const people = ids.length ? await db.selectFrom('users').select(['id', 'name', 'time_zone']).where('organization_id', '=', view.request.organization_id).where('id', 'in', ids).execute() : [];
  const names = new Map(people.map((p) => [p.id, { name: p.name, timeZone: p.time_zone }]));
  return { view, purpose, interview, organizationName: org.name, rescheduleOptions, rescheduleAllowed, rescheduleRefusal, cancelRefusal: cancelPolicy(view, interview?.interview ?? null, ctx.now), names };
}

/** The candidate books one of the options frozen in their offer (auto-confirmed unless the client approves). */
export async function bookFromLink(db: Kysely<Database>, token: string, optionId: string, meta: LinkMeta & { publicUrl: string }): Promise<InterviewView> {
  const { ctx, view } = await openLink(db, token, meta);
  return bookRequest(db, ctx, {
    requestId: view.request.id,
    choice: { optionId },
    offeredOnly: true,
    publicUrl: meta.publicUrl,
    authorize: (fresh) => {
      if (fresh.request.status === 'booked') throw new RuleViolation('Your interview is already booked; use reschedule to move it.');
      if (fresh.request.status !== 'offered' || !fresh.request.offered_options) throw new RuleViolation(contactRecruiter);
    },
  });
}

/** The candidate moves their interview to a fresh option, within the stage's reschedule policy. */
export async function rescheduleFromLink(db: Kysely<Database>, token: string, input: { optionId: string; reason?: string | undefined }, meta: LinkMeta & { publicUrl: string }): Promise<InterviewView> {
  const { ctx, view } = await openLink(db, token, meta);
  return bookRequest(db, ctx, {
    requestId: view.request.id,
    choice: { optionId: input.optionId },
    initiator: 'candidate',
    reason: input.reason ?? null,
    candidateReschedule: true,
    publicUrl: meta.publicUrl,
    authorize: (fresh, current) => {
      if (!current || fresh.request.status !== 'booked') throw new RuleViolation('There is no booked interview to reschedule.');
      const refused = reschedulePolicy(fresh, current.interview, ctx.now);
      if (refused) throw new RuleViolation(refused, { policy: fresh.rules.reschedule });
    },
  });
}

/**
 * "I'll be there": the candidate confirms their upcoming interview (idempotent: the first time
 * counts). Only a confirmed interview that has not started yet.
 */
export async function confirmFromLink(db: Kysely<Database>, token: string, meta: LinkMeta): Promise<void> {
  const { ctx, view } = await openLink(db, token, meta);
  await db.transaction().execute(async (trx) => {
    const current = await activeInterview(trx, view.request.id);
    if (!current || current.status !== 'confirmed' || view.request.status !== 'booked') throw new RuleViolation('There is no confirmed interview to confirm.');
    if (current.starts_at <= ctx.now) throw new RuleViolation('This interview has already started.');
    const updated = await trx
      .updateTable('interviews')
      .set({ candidate_confirmed_at: ctx.now })
      .where('id', '=', current.id)
      .where('candidate_confirmed_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return;
    await recordAudit(trx, ctx, { action: 'interview.candidate_confirmed', entityType: 'interview', entityId: current.id, changes: { candidateConfirmedAt: { from: null, to: ctx.now.toISOString() } } });
  });
}

/**
 * The candidate sends their free windows: the request goes back to the coordinator with them, or
 * the best option is booked at once when the stage says so.
 */
export async function submitAvailability(
  db: Kysely<Database>,
  token: string,
  windows: StoredWindow[],
  meta: LinkMeta & { publicUrl: string },
): Promise<{ booked: InterviewView | null; view: RequestView }> {
  const { ctx, view: opened } = await openLink(db, token, meta);
  for (const w of windows) if (Date.parse(w.end) <= Date.parse(w.start)) throw new Invalid('Each window must end after it starts.', [{ path: 'body.windows', message: 'ends before it starts' }]);
  const view = await db.transaction().execute(async (trx) => {
    const locked = await loadRequestView(trx, ctx.actor.organizationId, opened.request.id, { lock: true });
    if (locked.request.status !== 'offered') throw new RuleViolation(locked.request.status === 'booked' ? 'Your interview is already booked.' : contactRecruiter);
    const request = await applyTransition(trx, ctx, locked.request, 'availability_received', { set: { candidate_windows: JSON.stringify(windows) } });
    for (const recipient of await staffRecipients(trx, locked)) {
      await enqueueSchedulingEmail(trx, ctx, {
        dedupeKey: `request:${locked.request.id}:availability:${ctx.now.getTime()}:${recipient.id}`,
        template: 'candidate_availability_received',
        recipient,
        subject: `Availability received: ${locked.candidate.name} – ${locked.stage.name}`,
        lines: [`${locked.candidate.name} sent ${windows.length} window(s) for ${locked.stage.name} (${locked.requisition.title}). Open the request to pick a time.`],
        data: { requestId: locked.request.id, windows },
      });
    }
    await recordAudit(trx, ctx, { action: 'scheduling_request.availability_received', entityType: 'scheduling_request', entityId: locked.request.id, changes: { windows } });
    return { ...locked, request };
  });
  if (!view.rules.autoBookFromAvailability) return { booked: null, view };
  const solved = await solveRequest(db, view, { now: ctx.now });
  const best = solved.options[0];
  if (!best) return { booked: null, view };
  try {
    const booked = await bookRequest(db, ctx, { requestId: view.request.id, choice: { optionId: best.id }, publicUrl: meta.publicUrl, authorize: () => undefined });
    return { booked, view: booked };
  } catch {
    // Someone took the time meanwhile: the coordinator books from the windows instead.
    return { booked: null, view };
  }
}

/** The candidate cancels with a reason; the link stops working. */
export async function cancelFromLink(db: Kysely<Database>, token: string, reason: string, meta: LinkMeta): Promise<void> {
  const { ctx, view: opened } = await openLink(db, token, meta);
  await db.transaction().execute(async (trx) => {
    const view = await loadRequestView(trx, ctx.actor.organizationId, opened.request.id, { lock: true });
    const current = await activeInterview(trx, view.request.id);
    const refused = cancelPolicy(view, current ?? null, ctx.now);
    if (refused) throw new RuleViolation(refused);
    const interview = current ? { ...view, ...(await interviewParts(trx, current)) } : null;
    await cancelRequestWithInterview(trx, ctx, view, interview, { reason, initiator: 'candidate' });
    for (const recipient of await staffRecipients(trx, view)) {
      await enqueueSchedulingEmail(trx, ctx, {
        dedupeKey: `request:${view.request.id}:candidate_canceled:${recipient.id}`,
        template: 'candidate_canceled',
        recipient,
        subject: `Candidate canceled: ${view.candidate.name} – ${view.stage.name}`,
        lines: [`${view.candidate.name} canceled ${view.stage.name} (${view.requisition.title}).`, `Reason: ${reason}`],
        data: { requestId: view.request.id, interviewId: current?.id ?? null, reason },
      });
    }
  });
}
