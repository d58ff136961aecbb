import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize, can } from '../auth/policies.js';
import { requisitionScope } from '../auth/policies/directory.js';
import { Conflict, Forbidden, NotFound } from '../core/errors.js';
import type { Database, Requisition, RequisitionStatus, Role, Stage, StageKind } from '../db/schema.js';
import { changedFields, recordAudit } from './audit.js';
import { decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';
import { stageTemplate } from './stage-rules.js';
import { insertStages, maxStages, throwIssues, visibleStagesOf, type FieldIssue, type StageInput } from './stages.js';
import { createdFields, likePattern } from './users.js';

export interface RequisitionFilter extends PageRequest {
  status?: RequisitionStatus | undefined;
  clientId?: string | undefined;
  q?: string | undefined;
  includeStages?: boolean | undefined;
}

export interface RequisitionInput {
  title: string;
  clientId?: string | null | undefined;
  hiringManagerId: string;
  recruiterId: string;
  coordinatorIds?: string[] | undefined;
  externalId?: string | null | undefined;
  status?: RequisitionStatus | undefined;
  /** The stages in order; the default workflow when left out. */
  stages?: StageInput[] | undefined;
}

export type RequisitionChanges = Partial<Omit<RequisitionInput, 'stages'>>;

export interface PersonRef {
  id: string;
  name: string;
}

/** A requisition with the names a reader needs and, for a single read, its visible stages. */
export interface RequisitionDetails {
  requisition: Requisition;
  client: PersonRef | null;
  hiringManager: PersonRef | null;
  recruiter: PersonRef | null;
  coordinators: PersonRef[];
  stages: Stage[];
}

const hiringManagerRoles: Role[] = ['hiring_manager', 'admin', 'recruiter', 'coordinator'];
const staffRoles: Role[] = ['admin', 'recruiter', 'coordinator'];

export async function listRequisitions(db: Kysely<Database>, ctx: RequestContext, filter: RequisitionFilter): Promise<Page<RequisitionDetails>> {
  if (!can(ctx.actor, 'list', 'requisition')) throw new Forbidden('Your role does not give access to requisitions.');
  let query = db.selectFrom('requisitions').selectAll().where(requisitionScope(ctx.actor)).orderBy('title').orderBy('id').limit(filter.limit + 1);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.clientId) query = query.where('client_id', '=', filter.clientId);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    query = query.where((eb) => eb.or([eb('title', 'ilike', pattern), eb('external_id', 'ilike', pattern)]));
  }
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    query = query.where((eb) => eb(eb.refTuple('title', 'id'), '>', eb.tuple(after.key, after.id)));
  }
  const page = toPage(await query.execute(), filter.limit, (requisition) => requisition.title);
  return { items: await withDetails(db, ctx, page.items, filter.includeStages ?? false), nextCursor: page.nextCursor };
}

