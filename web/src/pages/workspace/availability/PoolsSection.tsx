import { ActionIcon, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { usePeople, usePoolMutation, usePools } from '../../../api/workspace/people';
import type { Pool } from '../../../api/workspace/types';
import { useCurrentUser } from '../../../components/RequireSession';
import { ErrorAlert, QueryState } from '../shared';

/** Pools, their members and tags; admins add and remove members and create pools. */
export function PoolsSection() {
  const admin = useCurrentUser().role === 'admin';
  const pools = usePools();
  const change = usePoolMutation();
  const [name, setName] = useState('');
  const [tag, setTag] = useState('');
  return (
    <Stack gap="sm" component="section" aria-labelledby="pools-heading">
      <Title order={2} size="h3" id="pools-heading">
        Pools
      </Title>
      <ErrorAlert error={change.error} />
      <QueryState isPending={pools.isPending} error={pools.error} isEmpty={pools.data?.items.length === 0} empty="No pools yet.">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {pools.data?.items.map((pool) => <PoolCard key={pool.id} pool={pool} admin={admin} />)}
        </SimpleGrid>
      </QueryState>
      {admin && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) change.mutate({ kind: 'create', name: name.trim(), requiredTag: tag.trim() || null }, { onSuccess: () => { setName(''); setTag(''); } });
          }}
        >
          <Group align="flex-end">
            <TextInput label="New pool" placeholder="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <TextInput label="Required tag" placeholder="optional" value={tag} onChange={(e) => setTag(e.currentTarget.value)} />
            <Button type="submit" variant="light" disabled={!name.trim()} loading={change.isPending && change.variables?.kind === 'create'}>
              Create pool
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

function PoolCard({ pool, admin }: { pool: Pool; admin: boolean }) {
  const change = usePoolMutation();
  const people = usePeople(undefined, admin);
  const [adding, setAdding] = useState<string | null>(null);
  const memberIds = new Set(pool.members.map((m) => m.id));
  const candidates = (people.data?.items ?? []).filter((p) => (p.role === 'interviewer' || p.role === 'hiring_manager') && !memberIds.has(p.id));
  return (
    <Card withBorder component="article" aria-label={`Pool ${pool.name}`}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{pool.name}</Text>
        {pool.requiredTag ? <Badge variant="light">needs tag: {pool.requiredTag}</Badge> : <Badge variant="light" color="gray">any tag</Badge>}
      </Group>
      <ErrorAlert error={change.error} />
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {pool.members.length === 0 && <Text size="sm" c="dimmed">No members.</Text>}
        {pool.members.map((m) => (
          <Group key={m.id} component="li" justify="space-between" wrap="nowrap">
            <Text size="sm" c={m.active ? undefined : 'dimmed'}>
              {m.name}
              {!m.active && ' (inactive)'}
            </Text>
            <Group gap={4} wrap="nowrap">
              {m.tags.map((t) => (
                <Badge key={t} size="sm" variant="outline" color="gray">
                  {t}
                </Badge>
              ))}
              {admin && (
                <ActionIcon variant="subtle" color="red" size="sm" aria-label={`Remove ${m.name} from ${pool.name}`} onClick={() => change.mutate({ kind: 'remove', poolId: pool.id, userId: m.id })}>
                  ×
                </ActionIcon>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
      {admin && (
        <Group align="flex-end" mt="sm" gap="xs">
          <Select aria-label={`Add a member to ${pool.name}`} placeholder="Add a member" size="xs" searchable value={adding} onChange={setAdding} data={candidates.map((p) => ({ value: p.id, label: p.name }))} />
          <Button size="xs" variant="light" disabled={!adding} loading={change.isPending} onClick={() => adding && change.mutate({ kind: 'add', poolId: pool.id, userId: adding }, { onSuccess: () => setAdding(null) })}>
            Add
          </Button>
        </Group>
      )}
    </Card>
  );
}
