import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../auth/actor.js';
import { authorize, can } from '../auth/policies.js';
import { stageScope, type StageRecord } from '../auth/policies/directory.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../core/errors.js';
import type { Database, Requisition, Stage, StageKind } from '../db/schema.js';
import { changedFields, recordAudit } from './audit.js';
import { stageRulesSchema, type StageRules } from './stage-rules.js';

/** What a caller sends for a stage; `rules` is checked against `stageRulesSchema` here. */
export interface StageInput {
  key?: string | undefined;
  name: string;
  kind: StageKind;
  rules: unknown;
}

export interface StageChanges {
  key?: string | undefined;
  name?: string | undefined;
  kind?: StageKind | undefined;
  rules?: unknown;
}

export interface FieldIssue {
  path: string;
  message: string;
}

export const maxStages = 12;
/** Roles that may be named as interviewers: people who have a profile and see no client data. */
const interviewerRoles = ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'interviewer'] as const;

/** Throws one `Invalid` listing every issue, or returns when there are none. */
export function throwIssues(issues: FieldIssue[]): void {
  const first = issues[0];
  if (first) throw new Invalid(`Invalid input: ${first.path} ${first.message}`, issues);
}

export function zodIssues(error: z.ZodError, path: string): FieldIssue[] {
  return error.issues.map((issue) => ({ path: [path, ...issue.path.map(String)].join('.'), message: issue.message }));
}

/**
 * Parses a stage's rules and checks what the schema cannot: named interviewers are active
 * people of the organization who may interview, and pools exist. `path` prefixes field paths.
 */
export async function validateStageRules(trx: Kysely<Database>, organizationId: string, rules: unknown, path: string): Promise<StageRules> {
  let parsed: ReturnType<typeof stageRulesSchema.safeParse>;
  try {
    parsed = stageRulesSchema.safeParse(rules);
  } catch (error) {
    // The schema's refinement parses times and throws on values its pattern lets through (24:30).
    if (error instanceof Invalid) throw new Invalid(error.message, [{ path: `${path}.candidateHours`, message: error.message }]);
    throw error;
  }
  if (!parsed.success) {
    throwIssues(zodIssues(parsed.error, path));
    throw new Invalid('Invalid stage rules.');
  }
  const issues: FieldIssue[] = [];
  const personIds = new Set<string>();
  const poolIds = new Set<string>();
  for (const session of parsed.data.sessions) {
    for (const requirement of session.requirements) {
      if (requirement.kind === 'people') requirement.personIds.forEach((id) => personIds.add(id));
      else poolIds.add(requirement.poolId);
    }
  }
  const people = personIds.size
    ? await trx.selectFrom('users').select(['id', 'role', 'active']).where('organization_id', '=', organizationId).where('id', 'in', [...personIds]).execute()
    : [];
  const pools = poolIds.size ? await trx.selectFrom('pools').select('id').where('organization_id', '=', organizationId).where('id', 'in', [...poolIds]).execute() : [];
  parsed.data.sessions.forEach((session, s) =>
    session.requirements.forEach((requirement, r) => {
      const at = `${path}.sessions.${s}.requirements.${r}`;
      if (requirement.kind === 'pool') {
        if (!pools.some((pool) => pool.id === requirement.poolId)) issues.push({ path: `${at}.poolId`, message: 'is not a pool of this organization' });
        return;
      }
      requirement.personIds.forEach((id, p) => {
        const person = people.find((user) => user.id === id);
        const message = !person
          ? 'is not a user of this organization'
          : !person.active
            ? 'is deactivated'
            : !(interviewerRoles as readonly string[]).includes(person.role)
              ? 'cannot interview (client users and candidates have no interviewer profile)'
              : null;
        if (message) issues.push({ path: `${at}.personIds.${p}`, message });
      });
    }),
  );
  throwIssues(issues);
  return parsed.data;
}

const keyPattern = /^[a-z0-9][a-z0-9_-]{0,49}$/;

/** A stage key from its name: `Hiring manager` → `hiring-manager`. */
export function keyFromName(name: string): string {
  const key = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50);
  return keyPattern.test(key) ? key : 'stage';
}

export function stageRecord(stage: Stage, requisition: Pick<Requisition, 'organization_id' | 'client_id' | 'hiring_manager_id'>): StageRecord & { organization_id: string } {
  const rules = stage.rules as { clientVisible?: unknown } | null;
  return {
    organization_id: stage.organization_id,
    client_id: requisition.client_id,
    hiring_manager_id: requisition.hiring_manager_id,
    client_visible: rules?.clientVisible === true,
  };
}

