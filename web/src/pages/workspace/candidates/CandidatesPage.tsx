import { Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useCandidates } from '../../../api/workspace/candidates';
import { useRequisitions } from '../../../api/workspace/requisitions';
import { PageTitle } from '../../../components/PageTitle';
import { usePagedSearch } from '../../../components/usePagedSearch';
import { humanize } from '../format';
import { Pager, QueryState, RecordLink, RoleGate, SCHEDULERS } from '../shared';
import { DataTable } from '../../../components/DataTable';

export function CandidatesPage() {
  return (
    <RoleGate roles={SCHEDULERS}>
      <Candidates />
    </RoleGate>
  );
}

function Candidates() {
  const { search, setSearch, q, cursor, cursors, setCursors, reset } = usePagedSearch();
  const [requisitionId, setRequisitionId] = useState<string | null>(null);
  const requisitions = useRequisitions({});
  const list = useCandidates({ q, requisitionId: requisitionId ?? undefined, cursor });
  return (
    <Stack gap="md" maw={1100}>
      <PageTitle>Candidates</PageTitle>
      <Group align="flex-end">
        <TextInput label="Search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select
          label="Requisition"
          placeholder="Any requisition"
          clearable
          value={requisitionId}
          onChange={reset(setRequisitionId)}
          data={(requisitions.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))}
        />
      </Group>
      <QueryState isPending={list.isPending} error={list.error} isEmpty={list.data?.items.length === 0} empty="No candidates match.">
        <DataTable columns={['Name', 'Email', 'Time zone', 'Source', 'Flags']} minWidth={760}>
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
        </DataTable>
      </QueryState>
      <Pager cursors={cursors} nextCursor={list.data?.nextCursor} onChange={setCursors} />
    </Stack>
  );
}
