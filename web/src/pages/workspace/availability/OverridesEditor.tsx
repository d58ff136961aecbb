import { Badge, Select, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useAvailabilityMutation, useOverrides } from '../../../api/workspace/people';
import type { Override } from '../../../api/workspace/types';
import { AvailabilityListCard, RemoveCell } from './AvailabilityListCard';

const KIND_LABELS: Record<Override['kind'], string> = { day_off: 'Day off', replace: 'Different hours', extra: 'Extra hours' };

/** One-off days: a day off, replacement hours, or extra hours on a local date. */
export function OverridesEditor({ userId, timeZone, canEdit }: { userId: string; timeZone: string; canEdit: boolean }) {
  const overrides = useOverrides(userId);
  const change = useAvailabilityMutation(userId);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<Override['kind']>('day_off');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('12:00');
  const needsHours = kind !== 'day_off';
  const invalid = !date || (needsHours && (!start || !end || end <= start));
  return (
    <AvailabilityListCard
      headingId="overrides-heading"
      title="Date overrides"
      description={`Dates and hours in ${timeZone}.`}
      error={change.error}
      canEdit={canEdit}
      form={{
        submitLabel: 'Add override',
        invalid,
        pending: change.isPending && change.variables?.kind === 'addOverride',
        onSubmit: () => change.mutate({ kind: 'addOverride', input: { date, kind, ...(needsHours ? { hours: [{ start, end }] } : {}) } }, { onSuccess: () => setDate('') }),
        fields: (
          <>
            <TextInput type="date" label="Date" required value={date} onChange={(e) => setDate(e.currentTarget.value)} />
            <Select label="Kind" w={170} allowDeselect={false} value={kind} onChange={(v) => v && setKind(v as Override['kind'])} data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
            {needsHours && (
              <>
                <TextInput type="time" label="From" value={start} onChange={(e) => setStart(e.currentTarget.value)} />
                <TextInput type="time" label="Until" value={end} onChange={(e) => setEnd(e.currentTarget.value)} error={start && end && end <= start ? 'After the start' : undefined} />
              </>
            )}
          </>
        ),
      }}
      list={{ isPending: overrides.isPending, error: overrides.error, isEmpty: overrides.data?.items.length === 0 }}
      empty="No upcoming overrides."
      columns={['Date', 'Kind', 'Hours']}
    >
      {overrides.data?.items.map((o) => (
        <Table.Tr key={o.id}>
          <Table.Td>{o.date}</Table.Td>
          <Table.Td>
            <Badge variant="light" color={o.kind === 'day_off' ? 'red' : 'indigo'}>{KIND_LABELS[o.kind]}</Badge>
          </Table.Td>
          <Table.Td>{o.hours.map((h) => `${h.start}–${h.end}`).join(', ') || '—'}</Table.Td>
          {canEdit && <RemoveCell label={`Remove the override on ${o.date}`} onRemove={() => change.mutate({ kind: 'deleteOverride', id: o.id })} />}
        </Table.Tr>
      ))}
    </AvailabilityListCard>
  );
}
