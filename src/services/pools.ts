import { sql, type Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize, can } from '../auth/policies.js';
import { poolScope } from '../auth/policies/directory.js';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../core/errors.js';
import type { Database, Pool, Role } from '../db/schema.js';
import { changedFields, recordAudit } from './audit.js';
import { throwIssues, type FieldIssue } from './stages.js';
import { createdFields } from './users.js';

export interface PoolMember {
  id: string;
  name: string;
  role: Role;
  tags: string[];
  active: boolean;
}

export interface PoolDetails {
  pool: Pool;
  members: PoolMember[];
}

export interface PoolInput {
  name: string;
  requiredTag?: string | null | undefined;
  memberIds?: string[] | undefined;
}

export interface PoolChanges {
  name?: string | undefined;
  requiredTag?: string | null | undefined;
}

/** Who may sit in a pool: people with an interviewer profile who interview, not staff or clients. */
const memberRoles: Role[] = ['interviewer', 'hiring_manager'];

export async function listPools(db: Kysely<Database>, ctx: RequestContext): Promise<PoolDetails[]> {
  if (!can(ctx.actor, 'list', 'pool')) throw new Forbidden('Your role does not give access to interviewer pools.');
  const pools = await db.selectFrom('pools').selectAll().where(poolScope(ctx.actor)).orderBy('name').orderBy('id').limit(500).execute();
  return withMembers(db, pools);
}

export async function getPool(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<PoolDetails> {
  const pool = await findPool(db, ctx, id, 'read');
  const [details] = await withMembers(db, [pool]);
  if (!details) throw new NotFound('Pool not found.');
  return details;
}

export async function createPool(db: Kysely<Database>, ctx: RequestContext, input: PoolInput): Promise<PoolDetails> {
  if (!can(ctx.actor, 'create', 'pool')) throw new Forbidden('You are not allowed to create interviewer pools.');
  const pool = await withNameConflict(input.name, () =>
    db.transaction().execute(async (trx) => {
      const memberIds = [...new Set(input.memberIds ?? [])];
      await checkMembers(trx, ctx.actor.organizationId, memberIds, input.requiredTag ?? null, (index) => `body.memberIds.${index}`);
      const created = await trx
        .insertInto('pools')
        .values({ organization_id: ctx.actor.organizationId, name: input.name, required_tag: input.requiredTag ?? null, created_at: ctx.now })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (memberIds.length > 0) {
        await trx.insertInto('pool_members').values(memberIds.map((userId) => ({ pool_id: created.id, user_id: userId, organization_id: created.organization_id }))).execute();
      }
      await recordAudit(trx, ctx, {
        action: 'pool.created',
        entityType: 'pool',
        entityId: created.id,
        changes: { ...createdFields({ name: created.name, required_tag: created.required_tag }), member_ids: { from: null, to: memberIds } },
      });
      return created;
    }),
  );
  return getPool(db, ctx, pool.id);
}

/** Renames a pool or changes its required tag; every current member must carry a new tag. */
export async function updatePool(db: Kysely<Database>, ctx: RequestContext, id: string, input: PoolChanges): Promise<PoolDetails> {
  await withNameConflict(input.name, () =>
    db.transaction().execute(async (trx) => {
      const before = await findPool(trx, ctx, id, 'update', true);
      const next = { name: input.name ?? before.name, required_tag: input.requiredTag === undefined ? before.required_tag : input.requiredTag };
      const changes = changedFields(before, next);
      if (Object.keys(changes).length === 0) return;
      if (next.required_tag && next.required_tag !== before.required_tag) {
        const missing = await trx
          .selectFrom('pool_members')
          .innerJoin('users', 'users.id', 'pool_members.user_id')
          .select('users.name')
          .where('pool_members.pool_id', '=', id)
          .where(sql<boolean>`not (${next.required_tag} = any(users.tags))`)
          .orderBy('users.name')
          .execute();
        if (missing.length > 0) {
          throw new RuleViolation(`Members without the tag "${next.required_tag}": ${missing.map((m) => m.name).join(', ')}. Tag them or remove them first.`);
        }
      }
      await trx.updateTable('pools').set(next).where('id', '=', id).execute();
      await recordAudit(trx, ctx, { action: 'pool.updated', entityType: 'pool', entityId: id, changes });
    }),
  );
  return getPool(db, ctx, id);
}

/** Deletes a pool no stage uses any more. */
export async function deletePool(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const pool = await findPool(trx, ctx, id, 'delete', true);
    const users = await trx
      .selectFrom('stages')
      .innerJoin('requisitions', 'requisitions.id', 'stages.requisition_id')
      .select(['requisitions.title', 'stages.name'])
      .where('stages.organization_id', '=', pool.organization_id)
      .where(sql<boolean>`jsonb_path_exists(stages.rules, '$.sessions[*].requirements[*] ? (@.poolId == $pool)', jsonb_build_object('pool', ${id}::text))`)
      .orderBy('requisitions.title')
      .limit(5)
      .execute();
    if (users.length > 0) {
      throw new Conflict(`The pool "${pool.name}" is used by ${users.map((u) => `${u.title} › ${u.name}`).join(', ')}: change those stages first.`);
    }
    await trx.deleteFrom('pools').where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'pool.deleted', entityType: 'pool', entityId: id, changes: { name: { from: pool.name, to: null } } });
  });
}

