/**
 * Dashboards (DESIGN §6): one read-only query per metric, over the rows `metric-facts.ts` loads
 * within the actor's scope, summarized and grouped by the pure functions of `core/metrics.ts`.
 */
import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize, can } from '../auth/policies.js';
import { metricRequisitionScope } from '../auth/policies/metrics.js';
import { Forbidden, Invalid, NotFound } from '../core/errors.js';
import { DAY } from '../core/interval.js';
import {
  groupRows,
  leadTimeBucket,
  leadTimeBuckets,
  periodGranularity,
  periodOf,
  summarizeAging,
  summarizeCoordinatorLoad,
  summarizeNoShows,
  summarizeReschedules,
  summarizeTimeToSchedule,
  waitingParties,
  type GroupKey,
  type MetricValues,
  type PeriodGranularity,
} from '../core/metrics.js';
import { stageKinds, type Database, type StageKind } from '../db/schema.js';
import { cutLabels, internalCuts, metricDefinitions, metricNames, type CutName, type MetricDefinition, type MetricName } from './metric-definitions.js';
import {
  bookedInterviewFacts,
  outcomeFacts,
  requisitionCoordinators,
  timeToScheduleFacts,
  touchFacts,
  waitingFacts,
  type MetricFilters,
  type Period,
  type RequestFacts,
} from './metric-facts.js';

export const defaultRangeDays = 30;
export const maxRangeDays = 366;

export interface MetricQuery extends MetricFilters {
  from?: Date | undefined;
  to?: Date | undefined;
  groupBy?: string | undefined;
}

export interface MetricGroup {
  key: string;
  label: string;
  values: MetricValues;
}

export interface MetricResult {
  definition: MetricDefinition;
  from: Date;
  to: Date;
  asOf: Date;
  groupBy: CutName | null;
  /** How `period` groups are sized, when grouping by period. */
  granularity: PeriodGranularity | null;
  total: MetricValues;
  groups: MetricGroup[];
}

/** The metrics with the cuts this actor may use. */
export function listMetrics(ctx: RequestContext): MetricDefinition[] {
  authorize(ctx.actor, 'read', 'metric');
  return metricNames.map((name) => ({ ...metricDefinitions[name], cuts: allowedCuts(ctx, metricDefinitions[name]) }));
}

function allowedCuts(ctx: RequestContext, definition: MetricDefinition): CutName[] {
  return can(ctx.actor, 'internal_cuts', 'metric') ? definition.cuts : definition.cuts.filter((c) => !internalCuts.includes(c));
}

/** One metric for the period, the actor's scope and the filters, in total and per group of the cut. */
export async function computeMetric(db: Kysely<Database>, ctx: RequestContext, name: string, query: MetricQuery): Promise<MetricResult> {
  authorize(ctx.actor, 'read', 'metric');
  if (!(metricNames as readonly string[]).includes(name)) {
    throw new NotFound(`There is no metric “${name}”. Metrics: ${metricNames.join(', ')}.`);
  }
  const definition = metricDefinitions[name as MetricName];
  const period = resolvePeriod(ctx, query);
  const groupBy = resolveCut(ctx, definition, query.groupBy);
  await checkFilters(db, ctx, query);
  const filters: MetricFilters = { requisitionId: query.requisitionId, clientId: query.clientId, stageKind: query.stageKind };
  const granularity = groupBy === 'period' ? periodGranularity(period.from.getTime(), period.to.getTime()) : null;
  const computed = await compute[definition.name](db, ctx, filters, period, groupBy, granularity ?? 'week');
  return { definition, ...period, asOf: ctx.now, groupBy, granularity, ...computed };
}

function resolvePeriod(ctx: RequestContext, query: MetricQuery): Period {
  const to = query.to ?? ctx.now;
  const from = query.from ?? new Date(to.getTime() - defaultRangeDays * DAY);
  if (from >= to) throw new Invalid('from must be before to.', [{ path: 'querystring.from', message: 'must be before to' }]);
  if (to.getTime() - from.getTime() > maxRangeDays * DAY) {
    throw new Invalid(`The period may span at most ${maxRangeDays} days.`, [{ path: 'querystring.to', message: `must be at most ${maxRangeDays} days after from` }]);
  }
  return { from, to };
}

function resolveCut(ctx: RequestContext, definition: MetricDefinition, groupBy: string | undefined): CutName | null {
  if (groupBy === undefined) return null;
  if (!(definition.cuts as string[]).includes(groupBy)) {
    const message = `groupBy must be one of: ${definition.cuts.join(', ')}.`;
    throw new Invalid(`${definition.title} cannot be grouped by “${groupBy}”: ${message}`, [{ path: 'querystring.groupBy', message }]);
  }
  const cut = groupBy as CutName;
  if (!allowedCuts(ctx, definition).includes(cut)) throw new Forbidden(`${cutLabels[cut]} is internal to your agency: group by ${allowedCuts(ctx, definition).join(', ')}.`);
  return cut;
}

/** Filters may only name records the actor's metrics could count: anything else is not found. */
async function checkFilters(db: Kysely<Database>, ctx: RequestContext, query: MetricQuery): Promise<void> {
  const org = ctx.actor.organizationId;
  if (query.requisitionId) {
    const found = await db
      .selectFrom('requisitions as q')
      .select('q.id')
      .where('q.id', '=', query.requisitionId)
      .where('q.organization_id', '=', org)
      .where(metricRequisitionScope(ctx.actor))
      .executeTakeFirst();
    if (!found) throw new NotFound('Requisition not found.');
  }
  if (query.clientId) {
    const found = await db.selectFrom('clients').select('id').where('id', '=', query.clientId).where('organization_id', '=', org).executeTakeFirst();
    const own = ctx.actor.kind !== 'user' || ctx.actor.role !== 'client_user' || ctx.actor.clientId === query.clientId;
    if (!found || !own) throw new NotFound('Client not found.');
  }
}

