import { Badge, Button, Group, Menu, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type DirectoryUser, useResendInvite, useUpdateUser, useUsers } from '../../api/admin';
import type { Role } from '../../api/session';
import { PageTitle } from '../../components/PageTitle';
import { usePagedSearch } from '../../components/usePagedSearch';
import { useCurrentUser } from '../../components/RequireSession';
import { ROLE_LABELS } from '../../nav';
import { InviteUserModal } from './InviteUserModal';
import { AdminOnly, ConfirmModal, ErrorAlert, Pager, QueryState, roleOptions } from './shared';
import { DataTable } from '../../components/DataTable';

type Status = 'all' | 'active' | 'deactivated';

export function UsersPage() {
  return (
    <AdminOnly>
      <Users />
    </AdminOnly>
  );
}

function Users() {
  const { search, setSearch, q, cursor, cursors, setCursors, reset: resetPages } = usePagedSearch();
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<Status>('all');
  const [inviting, setInviting] = useState(false);
  const users = useUsers({ q, role: role ?? undefined, active: status === 'all' ? undefined : status === 'active', cursor });

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <PageTitle>Users</PageTitle>
        <Button onClick={() => setInviting(true)}>Invite user</Button>
      </Group>
      <Group align="flex-end">
        <TextInput label="Search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select label="Role" placeholder="All roles" clearable data={roleOptions} value={role} onChange={resetPages((value: string | null) => setRole(value as Role | null))} />
        <Select
          label="Status"
          data={[{ value: 'all', label: 'All' }, { value: 'active', label: 'Active' }, { value: 'deactivated', label: 'Deactivated' }]}
          value={status}
          allowDeselect={false}
          onChange={resetPages((value: string | null) => setStatus((value ?? 'all') as Status))}
        />
      </Group>
      <QueryState isPending={users.isPending} error={users.error} isEmpty={users.data?.items.length === 0} empty="No users match these filters.">
        <DataTable columns={['Name', 'Email', 'Role', 'Time zone', 'Status']} minWidth={760}>
          {users.data?.items.map((user) => <UserRow key={user.id} user={user} />)}
        </DataTable>
      </QueryState>
      <Pager cursors={cursors} nextCursor={users.data?.nextCursor} onChange={setCursors} />
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
    </Stack>
  );
}

function StatusBadge({ user }: { user: DirectoryUser }) {
  if (!user.active) return <Badge color="gray">Deactivated</Badge>;
  if (user.invitePending) return <Badge color="yellow" variant="light">Invited</Badge>;
  return <Badge color="green" variant="light">Active</Badge>;
}

function UserRow({ user }: { user: DirectoryUser }) {
  const me = useCurrentUser();
  const update = useUpdateUser();
  const resend = useResendInvite();
  const [dialog, setDialog] = useState<'role' | 'active' | null>(null);
  const [role, setRole] = useState<Role>(user.role);
  const close = () => {
    update.reset();
    setDialog(null);
  };
  const self = user.id === me.id;

  return (
    <Table.Tr>
      <Table.Td>
        {user.name}
        {self && <Text span c="dimmed" size="sm"> (you)</Text>}
      </Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>{ROLE_LABELS[user.role]}</Table.Td>
      <Table.Td>{user.timeZone}</Table.Td>
      <Table.Td>
        <StatusBadge user={user} />
        {resend.isSuccess && <Text size="xs" c="green.9" role="status">Invite sent again</Text>}
        {resend.isError && <Text size="xs" c="red.9" role="alert">{resend.error.message}</Text>}
      </Table.Td>
      <Table.Td>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="subtle" size="xs" aria-label={`Actions for ${user.name}`}>
              Actions
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => { setRole(user.role); setDialog('role'); }}>Change role</Menu.Item>
            {user.active && user.invitePending && <Menu.Item onClick={() => resend.mutate(user.id)}>Resend invite</Menu.Item>}
            <Menu.Item color={user.active ? 'red' : undefined} onClick={() => setDialog('active')}>
              {user.active ? 'Deactivate' : 'Reactivate'}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Modal opened={dialog === 'role'} onClose={close} title={`Change the role of ${user.name}`} centered>
          <Stack gap="md">
            <ErrorAlert error={update.error} />
            {role === 'client_user' && user.role !== 'client_user' && (
              <Text size="sm">To make someone a client user, invite them with their client instead.</Text>
            )}
            <Select label="Role" data={roleOptions} value={role} allowDeselect={false} onChange={(value) => value && setRole(value as Role)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button
                loading={update.isPending}
                disabled={role === user.role || (role === 'client_user' && !user.clientId)}
                onClick={() => update.mutate({ id: user.id, changes: { role } }, { onSuccess: close })}
              >
                Save role
              </Button>
            </Group>
          </Stack>
        </Modal>
        <ConfirmModal
          opened={dialog === 'active'}
          title={user.active ? `Deactivate ${user.name}?` : `Reactivate ${user.name}?`}
          confirmLabel={user.active ? 'Deactivate' : 'Reactivate'}
          color={user.active ? 'red' : 'indigo'}
          pending={update.isPending}
          error={update.error}
          onClose={close}
          onConfirm={() => update.mutate({ id: user.id, changes: { active: !user.active } }, { onSuccess: close })}
        >
          {user.active
            ? `${user.name} will be signed out everywhere and can no longer sign in. Their history stays.`
            : `${user.name} will be able to sign in again with their password.`}
        </ConfirmModal>
      </Table.Td>
    </Table.Tr>
  );
}
