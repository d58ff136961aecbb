import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { Invalid } from '../core/errors.js';
import type { Database, ImportKind, RequisitionStatus } from '../db/schema.js';
import { insertApplication, moveApplication } from './applications.js';
import { upsertCandidateIn } from './candidates.js';
import { upsertRequisitionIn } from './requisitions.js';
import type { FieldIssue } from './stages.js';

/** One CSV row per kind, already shape-checked at the edge (blank optional cells are left out). */
export interface CandidateRow {
  externalId: string;
  name: string;
  email: string;
  phone?: string | undefined;
  timeZone: string;
  source?: string | undefined;
}

export interface RequisitionRow {
  externalId: string;
  title: string;
  /** A client's name or external id; left out: in-house on creation, unchanged on update. */
  client?: string | undefined;
  hiringManagerEmail: string;
  recruiterEmail: string;
  status?: RequisitionStatus | undefined;
}

export interface ApplicationRow {
  candidateExternalId?: string | undefined;
  candidateEmail?: string | undefined;
  requisitionExternalId: string;
  /** A stage key of the requisition; left out: the first stage on creation, unchanged on update. */
  stage?: string | undefined;
}

export interface ImportRowsByKind {
  candidates: CandidateRow;
  requisitions: RequisitionRow;
  applications: ApplicationRow;
}

export type RowOutcome = 'created' | 'updated' | 'skipped';

export interface KindHandler<I> {
  /** Identifies the record a row writes, so a file cannot write one record twice. */
  key(input: I): string;
  /** The column(s) named when a key repeats. */
  keyColumn: string;
  /** Writes one row with the existing commands, inside the import's transaction. */
  apply(trx: Kysely<Database>, ctx: RequestContext, input: I): Promise<RowOutcome>;
  /** Field paths of the commands' validation errors → the CSV column they came from. */
  columnOf: Record<string, string>;
}

function throwCells(issues: FieldIssue[]): void {
  const first = issues[0];
  if (first) throw new Invalid(`${first.path} ${first.message}`, issues);
}

/** A command bumps `updated_at` to the request's `now` only when something changed. */
const changedNow = (row: { updated_at: Date }, ctx: RequestContext): RowOutcome => (row.updated_at.getTime() === ctx.now.getTime() ? 'updated' : 'skipped');

const candidates: KindHandler<CandidateRow> = {
  key: (row) => row.externalId,
  keyColumn: 'external_id',
  columnOf: { 'body.name': 'name', 'body.email': 'email', 'body.phone': 'phone', 'body.timeZone': 'time_zone', 'body.source': 'source', externalId: 'external_id' },
  apply: async (trx, ctx, row) => {
    const { externalId, ...input } = row;
    const { created, candidate } = await upsertCandidateIn(trx, ctx, externalId, input);
    return created ? 'created' : changedNow(candidate, ctx);
  },
};

async function userIdsByEmail(trx: Kysely<Database>, ctx: RequestContext, emails: string[]): Promise<Map<string, string>> {
  const rows = await trx.selectFrom('users').select(['id', 'email']).where('organization_id', '=', ctx.actor.organizationId).where('email', 'in', emails).execute();
  return new Map(rows.map((row) => [row.email, row.id]));
}

