import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Actor, RequestContext } from '../auth/actor.js';
import { authorize, can } from '../auth/policies.js';
import { Conflict, NotFound } from '../core/errors.js';
import type { Client, Database, User } from '../db/schema.js';
import { changedFields, recordAudit } from './audit.js';
import { decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';
import { createdFields, likePattern, visibleUsers } from './users.js';

export interface ClientFilter extends PageRequest {
  archived?: boolean | undefined;
  q?: string | undefined;
}

export interface NewClientInput {
  name: string;
  externalId?: string | null | undefined;
}

export interface ClientChanges {
  name?: string | undefined;
  externalId?: string | null | undefined;
  archived?: boolean | undefined;
}

/**
 * The clients an actor may see, from the client policy: staff see every client, a client user
 * only their own. Roles the policy never lets read a client get 404, as for any client.
 */
function visibleClients(db: Kysely<Database>, actor: Actor): SelectQueryBuilder<Database, 'clients', Client> {
  const query = db.selectFrom('clients').selectAll().where('organization_id', '=', actor.organizationId);
  if (can(actor, 'read', 'client')) return query;
  if (actor.kind === 'user' && actor.clientId) return query.where('id', '=', actor.clientId);
  throw new NotFound('No clients are visible to your role.');
}

export async function listClients(db: Kysely<Database>, ctx: RequestContext, filter: ClientFilter): Promise<Page<Client>> {
  let query = visibleClients(db, ctx.actor).orderBy('name').orderBy('id').limit(filter.limit + 1);
  if (filter.archived !== undefined) query = query.where('archived_at', filter.archived ? 'is not' : 'is', null);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('external_id', 'ilike', pattern)]));
  }
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    query = query.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(after.key, after.id)));
  }
  return toPage(await query.execute(), filter.limit, (client) => client.name);
}

export async function getClient(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<Client> {
  const client = await db.selectFrom('clients').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).executeTakeFirst();
  if (!client) throw new NotFound('Client not found.');
  authorize(ctx.actor, 'read', 'client', client);
  return client;
}

/** The client's portal users, as far as the user policy lets the actor see them. */
export async function listClientUsers(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<User[]> {
  const client = await getClient(db, ctx, id);
  return visibleUsers(db, ctx.actor).where('client_id', '=', client.id).orderBy('name').orderBy('id').limit(500).execute();
}

export async function createClient(db: Kysely<Database>, ctx: RequestContext, input: NewClientInput): Promise<Client> {
  authorize(ctx.actor, 'create', 'client', { organization_id: ctx.actor.organizationId });
  return withReadableConflict(input.name, () =>
    db.transaction().execute(async (trx) => {
      const client = await trx
        .insertInto('clients')
        .values({ organization_id: ctx.actor.organizationId, name: input.name, external_id: input.externalId ?? null, created_at: ctx.now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'client.created',
        entityType: 'client',
        entityId: client.id,
        changes: createdFields({ name: client.name, external_id: client.external_id }),
      });
      return client;
    }),
  );
}

/** Renames, re-keys, archives or unarchives a client, recording before → after. */
export async function updateClient(db: Kysely<Database>, ctx: RequestContext, id: string, input: ClientChanges): Promise<Client> {
  return withReadableConflict(input.name, () =>
    db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('clients').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).forUpdate().executeTakeFirst();
      if (!before) throw new NotFound('Client not found.');
      authorize(ctx.actor, 'update', 'client', before);
      const archivedAt = input.archived === undefined ? before.archived_at : input.archived ? (before.archived_at ?? ctx.now) : null;
      const next = { name: input.name ?? before.name, external_id: input.externalId === undefined ? before.external_id : input.externalId, archived_at: archivedAt };
      const changes = changedFields(before, next);
      if (Object.keys(changes).length === 0) return before;
      const after = await trx.updateTable('clients').set(next).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, { action: 'client.updated', entityType: 'client', entityId: before.id, changes });
      return after;
    }),
  );
}

async function withReadableConflict<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Conflict && (error.details as { constraint?: string } | undefined)?.constraint === 'clients_name_unique') {
      throw new Conflict(`A client named "${name ?? ''}" already exists.`, { field: 'name' });
    }
    throw error;
  }
}
