import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Invalid, RuleViolation } from '../../core/errors.js';
import { importKinds } from '../../db/schema.js';
import { getImport, listImports, runImport } from '../../services/imports.js';
import { contextOf } from '../auth.js';
import { registerIdempotency } from '../idempotency.js';
import { maxImportRows, parseImportFile } from '../imports-csv.js';
import { dryRunSchema, importSchema, importWithReportSchema, presentDryRun, presentImport, presentImportWithReport } from '../presenters/import.js';
import { errorResponses, idParams, pageQuery } from '../schemas.js';

/** The CSV text itself; the JSON around it (escaped quotes and line breaks) gets some room. */
const maxCsvChars = 1024 * 1024;

const importBody = z
  .object({
    kind: z.enum(importKinds).describe('what each row is: candidates, requisitions or applications'),
    fileName: z.string().trim().min(1).max(200).default('import.csv'),
    csv: z.string().min(1).max(maxCsvChars).describe(`the file’s text (UTF-8, comma-separated, header line first; at most 1 MiB and ${maxImportRows} rows)`),
    dryRun: z.boolean().default(false).describe('check every row and report, writing nothing'),
  })
  .strict();

const tags = ['imports'];

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  registerIdempotency(app);

  app.post(
    '/imports',
    {
      bodyLimit: 3 * maxCsvChars,
      schema: {
        tags,
        summary: 'Import a CSV file of candidates, requisitions or applications, all or nothing (admins, recruiters, coordinators)',
        description:
          'Rows upsert by external id through the same checks as the API. With `dryRun` the report comes back and nothing is written. ' +
          'Otherwise, when any row is invalid nothing is written and the answer is 422 with the stored import and its report in `error.details`; ' +
          'when all are valid everything is written in one transaction (201). Columns — candidates: external_id, name, email, time_zone, phone, source; ' +
          'requisitions: external_id, title, hiring_manager_email, recruiter_email, client (name or external id), status; ' +
          'applications: requisition_external_id, candidate_external_id or candidate_email, stage (key). Blank optional cells keep the current value.',
        body: importBody,
        response: { 200: dryRunSchema, 201: importWithReportSchema, ...errorResponses(400, 401, 404, 413, 422) },
      },
    },
    async (request, reply) => {
      const { kind, fileName, csv, dryRun } = request.body;
      const file = parseImportFile(kind, fileName, csv);
      if (file.rowCount > maxImportRows) {
        throw new Invalid(`The file has ${file.rowCount} rows; one import takes at most ${maxImportRows}. Split it into several files.`, [{ path: 'body.csv', message: `has more than ${maxImportRows} rows` }]);
      }
      const result = await runImport(db(), contextOf(request), file, { dryRun });
      if (dryRun) return reply.status(200).send(presentDryRun(result, kind, fileName));
      if (!result.record) throw new Error('A real import always stores its record.');
      const presented = presentImportWithReport(result.record);
      if (!result.ok) {
        const first = result.report.errors[0];
        const where = first ? `line ${first.line ?? '–'}${first.column ? `, ${first.column}` : ''}: ${first.message}` : '';
        throw new RuleViolation(`${result.report.errorCount} problem(s) in the file, nothing was imported (first: ${where}).`, presented);
      }
      return reply.status(201).send(presented);
    },
  );

  app.get(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Past imports, newest first (admins, recruiters, coordinators)',
        querystring: pageQuery.strict(),
        response: { 200: z.object({ items: z.array(importSchema), nextCursor: z.string().nullable() }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const page = await listImports(db(), contextOf(request), request.query);
      return { items: page.items.map(presentImport), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/imports/:id',
    { schema: { tags, summary: 'One import with its validation report', params: idParams, response: { 200: importWithReportSchema, ...errorResponses(400, 401, 404) } } },
    async (request) => presentImportWithReport(await getImport(db(), contextOf(request), request.params.id)),
  );
};
