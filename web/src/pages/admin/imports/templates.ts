import type { ImportKind } from '../../../api/imports';

/** Each kind's columns (required first) and one example row: the downloadable template. */
export const TEMPLATES: Record<ImportKind, { label: string; required: string[]; optional: string[]; example: string[]; help: string }> = {
  candidates: {
    label: 'Candidates',
    required: ['external_id', 'name', 'email', 'time_zone'],
    optional: ['phone', 'source'],
    example: ['C-1001', 'Ada Lovelace', 'ada@example.com', 'Europe/London', '+44 20 7946 0001', 'referral'],
    help: 'One row per candidate. A row whose external_id already exists updates that candidate.',
  },
  requisitions: {
    label: 'Requisitions',
    required: ['external_id', 'title', 'hiring_manager_email', 'recruiter_email'],
    optional: ['client', 'status'],
    example: ['REQ-1001', 'Backend Engineer', 'hm@example.com', 'recruiter@example.com', 'Northwind', 'open'],
    help: 'People by their email in Loopwise; client by its name or external id (blank for in-house); status open, on_hold or closed. New requisitions get the default stages.',
  },
  applications: {
    label: 'Applications',
    required: ['requisition_external_id'],
    optional: ['candidate_external_id', 'candidate_email', 'stage'],
    example: ['REQ-1001', 'C-1001', '', 'screen'],
    help: 'A candidate (by external id, or by email) on a requisition (by external id), optionally at a stage (its key). Existing applications move to the stage.',
  },
};

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The template file's text: header and example row. */
export function templateCsv(kind: ImportKind): string {
  const { required, optional, example } = TEMPLATES[kind];
  return `${[...required, ...optional].map(cell).join(',')}\r\n${example.map(cell).join(',')}\r\n`;
}

/** A `data:` link that downloads the template (no server round trip, allowed by the page's CSP). */
export function templateHref(kind: ImportKind): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv(kind))}`;
}
