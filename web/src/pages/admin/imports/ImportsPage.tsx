import { Anchor, Badge, Button, Code, FileInput, Group, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { type ImportFile, type ImportKind, type ImportRecord, useCheckImport, useImports, useRunImport } from '../../../api/imports';
import { DataTable } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { RoleGate, STAFF } from '../../workspace/shared';
import { When } from '../integrations/shared';
import { ErrorAlert, Pager, QueryState } from '../shared';
import { ImportReportView } from './ImportReportView';
import { TEMPLATES, templateHref } from './templates';

/** CSV import for admins, recruiters and coordinators: check a file, then import it all or nothing. */
export function ImportsPage() {
  return (
    <RoleGate roles={STAFF}>
      <Stack gap="lg" maw={1100}>
        <PageTitle>Import</PageTitle>
        <ImportForm />
        <RecentImports />
      </Stack>
    </RoleGate>
  );
}

function Columns({ names }: { names: string[] }) {
  return names.map((name, index) => (
    <span key={name}>
      {index > 0 && ', '}
      <Code>{name}</Code>
    </span>
  ));
}

const KINDS = (Object.keys(TEMPLATES) as ImportKind[]).map((kind) => ({ value: kind, label: TEMPLATES[kind].label }));

function ImportForm() {
  const [kind, setKind] = useState<ImportKind>('candidates');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [checkedFile, setCheckedFile] = useState<ImportFile | null>(null);
  const check = useCheckImport();
  const run = useRunImport();
  const current: ImportFile = { kind, fileName: file?.name ?? 'pasted.csv', csv: text };
  const same = (a: ImportFile | null) => a !== null && a.kind === current.kind && a.csv === current.csv && a.fileName === current.fileName;
  // Import only what was just checked and passed: any change to the kind or the text needs a new check.
  const checkedOk = check.data?.ok === true && same(checkedFile);
  const outcome = run.data ?? (same(checkedFile) ? check.data : undefined);

  const reset = () => {
    check.reset();
    run.reset();
  };
  const pick = async (picked: File | null) => {
    setFile(picked);
    reset();
    setText(picked ? await picked.text() : '');
  };

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={760}>
        Bring candidates, requisitions or applications in from a spreadsheet or your ATS. Rows are matched by external id, so importing the same file again updates
        instead of duplicating. An import is all or nothing: if any row is invalid, nothing is written. Scripts use <Code>POST /api/v1/imports</Code> (see the API docs).
      </Text>
      <Stack gap={4}>
        <Text component="label" id="import-kind-label" size="sm" fw={500}>
          What the file contains
        </Text>
        <SegmentedControl aria-labelledby="import-kind-label" data={KINDS} value={kind} onChange={(value) => { setKind(value as ImportKind); reset(); }} w="fit-content" />
      </Stack>
      <Text size="sm">
        {TEMPLATES[kind].help} Columns: <Columns names={TEMPLATES[kind].required} /> (required), <Columns names={TEMPLATES[kind].optional} />.{' '}
        <Anchor href={templateHref(kind)} download={`loopwise-${kind}-template.csv`}>
          Download the {TEMPLATES[kind].label.toLowerCase()} template
        </Anchor>
      </Text>
      <FileInput label="CSV file" placeholder="Choose a .csv file" accept=".csv,text/csv" value={file} onChange={(picked) => void pick(picked)} clearable clearButtonProps={{ 'aria-label': 'Remove the file' }} maw={420} />
      <Textarea
        label="Or paste the file’s contents"
        description="Header line first, comma-separated."
        value={text}
        onChange={(event) => { setText(event.currentTarget.value); setFile(null); reset(); }}
        autosize
        minRows={4}
        maxRows={12}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Group>
        <Button variant="default" disabled={text.trim() === ''} loading={check.isPending} onClick={() => { run.reset(); setCheckedFile(current); check.mutate(current); }}>
          Check file
        </Button>
        <Button disabled={!checkedOk || run.isSuccess} loading={run.isPending} onClick={() => run.mutate(current)}>
          Import
        </Button>
        {!checkedOk && text.trim() !== '' && <Text size="sm" c="dimmed">Check the file first; Import is enabled when every row is valid.</Text>}
      </Group>
      <div aria-live="polite">
        <ErrorAlert error={check.error ?? run.error} />
        {outcome && <ImportReportView outcome={outcome} checked={!run.data} />}
      </div>
    </Stack>
  );
}

const STATUS = { succeeded: { label: 'Imported', color: 'green' }, failed: { label: 'Refused', color: 'red' } } as const;

function RecentImports() {
  const [cursors, setCursors] = useState<string[]>([]);
  const imports = useImports(cursors.at(-1));
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Recent imports
      </Title>
      <QueryState isPending={imports.isPending} error={imports.error} isEmpty={imports.data?.items.length === 0} empty="No imports yet.">
        <DataTable columns={['When', 'File', 'Kind', 'Result', 'Rows', 'Created', 'Updated', 'Unchanged', 'By']} minWidth={860}>
          {imports.data?.items.map((record) => <ImportRow key={record.id} record={record} />)}
        </DataTable>
      </QueryState>
      <Pager cursors={cursors} nextCursor={imports.data?.nextCursor} onChange={setCursors} />
    </Stack>
  );
}

function ImportRow({ record }: { record: ImportRecord }) {
  const status = STATUS[record.status];
  return (
    <Table.Tr>
      <Table.Td>
        <When at={record.createdAt} />
      </Table.Td>
      <Table.Td>{record.fileName}</Table.Td>
      <Table.Td>{TEMPLATES[record.kind].label}</Table.Td>
      <Table.Td>
        <Badge color={status.color} variant="light">
          {status.label}
        </Badge>
      </Table.Td>
      <Table.Td>{record.rows}</Table.Td>
      <Table.Td>{record.created}</Table.Td>
      <Table.Td>{record.updated}</Table.Td>
      <Table.Td>{record.skipped}</Table.Td>
      <Table.Td>{record.createdBy.name}</Table.Td>
    </Table.Tr>
  );
}
