import type { ColumnFormat } from '../../api/metrics';

/** A metric value as people read it: hours with "h", rates as percentages, "—" for nothing counted. */
export function formatMetricValue(value: number | string | null | undefined, format: ColumnFormat): string {
  if (value === null || value === undefined || typeof value === 'string') return '—';
  switch (format) {
    case 'hours':
      return `${value} h`;
    case 'rate':
      return `${Math.round(value * 1000) / 10}%`;
    case 'ratio':
      return value.toFixed(2);
    default:
      return String(value);
  }
}

export interface Period {
  days: number;
  from: string;
  to: string;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last `days` UTC days, today included, as the API's `from` and `to` dates. */
export function lastDays(days: number, now = Date.now()): Period {
  return { days, from: isoDate(now - (days - 1) * 86_400_000), to: isoDate(now) };
}
