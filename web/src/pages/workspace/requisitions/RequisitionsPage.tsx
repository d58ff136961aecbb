import { Badge, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useClients } from '../../../api/admin';
import { useRequisitions } from '../../../api/workspace/requisitions';
import type { RequisitionStatus } from '../../../api/workspace/types';
import { PageTitle } from '../../../components/PageTitle';
import { usePagedSearch } from '../../../components/usePagedSearch';
import { Pager, QueryState, RecordLink, RoleGate, SCHEDULERS } from '../shared';
import { DataTable } from '../../../components/DataTable';

export const REQUISITION_STATUS: Record<RequisitionStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'green' },
  on_hold: { label: 'On hold', color: 'yellow' },
  closed: { label: 'Closed', color: 'gray' },
};

export function RequisitionsPage() {
  return (
    <RoleGate roles={SCHEDULERS}>
      <Requisitions />
    </RoleGate>
  );
}

function Requisitions() {
  const { search, setSearch, q, cursor, cursors, setCursors, reset } = usePagedSearch();
  const [status, setStatus] = useState<RequisitionStatus | null>('open');
  const [clientId, setClientId] = useState<string | null>(null);
  const clients = useClients({});
  const list = useRequisitions({ q, status: status ?? undefined, clientId: clientId ?? undefined, cursor });

  return (
    <Stack gap="md" maw={1100}>
      <PageTitle>Requisitions</PageTitle>
      <Group align="flex-end">
        <TextInput label="Search" placeholder="Title" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          value={status}
          onChange={reset((v: string | null) => setStatus(v as RequisitionStatus | null))}
          data={Object.entries(REQUISITION_STATUS).map(([value, { label }]) => ({ value, label }))}
        />
        {clients.data && (
          <Select
            label="Client"
            placeholder="Any client"
            clearable
            value={clientId}
            onChange={reset(setClientId)}
            data={clients.data.items.map((c) => ({ value: c.id, label: c.name }))}
          />
        )}
      </Group>
      <QueryState isPending={list.isPending} error={list.error} isEmpty={list.data?.items.length === 0} empty="No requisitions match these filters.">
        <DataTable columns={['Title', 'Client', 'Hiring manager', 'Recruiter', 'Status']} minWidth={760}>
          {list.data?.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <RecordLink to={`/requisitions/${r.id}`}>{r.title}</RecordLink>
                {r.externalId && <Text span size="xs" c="dimmed"> · {r.externalId}</Text>}
              </Table.Td>
              <Table.Td>{r.client?.name ?? <Text span size="sm" c="dimmed">In-house</Text>}</Table.Td>
              <Table.Td>{r.hiringManager?.name ?? '—'}</Table.Td>
              <Table.Td>{r.recruiter?.name ?? '—'}</Table.Td>
              <Table.Td>
                <Badge color={REQUISITION_STATUS[r.status].color} variant="light">
                  {REQUISITION_STATUS[r.status].label}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryState>
      <Pager cursors={cursors} nextCursor={list.data?.nextCursor} onChange={setCursors} />
    </Stack>
  );
}
