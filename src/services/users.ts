import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Actor, RequestContext } from '../auth/actor.js';
import { authorize, can } from '../auth/policies.js';
import { NotFound, RuleViolation } from '../core/errors.js';
import type { Database, Role, User } from '../db/schema.js';
import { inviteEmail } from './account-emails.js';
import { issueUserToken, tokenLifetimeMinutes } from './account-tokens.js';
import { changedFields, recordAudit } from './audit.js';
import { enqueueEmail } from './email-outbox.js';
import { decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';
import { endAllSessions } from './sessions.js';

export interface UserFilter extends PageRequest {
  role?: Role | undefined;
  active?: boolean | undefined;
  /** Part of a name or email. */
  q?: string | undefined;
}

export interface Invitation {
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  clientId?: string | null | undefined;
}

export interface UserChanges {
  name?: string | undefined;
  role?: Role | undefined;
  timeZone?: string | undefined;
  active?: boolean | undefined;
  clientId?: string | null | undefined;
}

/**
 * The users an actor may see, from the same policy as a single read: staff and hiring managers
 * see the organization, everyone else only themselves.
 */
export function visibleUsers(db: Kysely<Database>, actor: Actor): SelectQueryBuilder<Database, 'users', User> {
  const query = db.selectFrom('users').selectAll().where('organization_id', '=', actor.organizationId);
  if (can(actor, 'read', 'user')) return query;
  return actor.kind === 'user' ? query.where('id', '=', actor.id) : query.where(sql<boolean>`false`);
}

/** Escapes `%`, `_` and `\` so a search term matches literally inside ILIKE. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export async function listUsers(db: Kysely<Database>, ctx: RequestContext, filter: UserFilter): Promise<Page<User>> {
  let query = visibleUsers(db, ctx.actor).orderBy('name').orderBy('id').limit(filter.limit + 1);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
  }
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    query = query.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(after.key, after.id)));
  }
  return toPage(await query.execute(), filter.limit, (user) => user.name);
}

export async function getUser(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<User> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).executeTakeFirst();
  if (!user) throw new NotFound('User not found.');
  authorize(ctx.actor, 'read', 'user', user);
  return user;
}

/**
 * Creates the account without a password and emails a single-use link to set one, all in one
 * transaction: no invited user exists without their email queued.
 */
export async function inviteUser(db: Kysely<Database>, ctx: RequestContext, input: Invitation, publicUrl: string): Promise<User> {
  authorize(ctx.actor, 'create', 'user', { organization_id: ctx.actor.organizationId });
  const clientId = input.role === 'client_user' ? (input.clientId ?? null) : null;
  assertClientMatchesRole(input.role, input.clientId);
  return db.transaction().execute(async (trx) => {
    if (clientId) await assertOpenClient(trx, ctx.actor.organizationId, clientId);
    const user = await trx
      .insertInto('users')
      .values({
        organization_id: ctx.actor.organizationId,
        email: input.email.trim().toLowerCase(),
        name: input.name,
        role: input.role,
        time_zone: input.timeZone,
        client_id: clientId,
        password_hash: null,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await sendInvite(trx, ctx, user, publicUrl);
    await recordAudit(trx, ctx, {
      action: 'user.invited',
      entityType: 'user',
      entityId: user.id,
      changes: createdFields({ email: user.email, name: user.name, role: user.role, time_zone: user.time_zone, client_id: user.client_id }),
    });
    return user;
  });
}

/** Sends a fresh invite link (the previous one stops working) to someone who has not accepted yet. */
export async function resendInvite(db: Kysely<Database>, ctx: RequestContext, id: string, publicUrl: string): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, ctx, id);
    authorize(ctx.actor, 'update', 'user', user);
    if (!user.active) throw new RuleViolation(`${user.name} is deactivated: reactivate them before sending an invite.`);
    if (user.password_hash) throw new RuleViolation(`${user.name} has already accepted the invite and set a password.`);
    await sendInvite(trx, ctx, user, publicUrl);
    await recordAudit(trx, ctx, { action: 'user.invite_resent', entityType: 'user', entityId: user.id });
    return user;
  });
}

