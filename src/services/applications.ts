import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize, can } from '../auth/policies.js';
import { applicationScope, type ApplicationRecord } from '../auth/policies/directory.js';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../core/errors.js';
import type { Application, ApplicationStatus, Database, Stage } from '../db/schema.js';
import { cancelOpenRequestsOf } from './interview-changes.js';
import { recordAudit } from './audit.js';
import { decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';
import { throwIssues } from './stages.js';

export interface ApplicationFilter extends PageRequest {
  requisitionId?: string | undefined;
  candidateId?: string | undefined;
  status?: ApplicationStatus | undefined;
}

/** An application with the names a reader needs; `stage` carries its client visibility. */
export interface ApplicationDetails {
  application: Application;
  candidate: { id: string; name: string };
  requisition: { id: string; title: string; clientId: string | null };
  stage: { id: string; name: string; kind: Stage['kind']; clientVisible: boolean } | null;
}

type Loaded = Application & { client_id: string | null; hiring_manager_id: string | null };

const policyRecord = (row: Loaded): ApplicationRecord & { organization_id: string } => ({
  organization_id: row.organization_id,
  client_id: row.client_id,
  hiring_manager_id: row.hiring_manager_id,
  submitted_to_client_at: row.submitted_to_client_at,
});

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('applications')
    .innerJoin('requisitions', 'requisitions.id', 'applications.requisition_id')
    .selectAll('applications')
    .select(['requisitions.client_id', 'requisitions.hiring_manager_id']);
}

async function load(db: Kysely<Database>, ctx: RequestContext, id: string, action: 'read' | 'move', lock = false): Promise<Loaded> {
  const row = await baseQuery(db)
    .where('applications.id', '=', id)
    .where('applications.organization_id', '=', ctx.actor.organizationId)
    .$if(lock, (query) => query.forUpdate('applications'))
    .executeTakeFirst();
  if (!row) throw new NotFound('Application not found.');
  authorize(ctx.actor, action, 'application', policyRecord(row));
  return row;
}

export async function listApplications(db: Kysely<Database>, ctx: RequestContext, filter: ApplicationFilter): Promise<Page<ApplicationDetails>> {
  if (!can(ctx.actor, 'list', 'application')) throw new Forbidden('Your role does not give access to applications.');
  let query = db.selectFrom('applications').selectAll().where(applicationScope(ctx.actor)).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1);
  if (filter.requisitionId) query = query.where('requisition_id', '=', filter.requisitionId);
  if (filter.candidateId) query = query.where('candidate_id', '=', filter.candidateId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    // Compare with the stored row, not the cursor's text: timestamps keep microseconds.
    query = query.where(sql<boolean>`(applications.created_at, applications.id) < (select last.created_at, last.id from applications last where last.id = ${after.id})`);
  }
  const page = toPage(await query.execute(), filter.limit, (application) => application.created_at.toISOString());
  return { items: await withDetails(db, page.items), nextCursor: page.nextCursor };
}

/** The applications matching `where` that the actor may read, newest first (for a candidate's page). */
export async function visibleApplicationsOf(db: Kysely<Database>, ctx: RequestContext, where: { candidateId: string }): Promise<ApplicationDetails[]> {
  const rows = await db.selectFrom('applications').selectAll().where('candidate_id', '=', where.candidateId).where(applicationScope(ctx.actor)).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(100).execute();
  return withDetails(db, rows);
}

