import { Anchor, Badge, Button, Code, Group, Menu, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { type EndpointWithSecret, type WebhookEndpoint, useDeleteWebhook, useRotateWebhookSecret, useWebhooks } from '../../api/admin-integrations';
import { PageTitle } from '../../components/PageTitle';
import { DeliveryLogDrawer } from './integrations/DeliveryLogDrawer';
import { SecretReveal } from './integrations/SecretReveal';
import { AdminPage, When } from './integrations/shared';
import { WebhookFormModal } from './integrations/WebhookFormModal';
import './integrations/integrations.css';
import { ConfirmModal, QueryState } from './shared';
import { DataTable } from '../../components/DataTable';

export function WebhooksPage() {
  return (
    <AdminPage>
      <Webhooks />
    </AdminPage>
  );
}

function Webhooks() {
  const endpoints = useWebhooks();
  const [editing, setEditing] = useState<WebhookEndpoint | 'new' | null>(null);
  const [logOf, setLogOf] = useState<WebhookEndpoint | null>(null);

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <PageTitle>Webhooks</PageTitle>
        <Button onClick={() => setEditing('new')}>Add endpoint</Button>
      </Group>
      <Text size="sm" c="dimmed" maw={720}>
        Loopwise POSTs each subscribed event to your endpoints as JSON, signed with the endpoint’s secret in the <Code>webhook-signature</Code> header (Standard Webhooks). Failed deliveries are retried with backoff and listed under Failed deliveries.
      </Text>
      <QueryState isPending={endpoints.isPending} error={endpoints.error} isEmpty={endpoints.data?.items.length === 0} empty="No endpoints yet. Add one to receive interview and request events.">
        <DataTable columns={['Endpoint', 'Events', 'Status', 'Created']} minWidth={860}>
          {endpoints.data?.items.map((endpoint) => (
            <EndpointRow key={endpoint.id} endpoint={endpoint} onEdit={() => setEditing(endpoint)} onShowLog={() => setLogOf(endpoint)} />
          ))}
        </DataTable>
      </QueryState>
      <WebhookFormModal opened={editing !== null} endpoint={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <DeliveryLogDrawer endpoint={logOf} onClose={() => setLogOf(null)} />
    </Stack>
  );
}

function EndpointRow({ endpoint, onEdit, onShowLog }: { endpoint: WebhookEndpoint; onEdit: () => void; onShowLog: () => void }) {
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const [dialog, setDialog] = useState<'delete' | 'rotate' | null>(null);
  const [rotated, setRotated] = useState<EndpointWithSecret | null>(null);
  const close = () => {
    remove.reset();
    rotate.reset();
    setDialog(null);
  };

  return (
    <Table.Tr>
      <Table.Td maw={360}>
        <Anchor component="button" type="button" onClick={onShowLog} ta="left" className="wrap-anywhere">
          {endpoint.url}
        </Anchor>
        {endpoint.description && <Text size="xs" c="dimmed">{endpoint.description}</Text>}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {endpoint.eventTypes.map((type) => (
            <Badge key={type} variant="light" color="indigo" tt="none">{type}</Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{endpoint.active ? <Badge color="green" variant="light">Active</Badge> : <Badge color="gray" variant="light">Inactive</Badge>}</Table.Td>
      <Table.Td><When at={endpoint.createdAt} /></Table.Td>
      <Table.Td>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="subtle" size="xs" aria-label={`Actions for ${endpoint.url}`}>
              Actions
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={onShowLog}>Delivery log</Menu.Item>
            <Menu.Item onClick={onEdit}>Edit</Menu.Item>
            <Menu.Item onClick={() => setDialog('rotate')}>Rotate secret</Menu.Item>
            <Menu.Item color="red" onClick={() => setDialog('delete')}>Delete</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <ConfirmModal
          opened={dialog === 'rotate'}
          title="Rotate the signing secret?"
          confirmLabel="Rotate secret"
          pending={rotate.isPending}
          error={rotate.error}
          onClose={close}
          onConfirm={() => rotate.mutate(endpoint.id, { onSuccess: (result) => { close(); setRotated(result); } })}
        >
          The old secret stops working at once: deliveries from now on are signed with the new one. Update your receiver right after.
        </ConfirmModal>
        <ConfirmModal
          opened={dialog === 'delete'}
          title="Delete this endpoint?"
          confirmLabel="Delete endpoint"
          pending={remove.isPending}
          error={remove.error}
          onClose={close}
          onConfirm={() => remove.mutate(endpoint.id, { onSuccess: close })}
        >
          {endpoint.url} will receive nothing more; its pending deliveries are canceled. To pause it instead, edit it and turn it off.
        </ConfirmModal>
        <Modal opened={rotated !== null} onClose={() => setRotated(null)} title="New signing secret" centered size="lg">
          {rotated && <SecretReveal label="Signing secret" secret={rotated.secret} onDone={() => setRotated(null)} />}
        </Modal>
      </Table.Td>
    </Table.Tr>
  );
}
