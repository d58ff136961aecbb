import { Badge, Button, Group, Menu, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type Client, useClientUsers, useClients, useCreateClient, useUpdateClient } from '../../api/admin';
import { PageTitle } from '../../components/PageTitle';
import { usePagedSearch } from '../../components/usePagedSearch';
import { AdminOnly, ConfirmModal, ErrorAlert, Pager, QueryState } from './shared';
import { DataTable } from '../../components/DataTable';

type Shown = 'active' | 'archived' | 'all';

export function ClientsPage() {
  return (
    <AdminOnly>
      <Clients />
    </AdminOnly>
  );
}

function Clients() {
  const { search, setSearch, q, cursor, cursors, setCursors, reset } = usePagedSearch();
  const [shown, setShown] = useState<Shown>('active');
  const [editing, setEditing] = useState<Client | 'new' | null>(null);
  const clients = useClients({ q, archived: shown === 'all' ? undefined : shown === 'archived', cursor });

  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between">
        <PageTitle>Clients</PageTitle>
        <Button onClick={() => setEditing('new')}>Add client</Button>
      </Group>
      <Group align="flex-end">
        <TextInput label="Search" placeholder="Name or external id" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select
          label="Show"
          data={[{ value: 'active', label: 'Active clients' }, { value: 'archived', label: 'Archived clients' }, { value: 'all', label: 'All clients' }]}
          value={shown}
          allowDeselect={false}
          onChange={reset((value: string | null) => setShown((value ?? 'active') as Shown))}
        />
      </Group>
      <QueryState isPending={clients.isPending} error={clients.error} isEmpty={clients.data?.items.length === 0} empty="No clients here yet.">
        <DataTable columns={['Name', 'External id', 'Status']} minWidth={640}>
          {clients.data?.items.map((client) => <ClientRow key={client.id} client={client} onEdit={() => setEditing(client)} />)}
        </DataTable>
      </QueryState>
      <Pager cursors={cursors} nextCursor={clients.data?.nextCursor} onChange={setCursors} />
      {editing && <ClientModal client={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function ClientRow({ client, onEdit }: { client: Client; onEdit: () => void }) {
  const update = useUpdateClient();
  const [dialog, setDialog] = useState<'archive' | 'users' | null>(null);
  const close = () => {
    update.reset();
    setDialog(null);
  };

  return (
    <Table.Tr>
      <Table.Td>{client.name}</Table.Td>
      <Table.Td>{client.externalId ?? <Text span c="dimmed">—</Text>}</Table.Td>
      <Table.Td>{client.archived ? <Badge color="gray">Archived</Badge> : <Badge color="green" variant="light">Active</Badge>}</Table.Td>
      <Table.Td>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="subtle" size="xs" aria-label={`Actions for ${client.name}`}>
              Actions
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setDialog('users')}>Portal users</Menu.Item>
            <Menu.Item onClick={onEdit}>Edit</Menu.Item>
            <Menu.Item color={client.archived ? undefined : 'red'} onClick={() => setDialog('archive')}>
              {client.archived ? 'Unarchive' : 'Archive'}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <ConfirmModal
          opened={dialog === 'archive'}
          title={client.archived ? `Unarchive ${client.name}?` : `Archive ${client.name}?`}
          confirmLabel={client.archived ? 'Unarchive' : 'Archive'}
          color={client.archived ? 'indigo' : 'red'}
          pending={update.isPending}
          error={update.error}
          onClose={close}
          onConfirm={() => update.mutate({ id: client.id, changes: { archived: !client.archived } }, { onSuccess: close })}
        >
          {client.archived
            ? `${client.name} will appear in lists again and can get new portal users.`
            : `${client.name} will be hidden from active lists and cannot get new portal users. Nothing is deleted.`}
        </ConfirmModal>
        {dialog === 'users' && <ClientUsersModal client={client} onClose={close} />}
      </Table.Td>
    </Table.Tr>
  );
}

function ClientUsersModal({ client, onClose }: { client: Client; onClose: () => void }) {
  const users = useClientUsers(client.id);
  return (
    <Modal opened onClose={onClose} title={`Portal users of ${client.name}`} centered size="lg">
      <QueryState isPending={users.isPending} error={users.error} isEmpty={users.data?.items.length === 0} empty="No portal users yet. Invite one from Users with the role Client.">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Email</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data?.items.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.name}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{!user.active ? 'Deactivated' : user.invitePending ? 'Invited' : 'Active'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </QueryState>
    </Modal>
  );
}

function ClientModal({ client, onClose }: { client: Client | null; onClose: () => void }) {
  const create = useCreateClient();
  const update = useUpdateClient();
  const [name, setName] = useState(client?.name ?? '');
  const [externalId, setExternalId] = useState(client?.externalId ?? '');
  const mutation = client ? update : create;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = { name: name.trim(), externalId: externalId.trim() || null };
    if (client) update.mutate({ id: client.id, changes: values }, { onSuccess: onClose });
    else create.mutate(values, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={client ? `Edit ${client.name}` : 'Add a client'} centered>
      <form onSubmit={submit}>
        <Stack gap="md">
          <ErrorAlert error={mutation.error} />
          <TextInput label="Name" required autoFocus maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput
            label="External id"
            description="The client's id in your ATS or CRM, if any."
            maxLength={200}
            value={externalId}
            onChange={(e) => setExternalId(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={mutation.isPending}>{client ? 'Save' : 'Add client'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
