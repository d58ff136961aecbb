import { Center, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useMetricList } from '../../api/metrics';
import { Notice } from '../../pages/candidate/Notice';
import { lastDays } from './format';
import { MetricCard } from './MetricCard';
import './dashboards.css';

const PERIODS = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last 12 months' },
];

/**
 * The dashboards of DESIGN §6, the same for every audience: the API decides what is counted
 * (the whole organization, a hiring manager's requisitions, or one client's) and which cuts apply.
 */
export function Dashboards() {
  const [params, setParams] = useSearchParams();
  const chosen = PERIODS.some((p) => p.value === params.get('days')) ? params.get('days')! : '30';
  const period = lastDays(Number(chosen));
  const list = useMetricList();

  if (list.isPending) {
    return (
      <Center py="xl" role="status" aria-label="Loading dashboards">
        <Loader />
      </Center>
    );
  }
  if (list.error) {
    return (
      <Notice color="red" title="Could not load the dashboards" role="alert">
        {list.error.message}
      </Notice>
    );
  }
  const metrics = list.data.items;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Select
          label="Period"
          w={220}
          allowDeselect={false}
          value={chosen}
          data={PERIODS}
          onChange={(value) => setParams((current) => ({ ...Object.fromEntries(current), days: value ?? '30' }), { replace: true })}
        />
        <Text size="sm" c="dimmed">
          {period.from} to {period.to} (UTC days, today included)
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        {metrics.map((info) => (
          <MetricCard key={info.name} info={info} period={period} />
        ))}
      </SimpleGrid>
      <Stack component="section" aria-labelledby="definitions-heading" gap="xs">
        <Title order={2} size="h3" id="definitions-heading">
          Definitions
        </Title>
        <dl className="metric-definitions">
          {metrics.map((info) => (
            <div key={info.name}>
              <dt id={`definition-${info.name}`} tabIndex={-1}>
                {info.title}
              </dt>
              <dd>{info.definition}</dd>
            </div>
          ))}
        </dl>
      </Stack>
    </Stack>
  );
}
