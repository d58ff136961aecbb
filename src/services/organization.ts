import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize } from '../auth/policies.js';
import { NotFound } from '../core/errors.js';
import type { Database, Organization } from '../db/schema.js';
import { changedFields, recordAudit } from './audit.js';

export interface OrganizationChanges {
  name?: string | undefined;
  defaultTimeZone?: string | undefined;
}

/** The actor's own organization: the only one they can ever reach. */
export async function getOrganization(db: Kysely<Database>, ctx: RequestContext): Promise<Organization> {
  const organization = await db.selectFrom('organizations').selectAll().where('id', '=', ctx.actor.organizationId).executeTakeFirst();
  if (!organization) throw new NotFound('Organization not found.');
  authorize(ctx.actor, 'read', 'organization', { organization_id: organization.id, id: organization.id });
  return organization;
}

/** Renames the organization or changes its default time zone, recording before → after. */
export async function updateOrganization(db: Kysely<Database>, ctx: RequestContext, input: OrganizationChanges): Promise<Organization> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('organizations').selectAll().where('id', '=', ctx.actor.organizationId).forUpdate().executeTakeFirst();
    if (!before) throw new NotFound('Organization not found.');
    authorize(ctx.actor, 'update', 'organization', { organization_id: before.id, id: before.id });
    const changes = changedFields(before, { name: input.name, default_time_zone: input.defaultTimeZone });
    if (Object.keys(changes).length === 0) return before;
    const after = await trx
      .updateTable('organizations')
      .set({ name: input.name, default_time_zone: input.defaultTimeZone })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'organization.updated', entityType: 'organization', entityId: before.id, changes });
    return after;
  });
}
