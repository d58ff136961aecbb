import { z } from 'zod';
import { importKinds, type Import } from '../../db/schema.js';
import type { ImportReport, ImportResult } from '../../services/imports.js';

export const importReportSchema = z.object({
  rows: z.number().int().describe('data rows in the file, without the header'),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int().describe('rows whose record already had these values'),
  errorCount: z.number().int(),
  errors: z
    .array(
      z.object({
        line: z.number().int().nullable().describe('line number in the file (the header is line 1)'),
        column: z.string().nullable().describe('column name as in the header; null for a whole row or the file'),
        message: z.string(),
      }),
    )
    .describe('the first 500 problems, in file order'),
});

export const importSchema = z.object({
  id: z.uuid(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  status: z.enum(['succeeded', 'failed']),
  rows: z.number().int(),
  created: z.number().int().describe('records written (0 when the import failed: nothing is written)'),
  updated: z.number().int(),
  skipped: z.number().int(),
  createdBy: z.object({ id: z.uuid().nullable(), name: z.string() }),
  createdAt: z.iso.datetime(),
});

export const importWithReportSchema = importSchema.extend({ report: importReportSchema });

export const dryRunSchema = z.object({
  dryRun: z.literal(true),
  ok: z.boolean().describe('true when a real import of this file would succeed now'),
  kind: z.enum(importKinds),
  fileName: z.string(),
  report: importReportSchema,
});

export function presentImport(record: Import): z.infer<typeof importSchema> {
  return {
    id: record.id,
    kind: record.kind,
    fileName: record.file_name,
    status: record.status,
    rows: record.row_count,
    created: record.created_count,
    updated: record.updated_count,
    skipped: record.skipped_count,
    createdBy: { id: record.created_by, name: record.created_by_label },
    createdAt: record.created_at.toISOString(),
  };
}

export function presentImportWithReport(record: Import): z.infer<typeof importWithReportSchema> {
  return { ...presentImport(record), report: record.report as ImportReport };
}

export function presentDryRun(result: ImportResult, kind: Import['kind'], fileName: string): z.infer<typeof dryRunSchema> {
  return { dryRun: true, ok: result.ok, kind, fileName, report: result.report };
}