const requisitions: KindHandler<RequisitionRow> = {
  key: (row) => row.externalId,
  keyColumn: 'external_id',
  columnOf: {
    'body.title': 'title',
    'body.clientId': 'client',
    'body.hiringManagerId': 'hiring_manager_email',
    'body.recruiterId': 'recruiter_email',
    'body.status': 'status',
    externalId: 'external_id',
  },
  apply: async (trx, ctx, row) => {
    const organizationId = ctx.actor.organizationId;
    const issues: FieldIssue[] = [];
    const users = await userIdsByEmail(trx, ctx, [row.hiringManagerEmail, row.recruiterEmail]);
    const hiringManagerId = users.get(row.hiringManagerEmail);
    const recruiterId = users.get(row.recruiterEmail);
    if (!hiringManagerId) issues.push({ path: 'hiring_manager_email', message: 'is not the email of a user of this organization' });
    if (!recruiterId) issues.push({ path: 'recruiter_email', message: 'is not the email of a user of this organization' });
    let clientId: string | undefined;
    if (row.client !== undefined) {
      const name = row.client;
      const matches = await trx
        .selectFrom('clients')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where((eb) => eb.or([eb(eb.fn('lower', ['name']), '=', name.toLowerCase()), eb('external_id', '=', name)]))
        .execute();
      if (matches.length === 0) issues.push({ path: 'client', message: 'is neither the name nor the external id of a client of this organization' });
      else if (matches.length > 1) issues.push({ path: 'client', message: 'matches more than one client: use the client’s external id' });
      else clientId = matches[0]?.id;
    }
    throwCells(issues);
    if (!hiringManagerId || !recruiterId) return 'skipped';
    const { externalId, title, status } = row;
    const { created, requisition } = await upsertRequisitionIn(trx, ctx, externalId, { title, hiringManagerId, recruiterId, status, ...(clientId ? { clientId } : {}) });
    return created ? 'created' : changedNow(requisition, ctx);
  },
};

const applications: KindHandler<ApplicationRow> = {
  key: (row) => `${row.candidateExternalId ?? row.candidateEmail ?? ''}\n${row.requisitionExternalId}`,
  keyColumn: 'candidate_external_id',
  columnOf: { 'body.candidateId': 'candidate_external_id', 'body.requisitionId': 'requisition_external_id', 'body.stageId': 'stage' },
  apply: async (trx, ctx, row) => {
    const organizationId = ctx.actor.organizationId;
    const issues: FieldIssue[] = [];
    let candidateQuery = trx.selectFrom('candidates').select('id').where('organization_id', '=', organizationId).limit(2);
    candidateQuery = row.candidateExternalId !== undefined ? candidateQuery.where('external_id', '=', row.candidateExternalId) : candidateQuery.where('email', '=', row.candidateEmail ?? '');
    const candidateMatches = await candidateQuery.execute();
    const column = row.candidateExternalId !== undefined ? 'candidate_external_id' : 'candidate_email';
    if (candidateMatches.length === 0) issues.push({ path: column, message: 'matches no candidate of this organization' });
    if (candidateMatches.length > 1) issues.push({ path: column, message: 'matches more than one candidate: use candidate_external_id' });
    const requisition = await trx.selectFrom('requisitions').select('id').where('organization_id', '=', organizationId).where('external_id', '=', row.requisitionExternalId).executeTakeFirst();
    if (!requisition) issues.push({ path: 'requisition_external_id', message: 'matches no requisition of this organization' });
    let stageId: string | undefined;
    if (requisition && row.stage !== undefined) {
      const stage = await trx.selectFrom('stages').select('id').where('requisition_id', '=', requisition.id).where('key', '=', row.stage).executeTakeFirst();
      if (!stage) issues.push({ path: 'stage', message: 'is not the key of a stage of this requisition' });
      stageId = stage?.id;
    }
    throwCells(issues);
    const candidateId = candidateMatches[0]?.id;
    if (!candidateId || !requisition) return 'skipped';
    const existing = await trx.selectFrom('applications').select(['id', 'current_stage_id']).where('candidate_id', '=', candidateId).where('requisition_id', '=', requisition.id).executeTakeFirst();
    if (existing) {
      if (stageId === undefined || stageId === existing.current_stage_id) return 'skipped';
      await moveApplication(trx, ctx, existing.id, stageId);
      return 'updated';
    }
    const created = await insertApplication(trx, ctx, { candidateId, requisitionId: requisition.id });
    if (stageId !== undefined && stageId !== created.current_stage_id) await moveApplication(trx, ctx, created.id, stageId);
    return 'created';
  },
};

export const importKinds: { [K in ImportKind]: KindHandler<ImportRowsByKind[K]> } = { candidates, requisitions, applications };
