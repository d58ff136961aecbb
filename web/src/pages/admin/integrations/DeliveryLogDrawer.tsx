import { Badge, Button, Code, Drawer, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { type WebhookDelivery, type WebhookEndpoint, useWebhookDeliveries } from '../../../api/admin-integrations';
import { Workspace } from '../../workspace/shared';
import { QueryState } from '../shared';
import { DeliveryStatusBadge } from './DeliveryStatusBadge';
import { When } from './shared';

/** The endpoint's recent deliveries, newest first, each with every attempt and its response. */
export function DeliveryLogDrawer({ endpoint, onClose }: { endpoint: WebhookEndpoint | null; onClose: () => void }) {
  const deliveries = useWebhookDeliveries(endpoint?.id ?? null);
  return (
    <Drawer opened={endpoint !== null} onClose={onClose} position="right" size="xl" title={endpoint ? `Delivery log · ${endpoint.url}` : 'Delivery log'}>
      {/* The drawer renders in a portal, outside the page's contrast-safe colors. */}
      <Workspace>
      <Group justify="flex-end" mb="sm">
        <Button variant="default" size="xs" onClick={() => void deliveries.refetch()} loading={deliveries.isFetching}>
          Refresh
        </Button>
      </Group>
      <QueryState isPending={deliveries.isPending} error={deliveries.error} isEmpty={deliveries.data?.items.length === 0} empty="Nothing sent to this endpoint yet.">
        <Stack gap="sm">
          {deliveries.data?.items.map((delivery) => <DeliveryEntry key={delivery.id} delivery={delivery} />)}
        </Stack>
      </QueryState>
      </Workspace>
    </Drawer>
  );
}

function DeliveryEntry({ delivery }: { delivery: WebhookDelivery }) {
  return (
    <Paper withBorder p="sm" component="article" aria-label={`${delivery.subject ?? 'Event'} delivery`}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={600} size="sm">{delivery.subject ?? 'Event'}</Text>
          <DeliveryStatusBadge status={delivery.status} />
        </Group>
        <When at={delivery.createdAt} />
      </Group>
      {delivery.eventId && (
        <Text size="xs" c="dimmed" mb="xs">
          Event <Code>{delivery.eventId}</Code>
          {delivery.nextAttemptAt && <> · next try <When at={delivery.nextAttemptAt} /></>}
        </Text>
      )}
      {delivery.log.length === 0 ? (
        <Text size="sm" c="dimmed">Not attempted yet.</Text>
      ) : (
        <Table fz="sm" withTableBorder aria-label="Attempts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Attempted</Table.Th>
              <Table.Th scope="col">Response</Table.Th>
              <Table.Th scope="col">Duration</Table.Th>
              <Table.Th scope="col">Error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {delivery.log.map((attempt) => (
              <Table.Tr key={attempt.attemptedAt}>
                <Table.Td><When at={attempt.attemptedAt} /></Table.Td>
                <Table.Td>
                  {attempt.statusCode === null ? (
                    <Text span size="sm" c="dimmed">No response</Text>
                  ) : (
                    <Badge variant="light" color={attempt.statusCode < 300 ? 'green' : 'red'}>{attempt.statusCode}</Badge>
                  )}
                </Table.Td>
                <Table.Td>{attempt.responseMs} ms</Table.Td>
                <Table.Td>{attempt.error ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
