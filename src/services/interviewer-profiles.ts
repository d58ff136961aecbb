import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize, can } from '../auth/policies.js';
import { Invalid, NotFound, RuleViolation } from '../core/errors.js';
import { parseRange, planWorkingHours, WEEKDAYS, type LocalRange, type WeeklyHours } from '../core/working-hours.js';
import { ZoneClock, formatDate, parseDate } from '../core/zone.js';
import type { Database, User } from '../db/schema.js';
import { changedFields, recordAudit } from './audit.js';
import { poolsOf } from './pools.js';
import { throwIssues, type FieldIssue } from './stages.js';

export interface InterviewerProfile {
  user: User;
  pools: { id: string; name: string; requiredTag: string | null }[];
}

export interface ProfileInput {
  weeklyHours: WeeklyHours;
  maxInterviewsPerDay: number | null;
  maxInterviewsPerWeek: number | null;
  /** Left out: tags stay as they are (people may edit their own hours but not their tags). */
  tags?: string[] | undefined;
}

export interface OverrideInput {
  date: string;
  kind: 'day_off' | 'replace' | 'extra';
  hours?: LocalRange[] | undefined;
}

export interface BlockInput {
  startsAt: Date;
  endsAt: Date;
  reason?: string | null | undefined;
}

const maxBlockDays = 90;
const DAY_MS = 86_400_000;

/** The person whose profile this is, if the actor may see it (client users have no profile). */
async function loadPerson(db: Kysely<Database>, ctx: RequestContext, userId: string, action: 'read' | 'update_availability', lock = false): Promise<User> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .where('organization_id', '=', ctx.actor.organizationId)
    .$if(lock, (query) => query.forUpdate())
    .executeTakeFirst();
  if (!user || user.role === 'client_user') throw new NotFound('Interviewer profile not found.');
  authorize(ctx.actor, action, 'interviewerProfile', user);
  return user;
}

export async function getProfile(db: Kysely<Database>, ctx: RequestContext, userId: string): Promise<InterviewerProfile> {
  const user = await loadPerson(db, ctx, userId, 'read');
  return { user, pools: await poolsOf(db, user.id) };
}

/**
 * Replaces the weekly hours (in the person's own zone) and limits; staff may also change tags.
 * A tag that one of the person's pools requires cannot be dropped while they are in it.
 */
export async function updateProfile(db: Kysely<Database>, ctx: RequestContext, userId: string, input: ProfileInput): Promise<InterviewerProfile> {
  checkWeeklyHours(input.weeklyHours);
  if (input.maxInterviewsPerDay && input.maxInterviewsPerWeek && input.maxInterviewsPerDay > input.maxInterviewsPerWeek) {
    throwIssues([{ path: 'body.maxInterviewsPerDay', message: 'must not exceed the weekly limit' }]);
  }
  await db.transaction().execute(async (trx) => {
    const before = await loadPerson(trx, ctx, userId, 'update_availability', true);
    const tags = input.tags === undefined ? before.tags : [...new Set(input.tags)].sort();
    if (JSON.stringify(tags) !== JSON.stringify([...before.tags].sort())) {
      authorize(ctx.actor, 'update_tags', 'interviewerProfile', before);
      const pools = await poolsOf(trx, before.id);
      const needed = pools.filter((pool) => pool.requiredTag && !tags.includes(pool.requiredTag));
      if (needed.length > 0) {
        throw new RuleViolation(`${before.name} is in ${needed.map((p) => `"${p.name}" (tag ${p.requiredTag ?? ''})`).join(', ')}: remove them from the pool before dropping the tag.`);
      }
    }
    const next = {
      working_hours: compactHours(input.weeklyHours),
      max_interviews_per_day: input.maxInterviewsPerDay,
      max_interviews_per_week: input.maxInterviewsPerWeek,
      tags,
    };
    const changes = changedFields(before, next);
    if (Object.keys(changes).length === 0) return;
    await trx
      .updateTable('users')
      .set({ ...next, working_hours: JSON.stringify(next.working_hours), updated_at: ctx.now })
      .where('id', '=', before.id)
      .execute();
    await recordAudit(trx, ctx, { action: 'interviewer_profile.updated', entityType: 'user', entityId: before.id, changes });
  });
  return getProfile(db, ctx, userId);
}

export async function listOverrides(db: Kysely<Database>, ctx: RequestContext, userId: string, range: { from?: string | undefined; to?: string | undefined }) {
  const user = await loadPerson(db, ctx, userId, 'read');
  // By default, from yesterday in the person's zone: today's override still matters.
  const from = range.from ?? formatDate(new ZoneClock(user.time_zone).localDay(ctx.now.getTime()) - 1);
  return db
    .selectFrom('availability_overrides')
    .selectAll()
    .where('user_id', '=', user.id)
    .where('date', '>=', from)
    .$if(range.to !== undefined, (query) => query.where('date', '<=', range.to ?? ''))
    .orderBy('date')
    .orderBy('created_at')
    .limit(500)
    .execute();
}

export async function addOverride(db: Kysely<Database>, ctx: RequestContext, userId: string, input: OverrideInput) {
  const hours = input.hours ?? [];
  const issues: FieldIssue[] = [];
  try {
    parseDate(input.date);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    issues.push({ path: 'body.date', message: 'must be a date (YYYY-MM-DD)' });
  }
  if (input.kind === 'day_off' && hours.length > 0) issues.push({ path: 'body.hours', message: 'must be empty for a day off' });
  if (input.kind !== 'day_off' && hours.length === 0) issues.push({ path: 'body.hours', message: 'needs at least one range' });
  issues.push(...rangeIssues(hours, 'body.hours'));
  throwIssues(issues);
  return db.transaction().execute(async (trx) => {
    const user = await loadPerson(trx, ctx, userId, 'update_availability');
    const override = await trx
      .insertInto('availability_overrides')
      .values({ organization_id: user.organization_id, user_id: user.id, date: input.date, kind: input.kind, hours: JSON.stringify(hours), created_at: ctx.now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'availability_override.created',
      entityType: 'user',
      entityId: user.id,
      changes: { override_id: override.id, date: input.date, kind: input.kind, hours },
    });
    return override;
  });
}

