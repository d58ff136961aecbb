import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type Delivery, type DeliveryChannel, useDeliveries, useRetryDelivery, useWebhooks } from '../../api/admin-integrations';
import { PageTitle } from '../../components/PageTitle';
import { DeliveryStatusBadge } from './integrations/DeliveryStatusBadge';
import { AdminPage, When } from './integrations/shared';
import './integrations/integrations.css';
import { Pager, QueryState } from './shared';
import { DataTable } from '../../components/DataTable';

type Shown = 'failed' | 'pending';

const CHANNEL_LABELS: Record<DeliveryChannel, string> = { email: 'Email', webhook: 'Webhook', calendar: 'Calendar' };

export function DeliveriesPage() {
  return (
    <AdminPage>
      <Deliveries />
    </AdminPage>
  );
}

function Deliveries() {
  const [params, setParams] = useSearchParams();
  const status: Shown = params.get('status') === 'pending' ? 'pending' : 'failed';
  const [channel, setChannel] = useState<DeliveryChannel | null>(null);
  const [cursors, setCursors] = useState<string[]>([]);
  const deliveries = useDeliveries({ status, channel: channel ?? undefined, cursor: cursors.at(-1) });
  const endpoints = useWebhooks();
  const urls = new Map(endpoints.data?.items.map((endpoint) => [endpoint.id, endpoint.url]));

  return (
    <Stack gap="md" maw={1200}>
      <PageTitle>Failed deliveries</PageTitle>
      <Text size="sm" c="dimmed" maw={720}>
        Emails and webhooks that ran out of attempts. Fix the cause (a mailbox, an endpoint that is down), then retry: the delivery is queued again with a fresh set of attempts.
      </Text>
      <Group align="flex-end">
        <Select
          label="Show"
          data={[{ value: 'failed', label: 'Failed' }, { value: 'pending', label: 'Pending (still retrying)' }]}
          value={status}
          allowDeselect={false}
          onChange={(value) => { setCursors([]); setParams(value === 'pending' ? { status: value } : {}, { replace: true }); }}
        />
        <Select
          label="Channel"
          placeholder="All channels"
          clearable
          data={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))}
          value={channel}
          onChange={(value) => { setCursors([]); setChannel(value as DeliveryChannel | null); }}
        />
      </Group>
      <QueryState
        isPending={deliveries.isPending}
        error={deliveries.error}
        isEmpty={deliveries.data?.items.length === 0}
        empty={status === 'failed' ? 'No failed deliveries. Everything was delivered or is still being retried.' : 'Nothing waiting to be delivered.'}
      >
        <DataTable columns={['Channel', 'Recipient', 'Attempts', 'Last error', status === 'failed' ? 'Last try' : 'Next try']} minWidth={960}>
          {deliveries.data?.items.map((delivery) => (
            <DeliveryRow key={delivery.id} delivery={delivery} recipient={delivery.channel === 'webhook' && delivery.recipient ? urls.get(delivery.recipient) : undefined} />
          ))}
        </DataTable>
      </QueryState>
      <Pager cursors={cursors} nextCursor={deliveries.data?.nextCursor} onChange={setCursors} />
    </Stack>
  );
}

function DeliveryRow({ delivery, recipient }: { delivery: Delivery; recipient: string | undefined }) {
  const retry = useRetryDelivery();
  const to = recipient ?? delivery.recipient ?? '—';
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Text size="sm">{CHANNEL_LABELS[delivery.channel]}</Text>
          <DeliveryStatusBadge status={delivery.status} />
        </Stack>
      </Table.Td>
      <Table.Td maw={320}>
        <Text size="sm" className="wrap-anywhere">{to}</Text>
        {delivery.subject && <Text size="xs" c="dimmed">{delivery.subject}</Text>}
      </Table.Td>
      <Table.Td>{delivery.attempts}</Table.Td>
      <Table.Td maw={320}>
        <Text size="sm" className="wrap-anywhere">
          {delivery.lastStatusCode !== null && `HTTP ${delivery.lastStatusCode}${delivery.lastError ? ': ' : ''}`}
          {delivery.lastError ?? (delivery.lastStatusCode === null ? '—' : '')}
        </Text>
      </Table.Td>
      <Table.Td>
        <When at={delivery.status === 'pending' ? delivery.nextAttemptAt : delivery.lastAttemptAt} />
      </Table.Td>
      <Table.Td>
        {delivery.status === 'failed' && (
          <Button size="xs" variant="default" loading={retry.isPending} onClick={() => retry.mutate(delivery.id)} aria-label={`Retry delivery to ${to}`}>
            Retry
          </Button>
        )}
        {retry.isError && <Text size="xs" c="red.9" role="alert">{retry.error.message}</Text>}
      </Table.Td>
    </Table.Tr>
  );
}
