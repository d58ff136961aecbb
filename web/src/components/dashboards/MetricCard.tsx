import { Anchor, Center, Group, Loader, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { type MetricGroup, type MetricInfo, type MetricName, type MetricResult, metricUrl, useMetric } from '../../api/metrics';
import { Notice } from '../../pages/candidate/Notice';
import { formatMetricValue, type Period } from './format';

const TOTAL_ONLY = 'total';

/** What each card groups by first: a cut every audience (client users too) may use. */
const DEFAULT_CUTS: Record<MetricName, string> = {
  'time-to-schedule': 'period',
  'reschedule-rate': 'stage',
  'no-show-rate': 'leadTime',
  'coordinator-load': 'period',
  'pipeline-aging': 'waitingOn',
};

/** One metric: group-by select, a bar chart of its headline number, the same numbers in a table, and CSV. */
export function MetricCard({ info, period }: { info: MetricInfo; period: Period }) {
  const preferred = DEFAULT_CUTS[info.name];
  const [cut, setCut] = useState(info.cuts.some((c) => c.key === preferred) ? preferred : TOTAL_ONLY);
  const params = { from: period.from, to: period.to, groupBy: cut === TOTAL_ONLY ? undefined : cut };
  const metric = useMetric(info.name, params);
  const headingId = `metric-${info.name}`;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid={`metric-${info.name}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h3" id={headingId}>
              {info.title}
            </Title>
            <Anchor href={`#definition-${info.name}`} size="sm">
              How {info.title.toLowerCase()} is counted
            </Anchor>
          </Stack>
          <Select
            label="Group by"
            w={200}
            allowDeselect={false}
            value={cut}
            onChange={(value) => setCut(value ?? TOTAL_ONLY)}
            data={[{ value: TOTAL_ONLY, label: 'Total only' }, ...info.cuts.map((c) => ({ value: c.key, label: c.label }))]}
          />
        </Group>
        {!info.usesPeriod && (
          <Text size="sm" c="dimmed">
            A snapshot of right now: the period does not apply.
          </Text>
        )}
        <MetricBody info={info} metric={metric} />
        <Anchor href={metricUrl(info.name, params, 'csv')} download={`${info.name}.csv`} size="sm" w="fit-content">
          Download CSV<VisuallyHidden> of {info.title.toLowerCase()}</VisuallyHidden>
        </Anchor>
      </Stack>
    </Paper>
  );
}

function MetricBody({ info, metric }: { info: MetricInfo; metric: ReturnType<typeof useMetric> }) {
  if (metric.isPending) {
    return (
      <Center py="lg" role="status" aria-label={`Loading ${info.title.toLowerCase()}`}>
        <Loader size="sm" />
      </Center>
    );
  }
  if (metric.error) {
    return (
      <Notice color="red" title={`Could not load ${info.title.toLowerCase()}`} role="alert">
        {metric.error.message}
      </Notice>
    );
  }
  const data = metric.data;
  const counted = data.total[data.columns[0]!.key] ?? 0;
  if (counted === 0) return <Text c="dimmed">Nothing to count in this period yet.</Text>;
  return (
    <>
      <Bars info={info} data={data} />
      <NumbersTable info={info} data={data} />
    </>
  );
}

/** The headline column per group (or the total), drawn as bars; the table below carries the same numbers for assistive tech. */
function Bars({ info, data }: { info: MetricInfo; data: MetricResult }) {
  const column = data.columns.find((c) => c.key === info.headline) ?? data.columns[0]!;
  const rows: MetricGroup[] = data.groupBy ? data.groups : [{ key: 'total', label: 'All', ...data.total }];
  const value = (row: MetricGroup) => (typeof row[column.key] === 'number' ? (row[column.key] as number) : 0);
  const max = Math.max(...rows.map(value), column.format === 'rate' ? 1 : 0) || 1;
  return (
    <div className="metric-bars" aria-hidden="true">
      <Text size="xs" c="dimmed">
        {column.label}
      </Text>
      {rows.map((row) => (
        <div className="metric-bar-row" key={row.key}>
          <span className="metric-bar-label">{row.label}</span>
          <span className="metric-bar-track">
            <span className="metric-bar" style={{ width: `${(value(row) / max) * 100}%` }} />
          </span>
          <span className="metric-bar-value">{formatMetricValue(row[column.key], column.format)}</span>
        </div>
      ))}
    </div>
  );
}

function NumbersTable({ info, data }: { info: MetricInfo; data: MetricResult }) {
  const cutLabel = info.cuts.find((c) => c.key === data.groupBy)?.label ?? 'Group';
  const rows: MetricGroup[] = [{ key: 'total', label: 'All', ...data.total }, ...data.groups];
  return (
    // Focusable so keyboard users can scroll a wide table on a narrow screen.
    <div className="metric-table-scroll" tabIndex={0} role="region" aria-label={`${info.title} numbers`}>
      <Table withTableBorder fz="sm" miw={480} data-testid="metric-table">
        <Table.Caption>{info.title}: the numbers behind the chart</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{data.groupBy ? cutLabel : <VisuallyHidden>Group</VisuallyHidden>}</Table.Th>
            {data.columns.map((c) => (
              <Table.Th scope="col" key={c.key} ta="right">
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} fw={row.key === 'total' && data.groupBy ? 600 : undefined}>
              <Table.Th scope="row" fw="inherit">
                {row.label}
              </Table.Th>
              {data.columns.map((c) => (
                <Table.Td key={c.key} ta="right">
                  {formatMetricValue(row[c.key], c.format)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
