import { z } from 'zod';
import { cutLabels, cutNames, metricNames, type MetricDefinition } from '../../services/metric-definitions.js';
import type { MetricResult } from '../../services/metrics.js';

const columnSchema = z.object({ key: z.string(), label: z.string(), format: z.enum(['count', 'hours', 'rate', 'ratio']) });
const valuesSchema = z.record(z.string(), z.number().nullable());

export const metricInfoSchema = z.object({
  name: z.enum(metricNames),
  title: z.string(),
  definition: z.string(),
  headline: z.string().describe('The column a chart draws'),
  columns: z.array(columnSchema),
  cuts: z.array(z.object({ key: z.enum(cutNames), label: z.string() })).describe('The groupBy values this caller may use'),
  usesPeriod: z.boolean().describe('False for snapshots of now (pipeline aging)'),
});

export const metricResultSchema = z.object({
  metric: z.enum(metricNames),
  title: z.string(),
  definition: z.string(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  asOf: z.iso.datetime(),
  groupBy: z.enum(cutNames).nullable(),
  granularity: z.enum(['day', 'week', 'month']).nullable().describe('Size of the periods when grouped by period (UTC; weeks start on Monday)'),
  columns: z.array(columnSchema),
  total: valuesSchema,
  groups: z.array(z.object({ key: z.string(), label: z.string() }).catchall(z.number().nullable())),
});

type MetricGroupBody = z.infer<typeof metricResultSchema>['groups'][number];

export function presentMetricInfo(definition: MetricDefinition): z.infer<typeof metricInfoSchema> {
  const { name, title, definition: text, headline, columns, cuts, usesPeriod } = definition;
  return { name, title, definition: text, headline, columns, cuts: cuts.map((key) => ({ key, label: cutLabels[key] })), usesPeriod };
}

export function presentMetric(result: MetricResult): z.infer<typeof metricResultSchema> {
  const { definition } = result;
  return {
    metric: definition.name,
    title: definition.title,
    definition: definition.definition,
    from: result.from.toISOString(),
    to: result.to.toISOString(),
    asOf: result.asOf.toISOString(),
    groupBy: result.groupBy,
    granularity: result.granularity,
    columns: definition.columns,
    total: result.total,
    groups: result.groups.map((g) => ({ key: g.key, label: g.label, ...g.values }) as MetricGroupBody),
  };
}

/** The same numbers as CSV: a header row of column keys, the total (key `total`), then one row per group. */
export function metricCsv(result: MetricResult): string {
  const keys = result.definition.columns.map((c) => c.key);
  const row = (key: string, label: string, values: Record<string, number | null>) => [key, label, ...keys.map((k) => values[k] ?? '')].map(csvField).join(',');
  const lines = [['key', 'label', ...keys].join(','), row('total', 'All', result.total), ...result.groups.map((g) => row(g.key, g.label, g.values))];
  return `${lines.join('\r\n')}\r\n`;
}

/** Quotes fields that need it, and defuses text a spreadsheet would run as a formula. */
function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
