import { Autocomplete, Button, Center, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { type AuditFilter, useAuditTrail } from '../../../api/admin-integrations';
import { PageTitle } from '../../../components/PageTitle';
import { dayjs } from '../format';
import { QueryState, RoleGate, STAFF } from '../shared';
import { AuditEventCard } from './AuditEventCard';
import { VerifyChain } from './VerifyChain';
import './audit.css';

const ENTITY_TYPES = [
  'api_key', 'application', 'candidate', 'client', 'interview', 'organization', 'outbox_message',
  'pool', 'requisition', 'scheduling_request', 'stage', 'user', 'webhook_endpoint',
];

const FIELDS = ['entityType', 'entityId', 'actorId', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];

export function AuditPage() {
  return (
    <RoleGate roles={STAFF}>
      <Audit />
    </RoleGate>
  );
}

/** Dates picked in the browser's zone become instants: `from` its midnight, `to` the next one. */
function toFilter(values: Record<Field, string>): AuditFilter {
  const day = (value: string, add: number) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value).add(add, 'day').toISOString() : undefined);
  return {
    entityType: values.entityType.trim() || undefined,
    entityId: values.entityId.trim() || undefined,
    actorId: values.actorId.trim() || undefined,
    from: day(values.from, 0),
    to: day(values.to, 1),
  };
}

function Audit() {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(FIELDS.map((field) => [field, params.get(field) ?? ''])) as Record<Field, string>;
  const set = (changes: Partial<Record<Field, string>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [field, value] of Object.entries(changes)) {
          if (value) next.set(field, value);
          else next.delete(field);
        }
        return next;
      },
      { replace: true },
    );
  // Debounced as text: a fresh filter object on every render would restart the timer forever.
  const [filter] = useDebouncedValue(JSON.stringify(toFilter(values)), 300);
  const trail = useAuditTrail(JSON.parse(filter) as AuditFilter);
  const events = trail.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = FIELDS.some((field) => values[field] !== '');

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <PageTitle>Audit trail</PageTitle>
          <Text size="sm" c="dimmed" maw={680}>
            Every change and every view of personal data, newest first. Each event is chained to the one before by a hash, so an edited or deleted event shows up when the chain is verified.
          </Text>
        </Stack>
        <VerifyChain />
      </Group>
      <Group align="flex-end" role="search" aria-label="Filter the audit trail">
        <Autocomplete label="Entity type" placeholder="Any" data={ENTITY_TYPES} value={values.entityType} onChange={(value) => set({ entityType: value })} w={190} />
        <TextInput label="Entity id" placeholder="Any" value={values.entityId} onChange={(e) => set({ entityId: e.currentTarget.value })} w={220} />
        <TextInput label="Actor id" placeholder="Anyone" value={values.actorId} onChange={(e) => set({ actorId: e.currentTarget.value })} w={220} />
        <TextInput type="date" label="From" value={values.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        <TextInput type="date" label="To" value={values.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        {filtered && (
          <Button variant="subtle" onClick={() => set(Object.fromEntries(FIELDS.map((field) => [field, ''])))}>
            Clear filters
          </Button>
        )}
      </Group>
      <QueryState isPending={trail.isPending} error={trail.error} isEmpty={events.length === 0} empty={filtered ? 'No events match these filters.' : 'Nothing recorded yet.'}>
        <Stack gap="sm" aria-busy={trail.isFetching}>
          {events.map((event) => (
            <AuditEventCard key={event.id} event={event} onFilter={(chosen) => set(chosen)} />
          ))}
        </Stack>
        {trail.hasNextPage && (
          <Center>
            <Button variant="default" onClick={() => void trail.fetchNextPage()} loading={trail.isFetchingNextPage}>
              Load more
            </Button>
          </Center>
        )}
      </QueryState>
    </Stack>
  );
}
