import { ActionIcon, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { TableHead } from '../../../components/DataTable';
import { ErrorAlert, QueryState } from '../shared';

type Props = {
  /** Id of the section heading (the card is labelled by it). */
  headingId: string;
  title: string;
  description: ReactNode;
  /** Error of the last add or remove. */
  error: Error | null;
  /** The add form, shown only to editors: its fields and submit button. */
  form: { fields: ReactNode; submitLabel: string; invalid: boolean; pending: boolean; onSubmit: () => void };
  list: { isPending: boolean; error: Error | null; isEmpty: boolean };
  empty: string;
  columns: string[];
  /** Adds the "Remove" column for editors. */
  canEdit: boolean;
  children: ReactNode;
};

/** Card section for dated availability entries: heading, add form for editors, and the list. */
export function AvailabilityListCard({ headingId, title, description, error, form, list, empty, columns, canEdit, children }: Props) {
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {description}
      </Text>
      <ErrorAlert error={error} />
      {canEdit && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!form.invalid) form.onSubmit();
          }}
        >
          <Group align="flex-end" mb="md">
            {form.fields}
            <Button type="submit" variant="light" disabled={form.invalid} loading={form.pending}>
              {form.submitLabel}
            </Button>
          </Group>
        </form>
      )}
      <QueryState isPending={list.isPending} error={list.error} isEmpty={list.isEmpty} empty={empty}>
        <Table>
          <TableHead columns={columns} last={canEdit && 'Remove'} />
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </QueryState>
    </Card>
  );
}

/** The "×" remove button cell of an entry row. */
export function RemoveCell({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <Table.Td>
      <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onRemove}>
        ×
      </ActionIcon>
    </Table.Td>
  );
}