type Computed = { total: MetricValues; groups: MetricGroup[] };
type Compute = (db: Kysely<Database>, ctx: RequestContext, filters: MetricFilters, period: Period, cut: CutName | null, granularity: PeriodGranularity) => Promise<Computed>;

function summarize<T>(rows: readonly T[], values: (rows: readonly T[]) => MetricValues, keysOf: ((row: T) => readonly GroupKey[]) | null): Computed {
  const groups = keysOf ? groupRows(rows, keysOf).map((g) => ({ key: g.key, label: g.label, values: values(g.rows) })) : [];
  return { total: values(rows), groups };
}

const stageLabels: Record<StageKind, string> = { recruiter_screen: 'Recruiter screen', hiring_manager: 'Hiring manager', panel: 'Panel', client: 'Client', other: 'Other' };
const partyLabels = { coordinator: 'Coordinator', candidate: 'Candidate', interviewers: 'Interviewers', client: 'Client' };
const person = (p: { id: string; name: string }): GroupKey => ({ key: p.id, label: p.name });

/** The cuts every row knows from its request; null for the metric-specific ones. */
function requestCut(cut: CutName | null): ((row: RequestFacts) => GroupKey[]) | null {
  switch (cut) {
    case 'stage':
      return (r) => [{ key: r.stageKind, label: stageLabels[r.stageKind], rank: stageKinds.indexOf(r.stageKind) }];
    case 'requisition':
      return (r) => [{ key: r.requisitionId, label: r.requisitionTitle }];
    case 'client':
      return (r) => [{ key: r.clientId ?? 'none', label: r.clientName ?? 'In-house' }];
    case 'source':
      return (r) => [{ key: r.source ?? 'unknown', label: r.source ?? 'Unknown' }];
    default:
      return null;
  }
}

const compute: Record<MetricName, Compute> = {
  'time-to-schedule': async (db, ctx, filters, period, cut, granularity) => {
    const rows = await timeToScheduleFacts(db, ctx, filters, period);
    const coordinators = cut === 'coordinator' ? await requisitionCoordinators(db, rows.map((r) => r.requisitionId)) : new Map<string, { id: string; name: string }[]>();
    const keysOf =
      cut === 'coordinator'
        ? (r: RequestFacts) => {
            const people = coordinators.get(r.requisitionId) ?? [];
            return people.length ? people.map(person) : [{ key: 'none', label: 'No coordinator' }];
          }
        : cut === 'period'
          ? (r: (typeof rows)[number]) => [periodOf(r.bookedAt.getTime(), granularity)]
          : requestCut(cut);
    return summarize(rows, (rs) => summarizeTimeToSchedule(rs.map((r) => ({ readyAt: r.readyAt.getTime(), bookedAt: r.bookedAt.getTime() }))), keysOf);
  },

  'reschedule-rate': async (db, ctx, filters, period, cut) => {
    const rows = await bookedInterviewFacts(db, ctx, filters, period);
    const keysOf =
      cut === 'interviewer' ? (r: (typeof rows)[number]) => r.interviewers.map(person) : cut === 'team' ? (r: (typeof rows)[number]) => r.teams.map(person) : requestCut(cut);
    return summarize(rows, summarizeReschedules, keysOf);
  },

  'no-show-rate': async (db, ctx, filters, period, cut) => {
    const rows = await outcomeFacts(db, ctx, filters, period);
    const keysOf =
      cut === 'leadTime'
        ? (r: (typeof rows)[number]) => {
            const key = leadTimeBucket(r.startsAt.getTime() - r.lastBookedAt.getTime());
            const rank = leadTimeBuckets.findIndex((b) => b.key === key);
            return [{ key, label: leadTimeBuckets[rank]!.label, rank }];
          }
        : requestCut(cut);
    return summarize(rows, summarizeNoShows, keysOf);
  },

  'coordinator-load': async (db, ctx, filters, period, cut, granularity) => {
    const [touches, bookings] = await Promise.all([touchFacts(db, ctx, filters, period), bookedInterviewFacts(db, ctx, filters, period)]);
    const touchedBy = new Map<string, Map<string, { id: string; name: string }>>();
    for (const t of touches) touchedBy.set(t.requestId, (touchedBy.get(t.requestId) ?? new Map<string, { id: string; name: string }>()).set(t.person.id, t.person));
    const rows = [
      ...touches.map((t) => ({ ...t, kind: 'touch' as const, people: [t.person] })),
      ...bookings.map((b) => ({ ...b, kind: 'booking' as const, at: b.bookedAt, people: [...(touchedBy.get(b.requestId)?.values() ?? [])] })),
    ];
    const keysOf =
      cut === 'coordinator'
        ? (r: (typeof rows)[number]) => r.people.map(person)
        : cut === 'period'
          ? (r: (typeof rows)[number]) => [periodOf(r.at.getTime(), granularity)]
          : requestCut(cut);
    return summarize(rows, summarizeCoordinatorLoad, keysOf);
  },

  'pipeline-aging': async (db, ctx, filters, _period, cut) => {
    const rows = await waitingFacts(db, ctx, filters);
    const keysOf =
      cut === 'waitingOn'
        ? (r: (typeof rows)[number]) => [{ key: r.waitingOn, label: partyLabels[r.waitingOn], rank: waitingParties.indexOf(r.waitingOn) }]
        : requestCut(cut);
    const now = ctx.now.getTime();
    return summarize(rows, (rs) => summarizeAging(rs.map((r) => ({ waitingOn: r.waitingOn, waitingSince: r.waitingSince.getTime() })), now), keysOf);
  },
};
