import { Anchor, Badge, Code, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { AuditEvent } from '../../../api/admin-integrations';
import { browserZone, formatDateTime } from '../format';
import { type ChangeRow, changeRows, label } from './changes';

/** Where an entity has a page of its own in the workspace. */
const ENTITY_PAGES: Record<string, (id: string) => string> = {
  candidate: (id) => `/candidates/${id}`,
  requisition: (id) => `/requisitions/${id}`,
  scheduling_request: (id) => `/requests/${id}`,
};

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** One audit event: what happened, to what, by whom, when, and what changed. */
export function AuditEventCard({ event, onFilter }: { event: AuditEvent; onFilter: (filter: { entityType: string; entityId: string } | { actorId: string }) => void }) {
  const { entity, actor } = event;
  const rows = changeRows(event.changes);
  const page = entity.id ? ENTITY_PAGES[entity.type]?.(entity.id) : undefined;
  const who = actor.label ?? label(actor.type);

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`audit-${event.id}`} data-testid="audit-event">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={600} id={`audit-${event.id}`}>
                {label(event.action)}
              </Text>
              <Badge variant="light" color="gray">{label(entity.type)}</Badge>
              {entity.id && (
                <UnstyledButton onClick={() => onFilter({ entityType: entity.type, entityId: entity.id! })} aria-label={`Only events of ${label(entity.type).toLowerCase()} ${entity.id}`} title="Show only this record’s events">
                  <Code>{shortId(entity.id)}</Code>
                </UnstyledButton>
              )}
              {page && (
                <Anchor component={Link} to={page} size="sm">
                  Open
                </Anchor>
              )}
            </Group>
            <Text size="sm">
              by{' '}
              {actor.id ? (
                <Anchor component="button" type="button" size="sm" onClick={() => onFilter({ actorId: actor.id! })} title="Show only this actor’s events">
                  {who}
                </Anchor>
              ) : (
                who
              )}
              {actor.label && actor.type !== 'user' && <Text span c="dimmed" size="sm"> ({label(actor.type)})</Text>}
              {event.ip && <Text span c="dimmed" size="sm"> · {event.ip}</Text>}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end">
            <Text size="sm">{formatDateTime(event.occurredAt, browserZone())}</Text>
            <Text size="xs" c="dimmed">#{event.seq}</Text>
          </Stack>
        </Group>
        {rows.length > 0 && <ChangesTable seq={event.seq} rows={rows} />}
      </Stack>
    </Paper>
  );
}

/** Edits read as before → after; a record's first values (nothing before) as a plain list. */
function ChangesTable({ seq, rows }: { seq: number; rows: ChangeRow[] }) {
  const edits = rows.some((row) => row.before !== undefined && row.before !== '—');
  return (
    <Table withTableBorder withColumnBorders fz="sm" layout="fixed" aria-label={`Changes in event ${seq}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="22%">Field</Table.Th>
          {edits && <Table.Th scope="col">Before</Table.Th>}
          <Table.Th scope="col">{edits ? 'After' : 'Value'}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.field}>
            <Table.Td>{label(row.field)}</Table.Td>
            {edits && <Table.Td className="audit-value">{row.before ?? '—'}</Table.Td>}
            <Table.Td className="audit-value">{row.after}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
