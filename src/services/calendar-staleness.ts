import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { isStale } from './calendar-sync.js';

export interface StaleCalendar {
  userId: string;
  name: string;
  /** `error`: the last read failed; `old`: no good read within the threshold (or never). */
  reason: 'error' | 'old';
  lastSyncedAt: Date | null;
}

/** Of these people, those with a connected calendar whose busy times cannot be trusted right now. */
export async function staleCalendarsOf(db: Kysely<Database>, organizationId: string, userIds: readonly string[], now: Date, staleMinutes: number): Promise<StaleCalendar[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('calendar_connections as cc')
    .innerJoin('users as u', 'u.id', 'cc.user_id')
    .select(['cc.user_id', 'cc.status', 'cc.last_synced_at', 'u.name'])
    .where('cc.organization_id', '=', organizationId)
    .where('cc.user_id', 'in', [...new Set(userIds)])
    .orderBy('u.name')
    .execute();
  const stale = new Map<string, StaleCalendar>();
  for (const row of rows) {
    if (!isStale(row, now, staleMinutes) || stale.has(row.user_id)) continue;
    stale.set(row.user_id, { userId: row.user_id, name: row.name, reason: row.status === 'error' ? 'error' : 'old', lastSyncedAt: row.last_synced_at });
  }
  return [...stale.values()];
}

interface StageRequirements {
  sessions?: { requirements?: ({ kind: 'people'; personIds?: string[] } | { kind: 'pool'; poolId?: string })[] }[];
}

/**
 * Per request, the stale calendars of the people it depends on: the interviewers assigned to its
 * booked interview, or, while it is still being scheduled, everyone its stage could assign
 * (named people and pool members).
 */
export async function staleCalendarsByRequest(
  db: Kysely<Database>,
  organizationId: string,
  requestIds: readonly string[],
  now: Date,
  staleMinutes: number,
): Promise<Map<string, StaleCalendar[]>> {
  const result = new Map<string, StaleCalendar[]>();
  if (requestIds.length === 0) return result;
  const requests = await db
    .selectFrom('scheduling_requests as r')
    .innerJoin('stages as s', 's.id', 'r.stage_id')
    .select(['r.id', 'r.status', 's.rules'])
    .where('r.organization_id', '=', organizationId)
    .where('r.id', 'in', [...requestIds])
    .execute();
  const assigned = await db
    .selectFrom('interview_assignments as a')
    .innerJoin('interviews as i', 'i.id', 'a.interview_id')
    .select(['i.request_id', 'a.interviewer_id'])
    .where('i.organization_id', '=', organizationId)
    .where('i.request_id', 'in', [...requestIds])
    .where('i.status', 'in', ['confirmed', 'pending_approval'])
    .where('a.released_at', 'is', null)
    .execute();
  const poolIds = new Set<string>();
  const rulesOf = (rules: unknown) => (rules as StageRequirements).sessions?.flatMap((s) => s.requirements ?? []) ?? [];
  for (const r of requests) for (const req of rulesOf(r.rules)) if (req.kind === 'pool' && req.poolId) poolIds.add(req.poolId);
  const members = poolIds.size
    ? await db.selectFrom('pool_members').select(['pool_id', 'user_id']).where('organization_id', '=', organizationId).where('pool_id', 'in', [...poolIds]).execute()
    : [];
  const people = new Map<string, Set<string>>();
  for (const r of requests) {
    const ids = new Set<string>();
    if (r.status === 'booked') {
      for (const a of assigned) if (a.request_id === r.id) ids.add(a.interviewer_id);
    } else if (r.status === 'ready' || r.status === 'offered') {
      for (const req of rulesOf(r.rules)) {
        if (req.kind === 'people') req.personIds?.forEach((id) => ids.add(id));
        else for (const m of members) if (m.pool_id === req.poolId) ids.add(m.user_id);
      }
    }
    people.set(r.id, ids);
  }
  const stale = await staleCalendarsOf(db, organizationId, [...new Set([...people.values()].flatMap((s) => [...s]))], now, staleMinutes);
  for (const [requestId, ids] of people) result.set(requestId, stale.filter((s) => ids.has(s.userId)));
  return result;
}
