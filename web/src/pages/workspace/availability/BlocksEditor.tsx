import { ActionIcon, Button, Card, Group, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useAvailabilityMutation, useBlocks } from '../../../api/workspace/people';
import { dayjs, formatDateTime } from '../format';
import { ErrorAlert, QueryState } from '../shared';

/** Time off: blocked ranges, entered and shown in the person's zone. */
export function BlocksEditor({ userId, timeZone, canEdit }: { userId: string; timeZone: string; canEdit: boolean }) {
  const blocks = useBlocks(userId);
  const change = useAvailabilityMutation(userId);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const order = start && end && end <= start ? 'Ends before it starts' : undefined;
  const invalid = !start || !end || order !== undefined;
  const toIso = (local: string) => dayjs.tz(local, timeZone).toISOString();
  return (
    <Card withBorder component="section" aria-labelledby="blocks-heading">
      <Title order={2} size="h4" id="blocks-heading">
        Time off
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Blocked times, in {timeZone}. Nobody can book you then.
      </Text>
      <ErrorAlert error={change.error} />
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (invalid) return;
            change.mutate(
              { kind: 'addBlock', input: { startsAt: toIso(start), endsAt: toIso(end), reason: reason.trim() || null } },
              { onSuccess: () => { setStart(''); setEnd(''); setReason(''); } },
            );
          }}
        >
          <Group align="flex-end" mb="md">
            <TextInput type="datetime-local" label="From" required value={start} onChange={(e) => setStart(e.currentTarget.value)} />
            <TextInput type="datetime-local" label="Until" required value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={order} />
            <TextInput label="Reason (optional)" value={reason} maxLength={200} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button type="submit" variant="light" disabled={invalid} loading={change.isPending && change.variables?.kind === 'addBlock'}>
              Block time
            </Button>
          </Group>
        </form>
      )}
      <QueryState isPending={blocks.isPending} error={blocks.error} isEmpty={blocks.data?.items.length === 0} empty="No time off planned.">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">From</Table.Th>
              <Table.Th scope="col">Until</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
              {canEdit && <Table.Th scope="col">Remove</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {blocks.data?.items.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{formatDateTime(b.startsAt, timeZone)}</Table.Td>
                <Table.Td>{formatDateTime(b.endsAt, timeZone)}</Table.Td>
                <Table.Td>{b.reason ?? '—'}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove the time off from ${formatDateTime(b.startsAt, timeZone)}`} onClick={() => change.mutate({ kind: 'deleteBlock', id: b.id })}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </QueryState>
    </Card>
  );
}