/** One requisition the actor may read (404 otherwise), with its stages as far as they may see them. */
export async function getRequisition(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<RequisitionDetails> {
  const requisition = await findRequisition(db, ctx, id);
  const [details] = await withDetails(db, ctx, [requisition], true);
  if (!details) throw new NotFound('Requisition not found.');
  return details;
}

export async function findRequisition(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<Requisition> {
  const requisition = await db.selectFrom('requisitions').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).executeTakeFirst();
  if (!requisition) throw new NotFound('Requisition not found.');
  authorize(ctx.actor, 'read', 'requisition', requisition);
  return requisition;
}

/**
 * Opens a requisition with its coordinators and stages. Without stages it gets the default
 * workflow: recruiter screen, hiring-manager interview, a panel when the organization has pools,
 * and a client interview when it belongs to a client.
 */
export async function createRequisition(db: Kysely<Database>, ctx: RequestContext, input: RequisitionInput): Promise<RequisitionDetails> {
  if (!can(ctx.actor, 'create', 'requisition')) throw new Forbidden('You are not allowed to create requisitions.');
  const requisition = await db.transaction().execute((trx) => insertRequisition(trx, ctx, input));
  return getRequisition(db, ctx, requisition.id);
}

async function insertRequisition(trx: Kysely<Database>, ctx: RequestContext, input: RequisitionInput): Promise<Requisition> {
  const organizationId = ctx.actor.organizationId;
  await checkPeople(trx, ctx, input);
  if (input.stages && input.stages.length > maxStages) throwIssues([{ path: 'body.stages', message: `must have at most ${maxStages} stages` }]);
  const requisition = await withExternalIdConflict(input.externalId, () =>
    trx
      .insertInto('requisitions')
      .values({
        organization_id: organizationId,
        title: input.title,
        client_id: input.clientId ?? null,
        hiring_manager_id: input.hiringManagerId,
        recruiter_id: input.recruiterId,
        external_id: input.externalId ?? null,
        status: input.status ?? 'open',
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  const coordinatorIds = [...new Set(input.coordinatorIds ?? [])];
  if (coordinatorIds.length > 0) {
    await trx.insertInto('requisition_coordinators').values(coordinatorIds.map((userId) => ({ requisition_id: requisition.id, user_id: userId, organization_id: organizationId }))).execute();
  }
  const stageInputs = input.stages ?? (await defaultStages(trx, organizationId, input));
  const stages = await insertStages(trx, ctx, requisition, stageInputs, (index) => `body.stages.${index}.rules`);
  await recordAudit(trx, ctx, {
    action: 'requisition.created',
    entityType: 'requisition',
    entityId: requisition.id,
    changes: {
      ...createdFields({
        title: requisition.title,
        client_id: requisition.client_id,
        hiring_manager_id: requisition.hiring_manager_id,
        recruiter_id: requisition.recruiter_id,
        external_id: requisition.external_id,
        status: requisition.status,
      }),
      coordinator_ids: { from: null, to: coordinatorIds },
      stages: { from: null, to: stages.map((stage) => stage.key) },
    },
  });
  return requisition;
}

/** The default workflow for a new requisition (see {@link createRequisition}). */
async function defaultStages(trx: Kysely<Database>, organizationId: string, input: RequisitionInput): Promise<StageInput[]> {
  const pools = await trx.selectFrom('pools').select(['id', 'required_tag']).where('organization_id', '=', organizationId).orderBy('name').execute();
  const technical = pools.find((pool) => pool.required_tag === 'technical') ?? pools[0];
  const culture = pools.find((pool) => pool.required_tag === 'culture') ?? pools.find((pool) => pool !== technical) ?? technical;
  const people = { recruiterId: input.recruiterId, hiringManagerId: input.hiringManagerId, technicalPoolId: technical?.id, culturePoolId: culture?.id };
  const kinds: StageKind[] = ['recruiter_screen', 'hiring_manager'];
  if (technical) kinds.push('panel');
  if (input.clientId) kinds.push('client');
  return kinds.map((kind) => stageTemplate(kind, people));
}

/** Changes the requisition's fields and coordinators, recording before → after. Stages have their own commands. */
export async function updateRequisition(db: Kysely<Database>, ctx: RequestContext, id: string, input: RequisitionChanges): Promise<RequisitionDetails> {
  await db.transaction().execute((trx) => applyChanges(trx, ctx, id, input));
  return getRequisition(db, ctx, id);
}

async function applyChanges(trx: Kysely<Database>, ctx: RequestContext, id: string, input: RequisitionChanges): Promise<Requisition> {
  const before = await trx.selectFrom('requisitions').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).forUpdate().executeTakeFirst();
  if (!before) throw new NotFound('Requisition not found.');
  authorize(ctx.actor, 'update', 'requisition', before);
  await checkPeople(trx, ctx, input);
  const next = {
    title: input.title ?? before.title,
    client_id: input.clientId === undefined ? before.client_id : input.clientId,
    hiring_manager_id: input.hiringManagerId ?? before.hiring_manager_id,
    recruiter_id: input.recruiterId ?? before.recruiter_id,
    external_id: input.externalId === undefined ? before.external_id : input.externalId,
    status: input.status ?? before.status,
  };
  const changes: Record<string, unknown> = changedFields(before, next);
  if (input.coordinatorIds) {
    const current = (await trx.selectFrom('requisition_coordinators').select('user_id').where('requisition_id', '=', id).execute()).map((row) => row.user_id).sort();
    const wanted = [...new Set(input.coordinatorIds)].sort();
    if (JSON.stringify(current) !== JSON.stringify(wanted)) {
      await trx.deleteFrom('requisition_coordinators').where('requisition_id', '=', id).execute();
      if (wanted.length > 0) {
        await trx.insertInto('requisition_coordinators').values(wanted.map((userId) => ({ requisition_id: id, user_id: userId, organization_id: before.organization_id }))).execute();
      }
      changes.coordinator_ids = { from: current, to: wanted };
    }
  }
  if (Object.keys(changes).length === 0) return before;
  const after = await withExternalIdConflict(next.external_id, () =>
    trx.updateTable('requisitions').set({ ...next, updated_at: ctx.now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),
  );
  await recordAudit(trx, ctx, { action: 'requisition.updated', entityType: 'requisition', entityId: id, changes });
  return after;
}

/**
 * Creates the requisition with this external (ATS) id, or updates the one that has it. Stages
 * are only set on creation; later changes go through the stage endpoints.
 */
export async function upsertRequisitionByExternalId(
  db: Kysely<Database>,
  ctx: RequestContext,
  externalId: string,
  input: Omit<RequisitionInput, 'externalId'>,
): Promise<{ created: boolean; details: RequisitionDetails }> {
  const result = await db.transaction().execute((trx) => upsertRequisitionIn(trx, ctx, externalId, input));
  return { created: result.created, details: await getRequisition(db, ctx, result.requisition.id) };
}

/** {@link upsertRequisitionByExternalId} inside the caller's transaction (CSV imports run many in one). */
export async function upsertRequisitionIn(
  trx: Kysely<Database>,
  ctx: RequestContext,
  externalId: string,
  input: Omit<RequisitionInput, 'externalId'>,
): Promise<{ created: boolean; requisition: Requisition }> {
  // Only staff upsert, so nobody learns from the answer whether an external id exists.
  if (!can(ctx.actor, 'create', 'requisition')) throw new Forbidden('You are not allowed to create requisitions.');
  const existing = await trx.selectFrom('requisitions').select('id').where('organization_id', '=', ctx.actor.organizationId).where('external_id', '=', externalId).executeTakeFirst();
  if (existing) {
    const { stages: _ignored, ...changes } = input;
    return { created: false, requisition: await applyChanges(trx, ctx, existing.id, changes) };
  }
  return { created: true, requisition: await insertRequisition(trx, ctx, { ...input, externalId }) };
}

/** Checks that the people and the client named in the input exist, are active and fit their part. */
async function checkPeople(trx: Kysely<Database>, ctx: RequestContext, input: RequisitionChanges): Promise<void> {
  const organizationId = ctx.actor.organizationId;
  const wanted = [input.hiringManagerId, input.recruiterId, ...(input.coordinatorIds ?? [])].filter((id): id is string => id !== undefined);
  const users = wanted.length
    ? await trx.selectFrom('users').select(['id', 'role', 'active']).where('organization_id', '=', organizationId).where('id', 'in', wanted).execute()
    : [];
  const issues: FieldIssue[] = [];
  const check = (id: string | undefined, path: string, allowed: Role[], what: string) => {
    if (id === undefined) return;
    const user = users.find((candidate) => candidate.id === id);
    if (!user) issues.push({ path, message: 'is not a user of this organization' });
    else if (!user.active) issues.push({ path, message: 'is deactivated' });
    else if (!allowed.includes(user.role)) issues.push({ path, message: `must be ${what}` });
  };
  check(input.hiringManagerId, 'body.hiringManagerId', hiringManagerRoles, 'a hiring manager or staff member');
  check(input.recruiterId, 'body.recruiterId', staffRoles, 'a recruiter, coordinator or admin');
  (input.coordinatorIds ?? []).forEach((id, index) => check(id, `body.coordinatorIds.${index}`, staffRoles, 'a recruiter, coordinator or admin'));
  if (input.clientId) {
    const client = await trx.selectFrom('clients').select(['id', 'archived_at']).where('organization_id', '=', organizationId).where('id', '=', input.clientId).executeTakeFirst();
    if (!client) issues.push({ path: 'body.clientId', message: 'is not a client of this organization' });
    else if (client.archived_at) issues.push({ path: 'body.clientId', message: 'is archived' });
  }
  throwIssues(issues);
}

async function withDetails(db: Kysely<Database>, ctx: RequestContext, requisitions: Requisition[], includeStages: boolean): Promise<RequisitionDetails[]> {
  if (requisitions.length === 0) return [];
  const ids = requisitions.map((requisition) => requisition.id);
  const coordinatorRows = await db
    .selectFrom('requisition_coordinators')
    .innerJoin('users', 'users.id', 'requisition_coordinators.user_id')
    .select(['requisition_coordinators.requisition_id', 'users.id', 'users.name'])
    .where('requisition_coordinators.requisition_id', 'in', ids)
    .orderBy('users.name')
    .execute();
  const userIds = requisitions.flatMap((r) => [r.hiring_manager_id, r.recruiter_id]).filter((id): id is string => id !== null);
  const users = userIds.length ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute() : [];
  const clientIds = requisitions.map((r) => r.client_id).filter((id): id is string => id !== null);
  const clients = clientIds.length ? await db.selectFrom('clients').select(['id', 'name']).where('id', 'in', clientIds).execute() : [];
  const stages = includeStages ? await visibleStagesOf(db, ctx, ids) : [];
  const ref = (list: PersonRef[], id: string | null) => list.find((item) => item.id === id) ?? null;
  return requisitions.map((requisition) => ({
    requisition,
    client: ref(clients, requisition.client_id),
    hiringManager: ref(users, requisition.hiring_manager_id),
    recruiter: ref(users, requisition.recruiter_id),
    coordinators: coordinatorRows.filter((row) => row.requisition_id === requisition.id).map((row) => ({ id: row.id, name: row.name })),
    stages: stages.filter((stage) => stage.requisition_id === requisition.id),
  }));
}

async function withExternalIdConflict<T>(externalId: string | null | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Conflict && (error.details as { constraint?: string } | undefined)?.constraint === 'requisitions_external_id') {
      throw new Conflict(`Another requisition already has the external id "${externalId ?? ''}".`, { field: 'externalId' });
    }
    throw error;
  }
}
