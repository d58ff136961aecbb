import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

type DataTableProps = {
  /** Visible column headers, in order. */
  columns: string[];
  /** Adds a trailing column whose header is visually hidden ("Actions"). */
  actions?: boolean;
  /** Width below which the table scrolls horizontally. */
  minWidth: number;
  /** Body rows (`Table.Tr`). */
  children: ReactNode;
};

/** Header row of `scope="col"` cells; `last`, if given, is one more trailing header. */
export function TableHead({ columns, last }: { columns: string[]; last?: ReactNode }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => (
          <Table.Th key={column} scope="col">
            {column}
          </Table.Th>
        ))}
        {last && <Table.Th scope="col">{last}</Table.Th>}
      </Table.Tr>
    </Table.Thead>
  );
}

/** Striped, scrollable list table with `scope="col"` headers. */
export function DataTable({ columns, actions = false, minWidth, children }: DataTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover>
        <TableHead columns={columns} last={actions && <VisuallyHidden>Actions</VisuallyHidden>} />
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