async function sendInvite(trx: Kysely<Database>, ctx: RequestContext, user: User, publicUrl: string): Promise<void> {
  const organization = await trx.selectFrom('organizations').select('name').where('id', '=', user.organization_id).executeTakeFirstOrThrow();
  const { id, token } = await issueUserToken(trx, user, 'invite', ctx.now);
  await enqueueEmail(trx, {
    organizationId: user.organization_id,
    dedupeKey: `user_token:${id}`,
    now: ctx.now,
    message: inviteEmail({
      to: user.email,
      name: user.name,
      organization: organization.name,
      invitedBy: ctx.actor.name,
      link: `${publicUrl}/invite/${token}`,
      days: tokenLifetimeMinutes.invite / (24 * 60),
    }),
  });
}

/**
 * Changes role, name, time zone, client or active flag. Deactivating ends every session and open
 * link of the user; no change may leave the organization without an active admin.
 */
export async function updateUser(db: Kysely<Database>, ctx: RequestContext, id: string, input: UserChanges): Promise<User> {
  return db.transaction().execute(async (trx) => {
    // Lock the admins who can sign in first, in id order, so two admins demoting each other
    // serialize; an admin whose invite is still open does not count.
    const admins = await trx
      .selectFrom('users')
      .select('id')
      .where('organization_id', '=', ctx.actor.organizationId)
      .where('role', '=', 'admin')
      .where('active', '=', true)
      .where('password_hash', 'is not', null)
      .orderBy('id')
      .forUpdate()
      .execute();
    const before = await lockUser(trx, ctx, id);
    authorize(ctx.actor, 'update', 'user', before);

    const role = input.role ?? before.role;
    const active = input.active ?? before.active;
    const clientId = role === 'client_user' ? (input.clientId ?? before.client_id) : null;
    assertClientMatchesRole(role, input.clientId === undefined ? clientId : input.clientId);
    if (clientId && clientId !== before.client_id) await assertOpenClient(trx, ctx.actor.organizationId, clientId);
    const losesAdmin = before.role === 'admin' && before.active && (role !== 'admin' || !active);
    if (losesAdmin && admins.every((admin) => admin.id === before.id)) {
      throw new RuleViolation(`${before.name} is the last active admin: make someone else an admin first.`);
    }

    const next = { name: input.name ?? before.name, role, time_zone: input.timeZone ?? before.time_zone, active, client_id: clientId };
    const changes = changedFields(before, next);
    if (Object.keys(changes).length === 0) return before;
    const after = await trx.updateTable('users').set({ ...next, updated_at: ctx.now }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
    if (before.active && !active) {
      const endedSessions = await endAllSessions(trx, before.id);
      await trx.updateTable('user_tokens').set({ expires_at: ctx.now }).where('user_id', '=', before.id).where('used_at', 'is', null).where('expires_at', '>', ctx.now).execute();
      changes.endedSessions = { from: endedSessions, to: 0 };
    }
    await recordAudit(trx, ctx, { action: 'user.updated', entityType: 'user', entityId: before.id, changes });
    return after;
  });
}

async function lockUser(trx: Kysely<Database>, ctx: RequestContext, id: string): Promise<User> {
  const user = await trx.selectFrom('users').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).forUpdate().executeTakeFirst();
  if (!user) throw new NotFound('User not found.');
  // Someone who may not see the user gets the same 404 as for a missing one.
  authorize(ctx.actor, 'read', 'user', user);
  return user;
}

function assertClientMatchesRole(role: Role, clientId: string | null | undefined): void {
  if (role === 'client_user' && !clientId) {
    throw new RuleViolation('Client users must belong to a client: choose one.', [{ path: 'body.clientId', message: 'is required for client users' }]);
  }
  if (role !== 'client_user' && clientId) {
    throw new RuleViolation('Only client users belong to a client.', [{ path: 'body.clientId', message: 'must be empty unless the role is client_user' }]);
  }
}

async function assertOpenClient(trx: Kysely<Database>, organizationId: string, clientId: string): Promise<void> {
  const client = await trx.selectFrom('clients').select(['id', 'archived_at']).where('id', '=', clientId).where('organization_id', '=', organizationId).executeTakeFirst();
  if (!client) throw new RuleViolation('That client does not exist in your organization.', [{ path: 'body.clientId', message: 'is not a client of this organization' }]);
  if (client.archived_at) throw new RuleViolation('That client is archived: unarchive it before adding users.', [{ path: 'body.clientId', message: 'is archived' }]);
}

/** Audit changes of a new record: every field from null. */
export function createdFields(fields: Record<string, unknown>): Record<string, { from: null; to: unknown }> {
  return Object.fromEntries(Object.entries(fields).map(([field, to]) => [field, { from: null, to }]));
}
