import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize } from '../auth/policies.js';
import { DomainError, NotFound } from '../core/errors.js';
import type { Database, Import, ImportKind } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { importKinds, type ImportRowsByKind, type KindHandler, type RowOutcome } from './import-kinds.js';
import { decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';

/** A problem the report names: the file's line number and column (null for the whole file or row). */
export interface ImportIssue {
  line: number | null;
  column: string | null;
  message: string;
}

export interface ImportReport {
  /** Data rows in the file (the header not counted). */
  rows: number;
  /** What the valid rows did (or, for a dry run or a refused import, would have done). */
  created: number;
  updated: number;
  skipped: number;
  errorCount: number;
  /** The first {@link maxReportedIssues} problems, in file order. */
  errors: ImportIssue[];
}

export interface ParsedImport<K extends ImportKind = ImportKind> {
  kind: K;
  fileName: string;
  /** Data rows in the file, including those that failed the shape checks. */
  rowCount: number;
  /** Rows that passed the shape checks, with their first line in the file. */
  rows: { line: number; input: ImportRowsByKind[K] }[];
  /** Problems found while reading the file (header, quoting, cell formats). */
  issues: ImportIssue[];
}

export interface ImportResult {
  /** The stored import; null for a dry run, which stores nothing. */
  record: Import | null;
  ok: boolean;
  report: ImportReport;
}

const maxReportedIssues = 500;

/** Thrown inside the transaction to undo a dry run or a refused import. */
class Undo extends Error {}

/** Maps a command's domain error to report issues on the row's line, in the file's column names. */
function issuesOf(error: DomainError, line: number, columnOf: Record<string, string>): ImportIssue[] {
  const details = error.details;
  if (Array.isArray(details) && details.length > 0) {
    return (details as { path: string; message: string }[]).map((issue) => ({ line, column: columnOf[issue.path] ?? issue.path, message: issue.message }));
  }
  const field = (details as { field?: string } | undefined)?.field;
  return [{ line, column: field ? (columnOf[field] ?? null) : null, message: error.message }];
}

/**
 * Runs a CSV import all-or-nothing: every valid row goes through the existing command in one
 * transaction (each in a savepoint, so one refused row does not hide the problems of the next).
 * When any row is invalid, or for a dry run, the transaction is undone and only the report is
 * returned; a refused real run is still stored, as `failed`, so its report can be read later.
 */
export async function runImport(db: Kysely<Database>, ctx: RequestContext, file: ParsedImport, options: { dryRun: boolean }): Promise<ImportResult> {
  authorize(ctx.actor, 'create', 'import', { organization_id: ctx.actor.organizationId });
  const handler = importKinds[file.kind] as KindHandler<ImportRowsByKind[ImportKind]>;
  const issues = [...file.issues];
  const counts: Record<RowOutcome, number> = { created: 0, updated: 0, skipped: 0 };
  const firstLine = new Map<string, number>();
  let record: Import | null = null;
  try {
    await db.transaction().execute(async (trx) => {
      for (const { line, input } of file.rows) {
        const key = handler.key(input);
        const earlier = firstLine.get(key);
        if (earlier !== undefined) {
          issues.push({ line, column: handler.keyColumn, message: `repeats the record of line ${earlier}: a file may name each record once` });
          continue;
        }
        firstLine.set(key, line);
        await sql`SAVEPOINT import_row`.execute(trx);
        try {
          counts[await handler.apply(trx, ctx, input)] += 1;
          await sql`RELEASE SAVEPOINT import_row`.execute(trx);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          await sql`ROLLBACK TO SAVEPOINT import_row`.execute(trx);
          issues.push(...issuesOf(error, line, handler.columnOf));
        }
      }
      if (options.dryRun || issues.length > 0) throw new Undo();
      record = await storeImport(trx, ctx, file, 'succeeded', report());
    });
  } catch (error) {
    if (!(error instanceof Undo)) throw error;
  }
  function report(): ImportReport {
    const sorted = issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { rows: file.rowCount, ...counts, errorCount: issues.length, errors: sorted.slice(0, maxReportedIssues) };
  }
  if (!options.dryRun && issues.length > 0) {
    record = await db.transaction().execute((trx) => storeImport(trx, ctx, file, 'failed', report()));
  }
  return { record, ok: issues.length === 0, report: report() };
}

async function storeImport(trx: Kysely<Database>, ctx: RequestContext, file: ParsedImport, status: Import['status'], report: ImportReport): Promise<Import> {
  const written = status === 'succeeded';
  const record = await trx
    .insertInto('imports')
    .values({
      organization_id: ctx.actor.organizationId,
      kind: file.kind,
      file_name: file.fileName,
      status,
      row_count: report.rows,
      created_count: written ? report.created : 0,
      updated_count: written ? report.updated : 0,
      skipped_count: written ? report.skipped : 0,
      report: JSON.stringify(report),
      created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      created_by_label: ctx.actor.name,
      created_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, {
    action: written ? 'import.completed' : 'import.failed',
    entityType: 'import',
    entityId: record.id,
    changes: { kind: file.kind, file_name: file.fileName, rows: report.rows, ...(written ? { created: report.created, updated: report.updated, skipped: report.skipped } : { errors: report.errorCount }) },
  });
  return record;
}

/** The organization's imports, newest first. */
export async function listImports(db: Kysely<Database>, ctx: RequestContext, page: PageRequest): Promise<Page<Import>> {
  authorize(ctx.actor, 'read', 'import', { organization_id: ctx.actor.organizationId });
  let query = db.selectFrom('imports').selectAll().where('organization_id', '=', ctx.actor.organizationId);
  if (page.cursor) {
    const after = decodeCursor(page.cursor);
    query = query.where(sql<boolean>`(imports.created_at, imports.id) < (select last.created_at, last.id from imports last where last.id = ${after.id})`);
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (row) => row.created_at.toISOString());
}

export async function getImport(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<Import> {
  const record = await db.selectFrom('imports').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).executeTakeFirst();
  if (!record) throw new NotFound('Import not found.');
  authorize(ctx.actor, 'read', 'import', record);
  return record;
}
