import type { Kysely } from 'kysely';
import type { DayOverride, ExistingInterview, Interval, Person, Pool, SolveInput, StageRules as CoreStageRules } from '../core/index.js';
import { DAY } from '../core/index.js';
import type { Database, StoredWindow } from '../db/schema.js';

/** Existing interviews this far around the window still count towards per-week limits. */
const LOAD_MARGIN = 8 * DAY;

export interface EngineInputRequest {
  organizationId: string;
  rules: CoreStageRules;
  candidate: { timeZone: string; windows?: readonly StoredWindow[] | null };
  now: Date;
  /** People whose load limits may be exceeded (a staff override). */
  overrideLimitsFor?: readonly string[];
  /** An interview being moved: its own holds do not block its new time. */
  excludeInterviewId?: string | null;
}

/** The solver's input and what a presenter needs to name and place the people in it. */
export interface EngineInput {
  input: SolveInput;
  people: Map<string, { name: string; timeZone: string }>;
}

/**
 * Loads everything the solver needs for a stage in six queries, whatever the panel size:
 * pools with members, the people (named and pool members), their overrides, blocks, busy times
 * from connected calendars, and their Loopwise interviews that still hold time (released assignments never block).
 */
export async function loadEngineInput(db: Kysely<Database>, req: EngineInputRequest): Promise<EngineInput> {
  const org = req.organizationId;
  const named = new Set<string>();
  const poolIds = new Set<string>();
  for (const session of req.rules.sessions) {
    for (const r of session.requirements) {
      if (r.kind === 'people') r.personIds.forEach((id) => named.add(id));
      else poolIds.add(r.poolId);
    }
  }
  const poolRows = poolIds.size
    ? await db
        .selectFrom('pools')
        .leftJoin('pool_members', 'pool_members.pool_id', 'pools.id')
        .select(['pools.id', 'pools.name', 'pools.required_tag', 'pool_members.user_id'])
        .where('pools.organization_id', '=', org)
        .where('pools.id', 'in', [...poolIds])
        .execute()
    : [];
  const pools = new Map<string, { id: string; name: string; requiredTag: string | null; memberIds: string[] }>();
  for (const row of poolRows) {
    const pool = pools.get(row.id) ?? { id: row.id, name: row.name, requiredTag: row.required_tag, memberIds: [] };
    if (row.user_id) pool.memberIds.push(row.user_id);
    pools.set(row.id, pool);
  }
  const ids = [...new Set([...named, ...[...pools.values()].flatMap((p) => p.memberIds)])];
  const now = req.now.getTime();
  const from = new Date(now - LOAD_MARGIN);
  const to = new Date(now + req.rules.horizonDays * DAY + LOAD_MARGIN);
  const users = ids.length
    ? await db.selectFrom('users').selectAll().where('organization_id', '=', org).where('id', 'in', ids).where('active', '=', true).execute()
    : [];
  const activeIds = users.map((u) => u.id);
  const [overrides, blocks, holds, calendarBusy] = activeIds.length
    ? await Promise.all([
        db
          .selectFrom('availability_overrides')
          .select(['user_id', 'date', 'kind', 'hours'])
          .where('organization_id', '=', org)
          .where('user_id', 'in', activeIds)
          .where('date', '>=', from.toISOString().slice(0, 10))
          .where('date', '<=', to.toISOString().slice(0, 10))
          .execute(),
        db
          .selectFrom('availability_blocks')
          .select(['user_id', 'starts_at', 'ends_at'])
          .where('organization_id', '=', org)
          .where('user_id', 'in', activeIds)
          .where('ends_at', '>', from)
          .where('starts_at', '<', to)
          .execute(),
        existingHolds(db, org, activeIds, from, to, req.excludeInterviewId ?? null),
        // Busy times read from connected calendars (never the events Loopwise itself wrote there).
        db
          .selectFrom('calendar_busy')
          .select(['user_id', 'starts_at', 'ends_at'])
          .where('organization_id', '=', org)
          .where('user_id', 'in', activeIds)
          .where('ends_at', '>', from)
          .where('starts_at', '<', to)
          .execute(),
      ])
    : [[], [], [], []];
  const byUser = <T extends { user_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row]);
    return map;
  };
  const overridesBy = byUser(overrides);
  const blocksBy = byUser(blocks);
  const holdsBy = byUser(holds);
  const busyBy = byUser(calendarBusy);
  const people: Person[] = users.map((u) => ({
    id: u.id,
    timeZone: u.time_zone,
    workingHours: u.working_hours,
    overrides: (overridesBy.get(u.id) ?? []).map(
      (o): DayOverride => (o.kind === 'day_off' ? { date: String(o.date), kind: 'day_off' } : { date: String(o.date), kind: o.kind, hours: o.hours }),
    ),
    blocks: (blocksBy.get(u.id) ?? []).map((b): Interval => ({ start: b.starts_at.getTime(), end: b.ends_at.getTime() })),
    busy: (busyBy.get(u.id) ?? []).map((b): Interval => ({ start: b.starts_at.getTime(), end: b.ends_at.getTime() })),
    existingInterviews: (holdsBy.get(u.id) ?? []).map((h): ExistingInterview => ({ start: h.starts_at.getTime(), end: h.ends_at.getTime() })),
    limits: { perDay: u.max_interviews_per_day, perWeek: u.max_interviews_per_week },
    tags: u.tags,
  }));
  const active = new Set(activeIds);
  const corePools: Pool[] = [...pools.values()].map((p) => ({ ...p, memberIds: p.memberIds.filter((id) => active.has(id)) }));
  // A requirement naming a deactivated or unknown person must still reach the engine, which
  // explains it ("not a known interviewer") instead of failing the whole request.
  for (const id of named) if (!active.has(id)) people.push(unavailablePerson(id));
  for (const poolId of poolIds) if (!pools.has(poolId)) corePools.push({ id: poolId, name: 'Unknown pool', memberIds: [] });
  const windows = req.candidate.windows?.map((w) => ({ start: Date.parse(w.start), end: Date.parse(w.end) })) ?? null;
  return {
    input: {
      now,
      stage: req.rules,
      candidate: { timeZone: req.candidate.timeZone, windows },
      people,
      pools: corePools,
      overrideLimitsFor: req.overrideLimitsFor ?? [],
    },
    people: new Map(users.map((u) => [u.id, { name: u.name, timeZone: u.time_zone }])),
  };
}

function existingHolds(db: Kysely<Database>, org: string, ids: string[], from: Date, to: Date, excludeInterviewId: string | null) {
  let query = db
    .selectFrom('interview_assignments')
    .select(['interviewer_id as user_id', 'starts_at', 'ends_at'])
    .where('organization_id', '=', org)
    .where('interviewer_id', 'in', ids)
    .where('released_at', 'is', null)
    .where('blocked_until', '>', from)
    .where('starts_at', '<', to);
  if (excludeInterviewId) query = query.where((eb) => eb.or([eb('interview_id', 'is', null), eb('interview_id', '!=', excludeInterviewId)]));
  return query.execute();
}

/** A person who can never be booked (deactivated): no working hours. */
function unavailablePerson(id: string): Person {
  return { id, timeZone: 'UTC', workingHours: {}, overrides: [], blocks: [], busy: [], existingInterviews: [], limits: { perDay: null, perWeek: null }, tags: [] };
}
