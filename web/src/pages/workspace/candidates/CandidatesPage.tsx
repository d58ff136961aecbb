import { Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useCandidates } from '../../../api/workspace/candidates';
import { useRequisitions } from '../../../api/workspace/requisitions';
import { PageTitle } from '../../../components/PageTitle';
import { humanize } from '../format';
import { Pager, QueryState, RecordLink, RoleGate, SCHEDULERS } from '../shared';

export function CandidatesPage() {
  return (
    <RoleGate roles={SCHEDULERS}>
      <Candidates />
    </RoleGate>
  );
}

function Candidates() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [requisitionId, setRequisitionId] = useState<string | null>(null);
  const [cursors, setCursors] = useState<string[]>([]);
  const requisitions = useRequisitions({});
  const list = useCandidates({ q: q || undefined, requisitionId: requisitionId ?? undefined, cursor: cursors.at(-1) });
  return (
    <Stack gap="md" maw={1100}>
      <PageTitle>Candidates</PageTitle>
      <Group align="flex-end">
        <TextInput label="Search" placeholder="Name or email" value={search} onChange={(e) => { setCursors([]); setSearch(e.currentTarget.value); }} />
        <Select
          label="Requisition"
          placeholder="Any requisition"
          clearable
          value={requisitionId}
          onChange={(v) => { setCursors([]); setRequisitionId(v); }}
          data={(requisitions.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))}
        />
      </Group>
      <QueryState isPending={list.isPending} error={list.error} isEmpty={list.data?.items.length === 0} empty="No candidates match.">
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Email</Table.Th>
                <Table.Th scope="col">Time zone</Table.Th>
                <Table.Th scope="col">Source</Table.Th>
                <Table.Th scope="col">Flags</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data?.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <RecordLink to={`/candidates/${c.id}`}>{c.name}</RecordLink>
                  </Table.Td>
                  <Table.Td>{c.email}</Table.Td>
                  <Table.Td>{c.timeZone}</Table.Td>
                  <Table.Td>{c.source ? humanize(c.source) : <Text span c="dimmed" size="sm">—</Text>}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.noShowCount >= 2 && <Badge color="red" variant="light">{c.noShowCount} no-shows</Badge>}
                      {c.noShowCount === 1 && <Badge color="orange" variant="light">1 no-show</Badge>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
      <Pager cursors={cursors} nextCursor={list.data?.nextCursor} onChange={setCursors} />
    </Stack>
  );
}
