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

/** Striped, scrollable list table with `scope="col"` headers. */
export function DataTable({ columns, actions = false, minWidth, children }: DataTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
            {actions && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
