import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { qs } from './workspace/query';

export type MetricName = 'time-to-schedule' | 'reschedule-rate' | 'no-show-rate' | 'coordinator-load' | 'pipeline-aging';
export type ColumnFormat = 'count' | 'hours' | 'rate' | 'ratio';

export interface MetricColumn {
  key: string;
  label: string;
  format: ColumnFormat;
}

/** A metric as `GET /api/v1/metrics` describes it, with the cuts the signed-in user may use. */
export interface MetricInfo {
  name: MetricName;
  title: string;
  definition: string;
  headline: string;
  columns: MetricColumn[];
  cuts: { key: string; label: string }[];
  usesPeriod: boolean;
}

export type MetricValues = Record<string, number | null>;

export interface MetricGroup {
  key: string;
  label: string;
  [column: string]: string | number | null;
}

export interface MetricResult {
  metric: MetricName;
  title: string;
  definition: string;
  from: string;
  to: string;
  asOf: string;
  groupBy: string | null;
  granularity: 'day' | 'week' | 'month' | null;
  columns: MetricColumn[];
  total: MetricValues;
  groups: MetricGroup[];
}

/** The period as ISO dates (UTC); `to` includes that day. */
export interface MetricParams {
  from: string;
  to: string;
  groupBy?: string | undefined;
}

const keys = { all: ['metrics'] as const };

export function useMetricList() {
  return useQuery({
    queryKey: [...keys.all, 'list'],
    queryFn: ({ signal }) => api.get<{ items: MetricInfo[] }>('/api/v1/metrics', signal),
    staleTime: Infinity,
  });
}

export function metricUrl(name: MetricName, params: MetricParams, format?: 'csv'): string {
  return `/api/v1/metrics/${name}${qs({ from: params.from, to: params.to, groupBy: params.groupBy, format })}`;
}

export function useMetric(name: MetricName, params: MetricParams) {
  return useQuery({
    queryKey: [...keys.all, name, params],
    queryFn: ({ signal }) => api.get<MetricResult>(metricUrl(name, params), signal),
    placeholderData: keepPreviousData,
  });
}
