import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { ImportKind } from '../db/schema.js';
import type { ImportRowsByKind } from '../services/import-kinds.js';
import type { ImportIssue, ParsedImport } from '../services/imports.js';
import { candidateFields, externalId } from './routes/candidates.js';
import { stageKey, statuses } from './routes/requisitions.js';

/** At most this many data rows per file: one import is one transaction. */
export const maxImportRows = 1000;

const email = z.email('must be an email address').max(320).transform((value) => value.toLowerCase());

/**
 * The columns of each kind of file, each with the same checks as the API's own field (so a
 * cell is refused for the same reason a request would be). Required columns must be in the header.
 */
const kinds = {
  candidates: {
    required: ['external_id', 'name', 'email', 'time_zone'],
    schema: z
      .object({
        external_id: externalId,
        name: candidateFields.name,
        email: candidateFields.email,
        time_zone: candidateFields.timeZone,
        phone: candidateFields.phone,
        source: candidateFields.source,
      })
      .transform((row) => ({
        externalId: row.external_id,
        name: row.name,
        email: row.email,
        timeZone: row.time_zone,
        phone: row.phone ?? undefined,
        source: row.source ?? undefined,
      })),
  },
  requisitions: {
    required: ['external_id', 'title', 'hiring_manager_email', 'recruiter_email'],
    schema: z
      .object({
        external_id: externalId,
        title: z.string().trim().min(1).max(200),
        client: z.string().max(200).optional(),
        hiring_manager_email: email,
        recruiter_email: email,
        status: statuses.optional(),
      })
      .transform((row) => ({
        externalId: row.external_id,
        title: row.title,
        client: row.client,
        hiringManagerEmail: row.hiring_manager_email,
        recruiterEmail: row.recruiter_email,
        status: row.status,
      })),
  },
  applications: {
    required: ['requisition_external_id'],
    schema: z
      .object({
        candidate_external_id: externalId.optional(),
        candidate_email: email.optional(),
        requisition_external_id: externalId,
        stage: stageKey.optional(),
      })
      .refine((row) => row.candidate_external_id !== undefined || row.candidate_email !== undefined, {
        path: ['candidate_external_id'],
        message: 'or candidate_email is required',
      })
      .transform((row) => ({
        candidateExternalId: row.candidate_external_id,
        candidateEmail: row.candidate_email,
        requisitionExternalId: row.requisition_external_id,
        stage: row.stage,
      })),
  },
} as const;

const optionalColumns: { [K in ImportKind]: string[] } = {
  candidates: ['phone', 'source'],
  requisitions: ['client', 'status'],
  applications: ['candidate_external_id', 'candidate_email', 'stage'],
};

/** Every column a file of this kind may have, required ones first: the template's header. */
export function importColumns(kind: ImportKind): string[] {
  return [...kinds[kind].required, ...optionalColumns[kind]];
}

/** `" Time Zone"` → `time_zone`: headers are matched without case, spaces or dashes mattering. */
const normalize = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

interface CsvRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

function readRecords(csv: string): { records: CsvRecord[]; issue: ImportIssue | null } {
  try {
    const records = parse(csv, { bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as CsvRecord[];
    return { records, issue: null };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    return { records: [], issue: { line: line ?? null, column: null, message: `The file is not valid CSV: ${error.message}` } };
  }
}

/** The first line of a record: the line it ends on, less the line breaks inside it. */
const firstLineOf = (record: CsvRecord) => record.info.lines - (record.raw.replace(/[\r\n]+$/, '').match(/\n/g)?.length ?? 0);

/**
 * Reads a CSV file of the given kind into rows for {@link runImport}, with a report issue per
 * unreadable header, cell or row (line numbers and column names as in the file).
 */
export function parseImportFile<K extends ImportKind>(kind: K, fileName: string, csv: string): ParsedImport<K> {
  const { records, issue } = readRecords(csv);
  const empty = (issues: ImportIssue[], rowCount = 0): ParsedImport<K> => ({ kind, fileName, rowCount, rows: [], issues });
  if (issue) return empty([issue]);
  const [header, ...data] = records;
  if (!header) return empty([{ line: null, column: null, message: 'The file is empty: it needs a header line and at least one row.' }]);
  const headerLine = firstLineOf(header);
  const columns = header.record.map(normalize);
  const known = new Set(importColumns(kind));
  const headerIssues: ImportIssue[] = [];
  columns.forEach((column, index) => {
    const original = header.record[index]?.trim() ?? column;
    if (column === '') headerIssues.push({ line: headerLine, column: `column ${index + 1}`, message: 'has no name' });
    else if (!known.has(column)) headerIssues.push({ line: headerLine, column: original, message: `is not a column of a ${kind} file (columns: ${importColumns(kind).join(', ')})` });
    else if (columns.indexOf(column) !== index) headerIssues.push({ line: headerLine, column: original, message: 'appears twice in the header' });
  });
  for (const required of kinds[kind].required) {
    if (!columns.includes(required)) headerIssues.push({ line: headerLine, column: required, message: 'is missing from the header: this column is required' });
  }
  if (headerIssues.length > 0) return empty(headerIssues, data.length);
  if (data.length === 0) return empty([{ line: null, column: null, message: 'The file has a header but no rows.' }]);

  const schema = kinds[kind].schema as unknown as z.ZodType<ImportRowsByKind[K]>;
  const rows: ParsedImport<K>['rows'] = [];
  const issues: ImportIssue[] = [];
  for (const record of data) {
    const line = firstLineOf(record);
    if (record.record.length !== columns.length) {
      issues.push({ line, column: null, message: `has ${record.record.length} cells but the header has ${columns.length} columns` });
      continue;
    }
    // Blank cells are left out: optional fields keep their current value, required ones are reported.
    const cells = Object.fromEntries(columns.flatMap((column, index) => {
      const value = record.record[index]?.trim() ?? '';
      return value === '' ? [] : [[column, value]];
    }));
    const parsed = schema.safeParse(cells);
    if (parsed.success) rows.push({ line, input: parsed.data });
    else issues.push(...parsed.error.issues.map((zodIssue) => ({ line, column: String(zodIssue.path[0] ?? '') || null, message: cellMessage(zodIssue) })));
  }
  return { kind, fileName, rowCount: data.length, rows, issues };
}

/** zod's message for a missing required cell says "expected string, received undefined": say it plainly. */
function cellMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}
