import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { stageKinds } from '../../db/schema.js';
import { computeMetric, defaultRangeDays, listMetrics, maxRangeDays } from '../../services/metrics.js';
import { contextOf } from '../auth.js';
import { metricCsv, metricInfoSchema, metricResultSchema, presentMetric, presentMetricInfo } from '../presenters/metric.js';
import { errorResponses } from '../schemas.js';

const DAY = 86_400_000;

/** An ISO date (a whole UTC day) or an instant with offset. `to` as a date includes that day. */
const bound = (edge: 'from' | 'to') =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be an ISO date (2026-11-01) or date-time with offset' })
    .transform((value) => (value.length === 10 ? new Date(Date.parse(`${value}T00:00:00Z`) + (edge === 'to' ? DAY : 0)) : new Date(value)));

const metricQuery = z
  .object({
    from: bound('from').optional().describe(`Start of the period (default: ${defaultRangeDays} days before to)`),
    to: bound('to').optional().describe(`End of the period, exclusive; a date includes that day (default: now). At most ${maxRangeDays} days after from`),
    groupBy: z.string().max(40).optional().describe('A cut of this metric (see GET /metrics); without it only the total'),
    requisitionId: z.uuid({ error: 'must be an id' }).optional(),
    clientId: z.uuid({ error: 'must be an id' }).optional(),
    stageKind: z.enum(stageKinds).optional(),
    format: z.enum(['json', 'csv']).default('json').describe('csv answers text/csv with a header row, the total, then one row per group'),
  })
  .strict();

/** Dashboards (DESIGN §6): each metric's numbers, its definition, and the same as CSV. */
export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['metrics'],
        summary: 'The dashboard metrics with their definitions, columns and the cuts the caller may group by',
        response: { 200: z.object({ items: z.array(metricInfoSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ items: listMetrics(contextOf(request)).map(presentMetricInfo) }),
  );

  app.get(
    '/metrics/:metric',
    {
      schema: {
        tags: ['metrics'],
        summary: 'One metric for a period, in total and per group, within what the caller may see (client users: their client only)',
        params: z.object({ metric: z.string().max(60).describe('time-to-schedule, reschedule-rate, no-show-rate, coordinator-load or pipeline-aging') }),
        querystring: metricQuery,
        response: { 200: metricResultSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const result = await computeMetric(db(), contextOf(request), request.params.metric, query);
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${result.definition.name}.csv"`)
          .serializer((payload: unknown) => payload as string)
          // The JSON schema above documents the default format; CSV is plain text.
          .send(metricCsv(result) as never);
      }
      return presentMetric(result);
    },
  );
};