export async function deleteOverride(db: Kysely<Database>, ctx: RequestContext, userId: string, overrideId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await loadPerson(trx, ctx, userId, 'read');
    const override = await trx.selectFrom('availability_overrides').selectAll().where('id', '=', overrideId).where('user_id', '=', user.id).executeTakeFirst();
    if (!override) throw new NotFound('Override not found.');
    authorize(ctx.actor, 'update_availability', 'interviewerProfile', user);
    await trx.deleteFrom('availability_overrides').where('id', '=', override.id).execute();
    await recordAudit(trx, ctx, { action: 'availability_override.deleted', entityType: 'user', entityId: user.id, changes: { override_id: override.id, date: override.date, kind: override.kind } });
  });
}

export async function listBlocks(db: Kysely<Database>, ctx: RequestContext, userId: string, range: { from?: Date | undefined; to?: Date | undefined }) {
  const user = await loadPerson(db, ctx, userId, 'read');
  const from = range.from ?? new Date(ctx.now.getTime() - DAY_MS);
  return db
    .selectFrom('availability_blocks')
    .selectAll()
    .where('user_id', '=', user.id)
    .where('ends_at', '>', from)
    .$if(range.to !== undefined, (query) => query.where('starts_at', '<', range.to ?? from))
    .orderBy('starts_at')
    .limit(500)
    .execute();
}

/** Blocks time the person is not available (a dentist appointment, a conference). */
export async function addBlock(db: Kysely<Database>, ctx: RequestContext, userId: string, input: BlockInput) {
  if (input.endsAt <= input.startsAt) throwIssues([{ path: 'body.endsAt', message: 'must be after startsAt' }]);
  if (input.endsAt.getTime() - input.startsAt.getTime() > maxBlockDays * DAY_MS) {
    throwIssues([{ path: 'body.endsAt', message: `must be within ${maxBlockDays} days of startsAt` }]);
  }
  return db.transaction().execute(async (trx) => {
    const user = await loadPerson(trx, ctx, userId, 'update_availability');
    const block = await trx
      .insertInto('availability_blocks')
      .values({ organization_id: user.organization_id, user_id: user.id, starts_at: input.startsAt, ends_at: input.endsAt, reason: input.reason ?? null, created_at: ctx.now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'availability_block.created',
      entityType: 'user',
      entityId: user.id,
      changes: { block_id: block.id, starts_at: block.starts_at.toISOString(), ends_at: block.ends_at.toISOString() },
    });
    return block;
  });
}

export async function deleteBlock(db: Kysely<Database>, ctx: RequestContext, userId: string, blockId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await loadPerson(trx, ctx, userId, 'read');
    const block = await trx.selectFrom('availability_blocks').selectAll().where('id', '=', blockId).where('user_id', '=', user.id).executeTakeFirst();
    if (!block) throw new NotFound('Block not found.');
    authorize(ctx.actor, 'update_availability', 'interviewerProfile', user);
    await trx.deleteFrom('availability_blocks').where('id', '=', block.id).execute();
    await recordAudit(trx, ctx, {
      action: 'availability_block.deleted',
      entityType: 'user',
      entityId: user.id,
      changes: { block_id: block.id, starts_at: block.starts_at.toISOString(), ends_at: block.ends_at.toISOString() },
    });
  });
}

/** Whether the actor may change this person's availability: used by presenters to offer the edit. */
export function canEditAvailability(ctx: RequestContext, user: User): boolean {
  return can(ctx.actor, 'update_availability', 'interviewerProfile', user);
}

/** Each range parses (HH:mm, start before end) and does not overlap the previous one. */
function rangeIssues(ranges: readonly LocalRange[], path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const parsed: { index: number; start: number; end: number }[] = [];
  ranges.forEach((range, index) => {
    try {
      const [start, end] = parseRange(range);
      parsed.push({ index, start, end });
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      issues.push({ path: `${path}.${index}`, message: error.message });
    }
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let k = 1; k < parsed.length; k++) {
    const previous = parsed[k - 1];
    const current = parsed[k];
    if (previous && current && current.start < previous.end) issues.push({ path: `${path}.${current.index}`, message: 'overlaps another range of the same day' });
  }
  return issues;
}

function checkWeeklyHours(weekly: WeeklyHours): void {
  throwIssues(WEEKDAYS.flatMap((day) => rangeIssues(weekly[day] ?? [], `body.weeklyHours.${day}`)));
  // The core's own parse, so what is stored is exactly what the engine accepts.
  planWorkingHours(weekly);
}

/** Weekly hours with days in order, ranges sorted, empty days left out. */
function compactHours(weekly: WeeklyHours): WeeklyHours {
  const out: Partial<Record<(typeof WEEKDAYS)[number], LocalRange[]>> = {};
  for (const day of WEEKDAYS) {
    const ranges = [...(weekly[day] ?? [])].sort((a, b) => parseRange(a)[0] - parseRange(b)[0]).map(({ start, end }) => ({ start, end }));
    if (ranges.length > 0) out[day] = ranges;
  }
  return out;
}
