import { Alert, Table, Text } from '@mantine/core';
import type { ImportOutcome } from '../../../api/imports';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a check or an import found: a summary line and, when rows are invalid, a table of problems. */
export function ImportReportView({ outcome, checked }: { outcome: ImportOutcome; checked: boolean }) {
  const { report } = outcome;
  const counts = `${report.created} to create, ${report.updated} to update, ${report.skipped} unchanged`;
  if (outcome.ok) {
    return (
      <Alert color="green" title={outcome.written ? 'Imported' : 'The file is ready to import'} data-testid="import-result">
        {outcome.written
          ? `${plural(report.rows, 'row')}: ${report.created} created, ${report.updated} updated, ${report.skipped} unchanged.`
          : `${plural(report.rows, 'row')} checked: ${counts}. Nothing has been written yet.`}
      </Alert>
    );
  }
  return (
    <Alert color="red" title={`${plural(report.errorCount, 'problem')} found: ${checked ? 'fix the file and check it again' : 'nothing was imported'}`} data-testid="import-result">
      <Text size="sm" mb="xs">
        Line numbers and column names are those of your file; the header is line 1.
        {report.errorCount > report.errors.length && ` The first ${report.errors.length} problems are listed.`}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table striped withTableBorder>
          <Table.Caption>Problems in the file</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Line</Table.Th>
              <Table.Th scope="col">Column</Table.Th>
              <Table.Th scope="col">Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.errors.map((issue, index) => (
              <Table.Tr key={index}>
                <Table.Td>{issue.line ?? '—'}</Table.Td>
                <Table.Td>{issue.column ?? 'whole row'}</Table.Td>
                <Table.Td>{issue.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}
