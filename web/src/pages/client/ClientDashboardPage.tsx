import { Stack, Text } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { Dashboards } from '../../components/dashboards/Dashboards';
import { ClientOnly } from './shared';

/** Scheduling metrics of the client user's own requisitions (client-visible stages only). */
export function ClientDashboardPage() {
  return (
    <ClientOnly>
      <Stack gap="lg" maw={1200}>
        <Stack gap={4}>
          <PageTitle>Dashboard</PageTitle>
          <Text c="dimmed">How scheduling goes for your requisitions: only your company’s candidates and interviews are counted.</Text>
        </Stack>
        <Dashboards />
      </Stack>
    </ClientOnly>
  );
}