export async function getApplication(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ApplicationDetails> {
  const [details] = await withDetails(db, [await load(db, ctx, id, 'read')]);
  if (!details) throw new NotFound('Application not found.');
  return details;
}

/** Puts a candidate on a requisition at its first stage. */
export async function createApplication(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: { candidateId: string; requisitionId: string; externalId?: string | null | undefined },
): Promise<ApplicationDetails> {
  const application = await db.transaction().execute((trx) => insertApplication(trx, ctx, input));
  return getApplication(db, ctx, application.id);
}

/** {@link createApplication} inside the caller's transaction (CSV imports run many in one). */
export async function insertApplication(
  trx: Kysely<Database>,
  ctx: RequestContext,
  input: { candidateId: string; requisitionId: string; externalId?: string | null | undefined },
): Promise<Application> {
  if (!can(ctx.actor, 'create', 'application')) throw new Forbidden('You are not allowed to add applications.');
  const organizationId = ctx.actor.organizationId;
  const candidate = await trx.selectFrom('candidates').select('id').where('id', '=', input.candidateId).where('organization_id', '=', organizationId).executeTakeFirst();
  const requisition = await trx.selectFrom('requisitions').select(['id', 'status']).where('id', '=', input.requisitionId).where('organization_id', '=', organizationId).executeTakeFirst();
  throwIssues([
    ...(candidate ? [] : [{ path: 'body.candidateId', message: 'is not a candidate of this organization' }]),
    ...(requisition ? [] : [{ path: 'body.requisitionId', message: 'is not a requisition of this organization' }]),
  ]);
  if (requisition?.status === 'closed') throw new RuleViolation('This requisition is closed: reopen it before adding candidates.');
  const first = await trx.selectFrom('stages').select('id').where('requisition_id', '=', input.requisitionId).orderBy('position').limit(1).executeTakeFirst();
  const created = await trx
    .insertInto('applications')
    .values({
      organization_id: organizationId,
      candidate_id: input.candidateId,
      requisition_id: input.requisitionId,
      current_stage_id: first?.id ?? null,
      external_id: input.externalId ?? null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (error instanceof Conflict) throw new Conflict('This candidate already has an application for this requisition.', { field: 'candidateId' });
      throw error;
    });
  await recordAudit(trx, ctx, {
    action: 'application.created',
    entityType: 'application',
    entityId: created.id,
    changes: {
      candidate_id: { from: null, to: created.candidate_id },
      requisition_id: { from: null, to: created.requisition_id },
      current_stage_id: { from: null, to: created.current_stage_id },
    },
  });
  return created;
}

/** Moves an active application to the next stage, or to the named stage of its requisition. */
export async function advanceApplication(db: Kysely<Database>, ctx: RequestContext, id: string, stageId?: string): Promise<ApplicationDetails> {
  await db.transaction().execute((trx) => moveApplication(trx, ctx, id, stageId));
  return getApplication(db, ctx, id);
}

/** {@link advanceApplication} inside the caller's transaction (CSV imports run many in one). */
export async function moveApplication(trx: Kysely<Database>, ctx: RequestContext, id: string, stageId?: string): Promise<void> {
  const before = await load(trx, ctx, id, 'move', true);
  assertActive(before);
  const stages = await trx.selectFrom('stages').select(['id', 'name', 'position']).where('requisition_id', '=', before.requisition_id).orderBy('position').execute();
  const currentIndex = stages.findIndex((stage) => stage.id === before.current_stage_id);
  let target: (typeof stages)[number] | undefined;
  if (stageId) {
    target = stages.find((stage) => stage.id === stageId);
    if (!target) throwIssues([{ path: 'body.stageId', message: 'is not a stage of this requisition' }]);
    if (target?.id === before.current_stage_id) throw new RuleViolation(`The application is already at the stage "${target.name}".`);
  } else {
    target = stages[currentIndex + 1];
    if (!target) throw new RuleViolation('The application is at the last stage: there is no next stage to advance to.');
  }
  if (!target) return;
  await trx.updateTable('applications').set({ current_stage_id: target.id, updated_at: ctx.now }).where('id', '=', id).execute();
  await recordAudit(trx, ctx, { action: 'application.advanced', entityType: 'application', entityId: id, changes: { current_stage_id: { from: before.current_stage_id, to: target.id } } });
}

/** Ends an active application as rejected (by the company) or withdrawn (by the candidate). */
export async function closeApplication(db: Kysely<Database>, ctx: RequestContext, id: string, status: 'rejected' | 'withdrawn', reason: string): Promise<ApplicationDetails> {
  await db.transaction().execute(async (trx) => {
    const before = await load(trx, ctx, id, 'move', true);
    assertActive(before);
    await trx.updateTable('applications').set({ status, updated_at: ctx.now }).where('id', '=', id).execute();
    await cancelOpenRequestsOf(trx, ctx, id, `Application ${status}: ${reason}`);
    await recordAudit(trx, ctx, {
      action: status === 'rejected' ? 'application.rejected' : 'application.withdrawn',
      entityType: 'application',
      entityId: id,
      changes: { status: { from: before.status, to: status }, reason },
    });
  });
  return getApplication(db, ctx, id);
}

/** Shares the candidate with the requisition's client: from now on the client's users see them. */
export async function submitToClient(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ApplicationDetails> {
  await db.transaction().execute(async (trx) => {
    const before = await load(trx, ctx, id, 'move', true);
    if (!before.client_id) throw new RuleViolation('This requisition is in-house: there is no client to submit the candidate to.');
    assertActive(before);
    if (before.submitted_to_client_at) return;
    await trx.updateTable('applications').set({ submitted_to_client_at: ctx.now, updated_at: ctx.now }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'application.submitted_to_client',
      entityType: 'application',
      entityId: id,
      changes: { submitted_to_client_at: { from: null, to: ctx.now.toISOString() }, client_id: before.client_id },
    });
  });
  return getApplication(db, ctx, id);
}

function assertActive(application: Application): void {
  if (application.status !== 'active') throw new RuleViolation(`This application is ${application.status}; only active applications can change.`);
}

async function withDetails(db: Kysely<Database>, applications: Application[]): Promise<ApplicationDetails[]> {
  if (applications.length === 0) return [];
  const candidates = await db.selectFrom('candidates').select(['id', 'name']).where('id', 'in', applications.map((a) => a.candidate_id)).execute();
  const requisitions = await db.selectFrom('requisitions').select(['id', 'title', 'client_id']).where('id', 'in', applications.map((a) => a.requisition_id)).execute();
  const stageIds = applications.map((a) => a.current_stage_id).filter((id): id is string => id !== null);
  const stages = stageIds.length ? await db.selectFrom('stages').select(['id', 'name', 'kind', 'rules']).where('id', 'in', stageIds).execute() : [];
  return applications.flatMap((application) => {
    const candidate = candidates.find((c) => c.id === application.candidate_id);
    const requisition = requisitions.find((r) => r.id === application.requisition_id);
    if (!candidate || !requisition) return [];
    const stage = stages.find((s) => s.id === application.current_stage_id);
    return [
      {
        application,
        candidate,
        requisition: { id: requisition.id, title: requisition.title, clientId: requisition.client_id },
        stage: stage ? { id: stage.id, name: stage.name, kind: stage.kind, clientVisible: (stage.rules as { clientVisible?: unknown }).clientVisible === true } : null,
      },
    ];
  });
}
