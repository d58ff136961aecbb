import { Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useAvailabilityMutation, useBlocks } from '../../../api/workspace/people';
import { dayjs, formatDateTime } from '../format';
import { AvailabilityListCard, RemoveCell } from './AvailabilityListCard';

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
    <AvailabilityListCard
      headingId="blocks-heading"
      title="Time off"
      description={`Blocked times, in ${timeZone}. Nobody can book you then.`}
      error={change.error}
      canEdit={canEdit}
      form={{
        submitLabel: 'Block time',
        invalid,
        pending: change.isPending && change.variables?.kind === 'addBlock',
        onSubmit: () =>
          change.mutate(
            { kind: 'addBlock', input: { startsAt: toIso(start), endsAt: toIso(end), reason: reason.trim() || null } },
            { onSuccess: () => { setStart(''); setEnd(''); setReason(''); } },
          ),
        fields: (
          <>
            <TextInput type="datetime-local" label="From" required value={start} onChange={(e) => setStart(e.currentTarget.value)} />
            <TextInput type="datetime-local" label="Until" required value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={order} />
            <TextInput label="Reason (optional)" value={reason} maxLength={200} onChange={(e) => setReason(e.currentTarget.value)} />
          </>
        ),
      }}
      list={{ isPending: blocks.isPending, error: blocks.error, isEmpty: blocks.data?.items.length === 0 }}
      empty="No time off planned."
      columns={['From', 'Until', 'Reason']}
    >
      {blocks.data?.items.map((b) => (
        <Table.Tr key={b.id}>
          <Table.Td>{formatDateTime(b.startsAt, timeZone)}</Table.Td>
          <Table.Td>{formatDateTime(b.endsAt, timeZone)}</Table.Td>
          <Table.Td>{b.reason ?? '—'}</Table.Td>
          {canEdit && <RemoveCell label={`Remove the time off from ${formatDateTime(b.startsAt, timeZone)}`} onRemove={() => change.mutate({ kind: 'deleteBlock', id: b.id })} />}
        </Table.Tr>
      ))}
    </AvailabilityListCard>
  );
}
