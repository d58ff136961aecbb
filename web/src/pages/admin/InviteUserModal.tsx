import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useClients, useInviteUser, useOrganization } from '../../api/admin';
import type { Role } from '../../api/session';
import { ErrorAlert, roleOptions, TimeZoneSelect } from './shared';

/** Invites someone by email; client users must be given their client. */
export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const organization = useOrganization();
  const clients = useClients({ archived: false });
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('interviewer');
  const [timeZone, setTimeZone] = useState<string | null>(null);
  const [clientId, setClientId] = useState<string | null>(null);

  const close = () => {
    invite.reset();
    setEmail('');
    setName('');
    setClientId(null);
    onClose();
  };

  const zone = timeZone ?? organization.data?.defaultTimeZone ?? 'UTC';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    invite.mutate(
      { email: email.trim(), name: name.trim(), role, timeZone: zone, clientId: role === 'client_user' ? clientId : null },
      { onSuccess: close },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Invite a user" centered>
      <form onSubmit={submit}>
        <Stack gap="md">
          <ErrorAlert error={invite.error} />
          <TextInput label="Email" type="email" required autoFocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <TextInput label="Name" required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select label="Role" required data={roleOptions} value={role} onChange={(value) => value && setRole(value as Role)} allowDeselect={false} />
          {role === 'client_user' && (
            <Select
              label="Client"
              description="Client users see only this client's requisitions and candidates."
              required
              data={(clients.data?.items ?? []).map((client) => ({ value: client.id, label: client.name }))}
              value={clientId}
              onChange={setClientId}
              placeholder={clients.isPending ? 'Loading clients…' : 'Choose a client'}
              nothingFoundMessage="No active clients: add one under Clients first"
              searchable
            />
          )}
          <TimeZoneSelect label="Time zone" required value={zone} onChange={setTimeZone} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invite
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
