import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize } from '../auth/policies.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { NotFound } from '../core/errors.js';
import type { CalendarFeed, Database } from '../db/schema.js';
import { interviewFeed, type FeedEvent } from '../integrations/ical.js';
import { recordAudit } from './audit.js';

const userIdOf = (ctx: RequestContext): string => (ctx.actor.kind === 'user' ? ctx.actor.id : '');
const own = (ctx: RequestContext) => ({ organization_id: ctx.actor.organizationId, user_id: userIdOf(ctx) });

export const feedPath = (token: string) => `/api/v1/public/calendar-feeds/${token}.ics`;

async function activeFeed(db: Kysely<Database>, ctx: RequestContext): Promise<CalendarFeed | undefined> {
  return db.selectFrom('calendar_feeds').selectAll().where('organization_id', '=', ctx.actor.organizationId).where('user_id', '=', userIdOf(ctx)).where('revoked_at', 'is', null).executeTakeFirst();
}

/** The caller's feed, if one is on (its URL cannot be shown again: only its hash is stored). */
export async function getOwnFeed(db: Kysely<Database>, ctx: RequestContext): Promise<CalendarFeed | null> {
  authorize(ctx.actor, 'read', 'calendarFeed', own(ctx));
  return (await activeFeed(db, ctx)) ?? null;
}

/** Creates the caller's feed URL, or replaces it (the old URL stops working at once). Shown only in this answer. */
export async function createOrRotateFeed(db: Kysely<Database>, ctx: RequestContext, publicUrl: string): Promise<{ feed: CalendarFeed; url: string }> {
  authorize(ctx.actor, 'manage', 'calendarFeed', own(ctx));
  const token = newToken();
  return db.transaction().execute(async (trx) => {
    const revoked = await trx.updateTable('calendar_feeds').set({ revoked_at: ctx.now }).where('organization_id', '=', ctx.actor.organizationId).where('user_id', '=', userIdOf(ctx)).where('revoked_at', 'is', null).returning('id').execute();
    const feed = await trx
      .insertInto('calendar_feeds')
      .values({ organization_id: ctx.actor.organizationId, user_id: userIdOf(ctx), token_hash: hashToken(token), created_at: ctx.now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: revoked.length > 0 ? 'calendar_feed.rotated' : 'calendar_feed.created', entityType: 'calendar_feed', entityId: feed.id });
    return { feed, url: `${publicUrl}${feedPath(token)}` };
  });
}

/** Turns the caller's feed off (if on): its URL answers 404 from now on. */
export async function revokeFeed(db: Kysely<Database>, ctx: RequestContext): Promise<void> {
  authorize(ctx.actor, 'manage', 'calendarFeed', own(ctx));
  await db.transaction().execute(async (trx) => {
    const revoked = await trx.updateTable('calendar_feeds').set({ revoked_at: ctx.now }).where('organization_id', '=', ctx.actor.organizationId).where('user_id', '=', userIdOf(ctx)).where('revoked_at', 'is', null).returning('id').execute();
    for (const { id } of revoked) await recordAudit(trx, ctx, { action: 'calendar_feed.revoked', entityType: 'calendar_feed', entityId: id });
  });
}

/**
 * The .ics behind a feed token: the person's upcoming confirmed interviews (stage, candidate
 * name, requisition, sessions, location) and nothing internal. Unknown or revoked tokens are 404.
 */
export async function feedCalendar(db: Kysely<Database>, token: string, now: Date, host: string): Promise<string> {
  const feed = await db.selectFrom('calendar_feeds').selectAll().where('token_hash', '=', hashToken(token)).where('revoked_at', 'is', null).executeTakeFirst();
  if (!feed) throw new NotFound('Calendar feed not found.');
  await db.updateTable('calendar_feeds').set({ last_used_at: now }).where('id', '=', feed.id).execute();
  const rows = await db
    .selectFrom('interview_assignments as a')
    .innerJoin('interviews as i', 'i.id', 'a.interview_id')
    .innerJoin('interview_sessions as s', 's.id', 'a.session_id')
    .innerJoin('scheduling_requests as r', 'r.id', 'i.request_id')
    .innerJoin('stages as st', 'st.id', 'r.stage_id')
    .innerJoin('applications as ap', 'ap.id', 'r.application_id')
    .innerJoin('candidates as c', 'c.id', 'ap.candidate_id')
    .innerJoin('requisitions as rq', 'rq.id', 'st.requisition_id')
    .select(['i.id', 'i.sequence', 'i.location', 'st.name as stage', 'c.name as candidate', 'rq.title as requisition', 's.name as session', 's.starts_at', 's.ends_at'])
    .where('a.organization_id', '=', feed.organization_id)
    .where('a.interviewer_id', '=', feed.user_id)
    .where('a.released_at', 'is', null)
    .where('i.status', '=', 'confirmed')
    .where('i.ends_at', '>', now)
    .orderBy('s.starts_at')
    .execute();
  const events = new Map<string, FeedEvent>();
  for (const row of rows) {
    const event = events.get(row.id) ?? {
      interviewId: row.id,
      sequence: row.sequence,
      title: `${row.stage} – ${row.candidate}`,
      sessions: [],
      location: row.location,
      description: row.requisition,
    };
    event.sessions.push({ name: row.session, start: row.starts_at, end: row.ends_at });
    events.set(row.id, event);
  }
  return interviewFeed({ name: 'Loopwise interviews', host, stamp: now, events: [...events.values()] });
}