/** Inserts stages in order after `afterPosition`, validating each; used by requisition commands too. */
export async function insertStages(
  trx: Kysely<Database>,
  ctx: RequestContext,
  requisition: Requisition,
  inputs: StageInput[],
  rulesPath: (index: number) => string,
  afterPosition = 0,
): Promise<Stage[]> {
  const created: Stage[] = [];
  for (const [index, input] of inputs.entries()) {
    const rules = await validateStageRules(trx, requisition.organization_id, input.rules, rulesPath(index));
    const key = input.key ?? keyFromName(input.name);
    const stage = await withKeyConflict(key, () =>
      trx
        .insertInto('stages')
        .values({
          organization_id: requisition.organization_id,
          requisition_id: requisition.id,
          position: afterPosition + index + 1,
          key,
          name: input.name,
          kind: input.kind,
          rules: JSON.stringify(rules),
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    created.push(stage);
  }
  return created;
}

/** Loads the requisition for a stage command and checks the actor may manage its stages. */
async function lockRequisition(trx: Kysely<Database>, ctx: RequestContext, requisitionId: string, action: 'read' | 'manage'): Promise<Requisition> {
  const requisition = await trx
    .selectFrom('requisitions')
    .selectAll()
    .where('id', '=', requisitionId)
    .where('organization_id', '=', ctx.actor.organizationId)
    .$if(action === 'manage', (query) => query.forUpdate())
    .executeTakeFirst();
  if (!requisition || !can(ctx.actor, 'read', 'requisition', requisition)) throw new NotFound('Requisition not found.');
  if (action === 'manage' && !can(ctx.actor, 'manage', 'stage')) throw new Forbidden('You are not allowed to change the stages of this requisition.');
  return requisition;
}

/** The stages of a requisition the actor may see, in order (client users: client-visible ones). */
export async function listStages(db: Kysely<Database>, ctx: RequestContext, requisitionId: string): Promise<Stage[]> {
  await lockRequisition(db, ctx, requisitionId, 'read');
  return db.selectFrom('stages').selectAll().where('requisition_id', '=', requisitionId).where(stageScope(ctx.actor)).orderBy('position').execute();
}

/** Stages of many requisitions at once, as far as the actor may see them. */
export async function visibleStagesOf(db: Kysely<Database>, ctx: RequestContext, requisitionIds: string[]): Promise<Stage[]> {
  if (requisitionIds.length === 0) return [];
  return db.selectFrom('stages').selectAll().where('requisition_id', 'in', requisitionIds).where(stageScope(ctx.actor)).orderBy('requisition_id').orderBy('position').execute();
}

export async function createStage(db: Kysely<Database>, ctx: RequestContext, requisitionId: string, input: StageInput & { position?: number | undefined }): Promise<Stage> {
  return db.transaction().execute(async (trx) => {
    const requisition = await lockRequisition(trx, ctx, requisitionId, 'manage');
    const existing = await trx.selectFrom('stages').select(['id', 'position']).where('requisition_id', '=', requisitionId).orderBy('position').execute();
    if (existing.length >= maxStages) throw new Invalid(`A requisition has at most ${maxStages} stages.`, [{ path: 'body', message: 'too many stages' }]);
    const position = Math.min(input.position ?? existing.length + 1, existing.length + 1);
    // Make room: every stage at or after the new position moves one down.
    await trx.updateTable('stages').set({ position: sql`position + 1` }).where('requisition_id', '=', requisitionId).where('position', '>=', position).execute();
    const [stage] = await insertStages(trx, ctx, requisition, [input], () => 'body.rules', position - 1);
    if (!stage) throw new Error('stage insert returned nothing');
    await recordAudit(trx, ctx, {
      action: 'stage.created',
      entityType: 'stage',
      entityId: stage.id,
      changes: { requisition_id: { from: null, to: requisitionId }, key: { from: null, to: stage.key }, name: { from: null, to: stage.name }, kind: { from: null, to: stage.kind }, position: { from: null, to: stage.position } },
    });
    return stage;
  });
}

async function lockStage(trx: Kysely<Database>, ctx: RequestContext, requisitionId: string, stageId: string): Promise<{ requisition: Requisition; stage: Stage }> {
  const requisition = await lockRequisition(trx, ctx, requisitionId, 'read');
  const stage = await trx.selectFrom('stages').selectAll().where('id', '=', stageId).where('requisition_id', '=', requisitionId).forUpdate().executeTakeFirst();
  if (!stage) throw new NotFound('Stage not found.');
  authorize(ctx.actor, 'manage', 'stage', stageRecord(stage, requisition));
  return { requisition, stage };
}

/** Renames, re-keys or changes the rules of a stage (rules are replaced as a whole and re-validated). */
export async function updateStage(db: Kysely<Database>, ctx: RequestContext, requisitionId: string, stageId: string, input: StageChanges): Promise<Stage> {
  return db.transaction().execute(async (trx) => {
    const { requisition, stage } = await lockStage(trx, ctx, requisitionId, stageId);
    const rules = input.rules === undefined ? undefined : await validateStageRules(trx, requisition.organization_id, input.rules, 'body.rules');
    const next = { key: input.key ?? stage.key, name: input.name ?? stage.name, kind: input.kind ?? stage.kind, rules: rules ?? stage.rules };
    const changes = changedFields(stage, next);
    if (Object.keys(changes).length === 0) return stage;
    const after = await withKeyConflict(next.key, () =>
      trx
        .updateTable('stages')
        .set({ key: next.key, name: next.name, kind: next.kind, rules: JSON.stringify(next.rules), updated_at: ctx.now })
        .where('id', '=', stage.id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await recordAudit(trx, ctx, { action: 'stage.updated', entityType: 'stage', entityId: stage.id, changes });
    return after;
  });
}

/** Removes a stage nobody is at and nothing was scheduled for; the others close the gap. */
export async function deleteStage(db: Kysely<Database>, ctx: RequestContext, requisitionId: string, stageId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { stage } = await lockStage(trx, ctx, requisitionId, stageId);
    const atStage = await trx.selectFrom('applications').select(sql<number>`count(*)::int`.as('n')).where('current_stage_id', '=', stage.id).executeTakeFirstOrThrow();
    if (atStage.n > 0) throw new Conflict(`${atStage.n} application(s) are at the stage "${stage.name}": advance or move them first.`);
    const requests = await trx.selectFrom('scheduling_requests').select('id').where('stage_id', '=', stage.id).limit(1).executeTakeFirst();
    if (requests) throw new Conflict(`Interviews were scheduled for the stage "${stage.name}", so it stays for the record.`);
    await trx.deleteFrom('stages').where('id', '=', stage.id).execute();
    await trx.updateTable('stages').set({ position: sql`position - 1` }).where('requisition_id', '=', requisitionId).where('position', '>', stage.position).execute();
    await recordAudit(trx, ctx, { action: 'stage.deleted', entityType: 'stage', entityId: stage.id, changes: { key: { from: stage.key, to: null }, name: { from: stage.name, to: null } } });
  });
}

/** Puts the stages in the given order; the list must name every stage of the requisition once. */
export async function reorderStages(db: Kysely<Database>, ctx: RequestContext, requisitionId: string, stageIds: string[]): Promise<Stage[]> {
  return db.transaction().execute(async (trx) => {
    await lockRequisition(trx, ctx, requisitionId, 'manage');
    const stages = await trx.selectFrom('stages').selectAll().where('requisition_id', '=', requisitionId).orderBy('position').execute();
    const known = new Set(stages.map((stage) => stage.id));
    const issues: FieldIssue[] = [];
    stageIds.forEach((id, index) => {
      if (!known.has(id)) issues.push({ path: `body.stageIds.${index}`, message: 'is not a stage of this requisition' });
      else if (stageIds.indexOf(id) !== index) issues.push({ path: `body.stageIds.${index}`, message: 'is listed twice' });
    });
    if (issues.length === 0 && stageIds.length !== stages.length) issues.push({ path: 'body.stageIds', message: `must list all ${stages.length} stages` });
    throwIssues(issues);
    const before = stages.map((stage) => stage.id);
    if (before.every((id, index) => stageIds[index] === id)) return stages;
    for (const [index, id] of stageIds.entries()) {
      await trx.updateTable('stages').set({ position: index + 1, updated_at: ctx.now }).where('id', '=', id).execute();
    }
    await recordAudit(trx, ctx, { action: 'requisition.stages_reordered', entityType: 'requisition', entityId: requisitionId, changes: { stage_order: { from: before, to: stageIds } } });
    return trx.selectFrom('stages').selectAll().where('requisition_id', '=', requisitionId).orderBy('position').execute();
  });
}

async function withKeyConflict<T>(key: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Conflict && (error.details as { constraint?: string } | undefined)?.constraint === 'stages_key_unique') {
      throw new Conflict(`This requisition already has a stage with the key "${key}".`, { field: 'key' });
    }
    throw error;
  }
}
