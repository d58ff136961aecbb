import { Badge, Button, Code, Group, Modal, Radio, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type ApiKey, type ApiKeyScope, useApiKeys, useCreateApiKey, useRevokeApiKey } from '../../api/admin-integrations';
import { useUsers } from '../../api/admin';
import { PageTitle } from '../../components/PageTitle';
import { SecretReveal } from './integrations/SecretReveal';
import { AdminPage, When } from './integrations/shared';
import { ConfirmModal, ErrorAlert, Pager, QueryState } from './shared';
import { DataTable } from '../../components/DataTable';

const SCOPES: { value: ApiKeyScope; label: string; description: string }[] = [
  { value: 'read', label: 'Read', description: 'Reads requisitions, candidates, requests and interviews. Changes nothing.' },
  { value: 'scheduling', label: 'Scheduling', description: 'Acts as a coordinator: creates candidates and requests, offers and books times.' },
  { value: 'admin', label: 'Admin', description: 'Acts as an admin, including users, clients and integrations. Use sparingly.' },
];

const SCOPE_LABELS = Object.fromEntries(SCOPES.map((s) => [s.value, s.label])) as Record<ApiKeyScope, string>;

export function ApiKeysPage() {
  return (
    <AdminPage>
      <ApiKeys />
    </AdminPage>
  );
}

function ApiKeys() {
  const [cursors, setCursors] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const keys = useApiKeys(cursors.at(-1));
  const names = useUserNames();

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <PageTitle>API keys</PageTitle>
        <Button onClick={() => setCreating(true)}>Create API key</Button>
      </Group>
      <Text size="sm" c="dimmed" maw={720}>
        Your ATS and scripts call the API with a key in the <Code>Authorization: Bearer</Code> header. Each key acts with its scope; revoke a key as soon as it is no longer needed or may have leaked.
      </Text>
      <QueryState isPending={keys.isPending} error={keys.error} isEmpty={keys.data?.items.length === 0} empty="No API keys yet. Create one for each system that calls Loopwise.">
        <DataTable columns={['Name', 'Key', 'Scope', 'Created', 'Last used', 'Status']} minWidth={860}>
          {keys.data?.items.map((key) => <ApiKeyRow key={key.id} apiKey={key} creator={key.createdBy ? names.get(key.createdBy) : undefined} />)}
        </DataTable>
      </QueryState>
      <Pager cursors={cursors} nextCursor={keys.data?.nextCursor} onChange={setCursors} />
      <CreateApiKeyModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}

/** Names of the organization's users by id, to say who created a key (best effort: ids otherwise). */
function useUserNames(): Map<string, string> {
  const users = useUsers({});
  return new Map(users.data?.items.map((user) => [user.id, user.name]));
}

function ApiKeyRow({ apiKey, creator }: { apiKey: ApiKey; creator: string | undefined }) {
  const revoke = useRevokeApiKey();
  const [confirming, setConfirming] = useState(false);
  const close = () => {
    revoke.reset();
    setConfirming(false);
  };
  const revoked = apiKey.revokedAt !== null;

  return (
    <Table.Tr>
      <Table.Td>{apiKey.name}</Table.Td>
      <Table.Td>
        <Code>{apiKey.prefix}…</Code>
      </Table.Td>
      <Table.Td>{SCOPE_LABELS[apiKey.scope]}</Table.Td>
      <Table.Td>
        <When at={apiKey.createdAt} />
        <Text size="xs" c="dimmed">
          by {creator ?? (apiKey.createdBy ? 'a former user' : 'the system')}
        </Text>
      </Table.Td>
      <Table.Td>
        <When at={apiKey.lastUsedAt} none="Never" />
      </Table.Td>
      <Table.Td>
        {revoked ? (
          <Stack gap={2}>
            <Badge color="gray" variant="light">Revoked</Badge>
            <When at={apiKey.revokedAt} />
          </Stack>
        ) : (
          <Badge color="green" variant="light">Active</Badge>
        )}
      </Table.Td>
      <Table.Td>
        {!revoked && (
          <Button variant="subtle" color="red" size="xs" onClick={() => setConfirming(true)} aria-label={`Revoke ${apiKey.name}`}>
            Revoke
          </Button>
        )}
        <ConfirmModal
          opened={confirming}
          title={`Revoke ${apiKey.name}?`}
          confirmLabel="Revoke key"
          pending={revoke.isPending}
          error={revoke.error}
          onClose={close}
          onConfirm={() => revoke.mutate(apiKey.id, { onSuccess: close })}
        >
          Requests with this key are refused at once. This cannot be undone: the system using it will need a new key.
        </ConfirmModal>
      </Table.Td>
    </Table.Tr>
  );
}

function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiKeyScope>('read');
  const secret = create.data?.secret;
  const close = () => {
    create.reset();
    setName('');
    setScope('read');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), scope });
  };

  return (
    <Modal opened={opened} onClose={close} title={secret ? `API key “${create.data?.apiKey.name}” created` : 'Create an API key'} centered size="lg">
      {secret ? (
        <SecretReveal label="API key" secret={secret} onDone={close} />
      ) : (
        <form onSubmit={submit}>
          <Stack gap="md">
            <ErrorAlert error={create.error} />
            <TextInput label="Name" description="Which system uses it, e.g. “Greenhouse sync”." required maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
            <Radio.Group label="Scope" description="What the key may do. Pick the narrowest that works." value={scope} onChange={(value) => setScope(value as ApiKeyScope)} required>
              <Stack gap="sm" mt="xs">
                {SCOPES.map((option) => (
                  <Radio key={option.value} value={option.value} label={option.label} description={option.description} />
                ))}
              </Stack>
            </Radio.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={create.isPending} disabled={name.trim() === ''}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