export async function addPoolMember(db: Kysely<Database>, ctx: RequestContext, id: string, userId: string): Promise<PoolDetails> {
  await db.transaction().execute(async (trx) => {
    const pool = await findPool(trx, ctx, id, 'update', true);
    await checkMembers(trx, pool.organization_id, [userId], pool.required_tag, () => 'body.userId');
    const inserted = await trx
      .insertInto('pool_members')
      .values({ pool_id: id, user_id: userId, organization_id: pool.organization_id })
      .onConflict((oc) => oc.doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (inserted) await recordAudit(trx, ctx, { action: 'pool.member_added', entityType: 'pool', entityId: id, changes: { user_id: userId } });
  });
  return getPool(db, ctx, id);
}

export async function removePoolMember(db: Kysely<Database>, ctx: RequestContext, id: string, userId: string): Promise<PoolDetails> {
  await db.transaction().execute(async (trx) => {
    await findPool(trx, ctx, id, 'update', true);
    const removed = await trx.deleteFrom('pool_members').where('pool_id', '=', id).where('user_id', '=', userId).returning('user_id').executeTakeFirst();
    if (!removed) throw new NotFound('That person is not a member of this pool.');
    await recordAudit(trx, ctx, { action: 'pool.member_removed', entityType: 'pool', entityId: id, changes: { user_id: userId } });
  });
  return getPool(db, ctx, id);
}

/** The pools a person belongs to, for their interviewer profile. */
export async function poolsOf(db: Kysely<Database>, userId: string): Promise<{ id: string; name: string; requiredTag: string | null }[]> {
  const rows = await db
    .selectFrom('pool_members')
    .innerJoin('pools', 'pools.id', 'pool_members.pool_id')
    .select(['pools.id', 'pools.name', 'pools.required_tag'])
    .where('pool_members.user_id', '=', userId)
    .orderBy('pools.name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, requiredTag: row.required_tag }));
}

async function findPool(db: Kysely<Database>, ctx: RequestContext, id: string, action: 'read' | 'update' | 'delete', lock = false): Promise<Pool> {
  const pool = await db
    .selectFrom('pools')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', ctx.actor.organizationId)
    .$if(lock, (query) => query.forUpdate())
    .executeTakeFirst();
  if (!pool) throw new NotFound('Pool not found.');
  authorize(ctx.actor, action, 'pool', pool);
  return pool;
}

/** Members must be active interviewers or hiring managers of the organization with the pool's tag. */
async function checkMembers(trx: Kysely<Database>, organizationId: string, userIds: string[], requiredTag: string | null, pathOf: (index: number) => string): Promise<void> {
  if (userIds.length === 0) return;
  const users = await trx.selectFrom('users').select(['id', 'role', 'active', 'tags']).where('organization_id', '=', organizationId).where('id', 'in', userIds).execute();
  const issues: FieldIssue[] = [];
  userIds.forEach((id, index) => {
    const user = users.find((u) => u.id === id);
    const message = !user
      ? 'is not a user of this organization'
      : !user.active
        ? 'is deactivated'
        : !memberRoles.includes(user.role)
          ? 'must be an interviewer or a hiring manager'
          : requiredTag && !user.tags.includes(requiredTag)
            ? `must carry the pool's tag "${requiredTag}"`
            : null;
    if (message) issues.push({ path: pathOf(index), message });
  });
  throwIssues(issues);
}

async function withMembers(db: Kysely<Database>, pools: Pool[]): Promise<PoolDetails[]> {
  if (pools.length === 0) return [];
  const rows = await db
    .selectFrom('pool_members')
    .innerJoin('users', 'users.id', 'pool_members.user_id')
    .select(['pool_members.pool_id', 'users.id', 'users.name', 'users.role', 'users.tags', 'users.active'])
    .where('pool_members.pool_id', 'in', pools.map((pool) => pool.id))
    .orderBy('users.name')
    .execute();
  return pools.map((pool) => ({
    pool,
    members: rows.filter((row) => row.pool_id === pool.id).map(({ pool_id: _pool, ...member }) => member),
  }));
}

async function withNameConflict<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Conflict && (error.details as { constraint?: string } | undefined)?.constraint === 'pools_name_unique') {
      throw new Conflict(`A pool named "${name ?? ''}" already exists.`, { field: 'name' });
    }
    throw error;
  }
}
