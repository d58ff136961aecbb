import { Badge, Stack, Table, Text } from '@mantine/core';
import { useOrganizationConnections } from '../../../api/calendars';
import { PageTitle } from '../../../components/PageTitle';
import { QueryState } from '../shared';

/** Admins: every connected calendar of the organization with its owner, sync state and last error. */
export function CalendarConnectionsPage() {
  const connections = useOrganizationConnections();
  const items = connections.data?.items ?? [];
  return (
    <Stack gap="md" maw={1200}>
      <PageTitle>Calendar connections</PageTitle>
      <Text c="dimmed" size="sm">
        Calendars people connected under My calendar. A stale or failing calendar means Loopwise may not see when that person is busy.
      </Text>
      <QueryState isPending={connections.isPending} error={connections.error} isEmpty={items.length === 0} empty="Nobody has connected a calendar yet.">
        <Table.ScrollContainer minWidth={800}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col">Calendar</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Last successful sync</Table.Th>
                <Table.Th scope="col">Last error</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.user.name}
                    <Text size="xs" c="dimmed">
                      {c.user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{c.calendarName ?? c.calendarUrl}</Table.Td>
                  <Table.Td>{c.status === 'error' ? <Badge color="red">Failing</Badge> : c.stale ? <Badge color="yellow">Stale</Badge> : <Badge color="green">OK</Badge>}</Table.Td>
                  <Table.Td>{c.lastSyncedAt ? new Date(c.lastSyncedAt).toLocaleString() : 'never'}</Table.Td>
                  <Table.Td>{c.lastError ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
    </Stack>
  );
}
