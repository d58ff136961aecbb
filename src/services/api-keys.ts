import { sql, type Kysely } from 'kysely';
import type { ApiKeyActor, RequestContext } from '../auth/actor.js';
import { authorize } from '../auth/policies.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { NotFound } from '../core/errors.js';
import type { ApiKey, ApiKeyScope, Database } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';

export const apiKeyPrefix = 'lw_';
const touchSeconds = 60;

/** The integration behind a bearer key, or null when it is unknown or revoked. */
export async function resolveApiKey(db: Kysely<Database>, key: string, now: Date): Promise<ApiKeyActor | null> {
  if (!key.startsWith(apiKeyPrefix)) return null;
  const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', hashToken(key)).executeTakeFirst();
  if (!row || row.revoked_at) return null;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > touchSeconds * 1000) {
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { kind: 'api_key', id: row.id, organizationId: row.organization_id, scope: row.scope, name: row.name };
}

/** The organization's keys, newest first, a page at a time; revoked keys stay listed. */
export async function listApiKeys(db: Kysely<Database>, ctx: RequestContext, page: PageRequest): Promise<Page<ApiKey>> {
  authorize(ctx.actor, 'read', 'apiKey', { organization_id: ctx.actor.organizationId });
  let query = db
    .selectFrom('api_keys')
    .selectAll()
    .where('organization_id', '=', ctx.actor.organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor) {
    const after = decodeCursor(page.cursor);
    // Compare with the stored row, not the cursor's text: timestamps keep microseconds.
    query = query.where(
      sql<boolean>`(api_keys.created_at, api_keys.id) < (select last.created_at, last.id from api_keys last where last.id = ${after.id} and last.organization_id = ${ctx.actor.organizationId})`,
    );
  }
  return toPage(await query.execute(), page.limit, (key) => key.created_at.toISOString());
}

/** Creates a key and returns it with its secret: the only time the secret is ever shown. */
export async function createApiKey(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: { name: string; scope: ApiKeyScope },
): Promise<{ apiKey: ApiKey; secret: string }> {
  authorize(ctx.actor, 'create', 'apiKey', { organization_id: ctx.actor.organizationId });
  const secret = newToken(apiKeyPrefix);
  return db.transaction().execute(async (trx) => {
    const apiKey = await trx
      .insertInto('api_keys')
      .values({
        organization_id: ctx.actor.organizationId,
        name: input.name,
        scope: input.scope,
        prefix: secret.slice(0, apiKeyPrefix.length + 6),
        key_hash: hashToken(secret),
        created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        created_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: apiKey.id,
      changes: { name: { from: null, to: input.name }, scope: { from: null, to: input.scope } },
    });
    return { apiKey, secret };
  });
}

export async function revokeApiKey(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<ApiKey> {
  return db.transaction().execute(async (trx) => {
    const key = await trx.selectFrom('api_keys').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).forUpdate().executeTakeFirst();
    if (!key) throw new NotFound('API key not found.');
    authorize(ctx.actor, 'revoke', 'apiKey', key);
    if (key.revoked_at) return key;
    const revoked = await trx.updateTable('api_keys').set({ revoked_at: ctx.now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'api_key.revoked', entityType: 'api_key', entityId: id });
    return revoked;
  });
}
