import { Stack, Text } from '@mantine/core';
import { PageTitle } from '../../../components/PageTitle';
import { Dashboards } from '../../../components/dashboards/Dashboards';
import { RoleGate, SCHEDULERS } from '../shared';

/** Where scheduling stalls: the organization's metrics (a hiring manager's: their requisitions). */
export function DashboardsPage() {
  return (
    <RoleGate roles={SCHEDULERS}>
      <Stack gap="lg">
        <Stack gap={4}>
          <PageTitle>Dashboards</PageTitle>
          <Text c="dimmed">Time to schedule, reschedules, no-shows, coordinator load and aging. Every chart links to how it is counted.</Text>
        </Stack>
        <Dashboards />
      </Stack>
    </RoleGate>
  );
}
