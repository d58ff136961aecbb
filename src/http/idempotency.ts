import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Conflict, Invalid, RuleViolation } from '../core/errors.js';
import { hashToken } from '../auth/tokens.js';

export const idempotencyHeader = 'idempotency-key';
/** A key whose first request never finished (a crash) may be reused after this long. */
const abandonedAfterMs = 5 * 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | null;
  }
}

/** Who used a key: keys never collide across organizations, actors or candidate links. */
function scopeOf(request: FastifyRequest): string | null {
  const { actor } = request;
  if (actor) return `${actor.organizationId}:${actor.kind}:${actor.kind === 'system' ? 'system' : actor.id}`;
  const token = (request.params as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? `link:${hashToken(token)}` : null;
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`).digest('hex');
}

/**
 * `Idempotency-Key` for every POST of the plugin it is registered in (DESIGN §4), backed by the
 * `idempotency_keys` table: the same key with the same body answers the stored response and runs
 * nothing again; with a different body 422; while the first request still runs 409. Responses
 * of 5xx are not stored, so a retry after a server error runs again.
 */
export function registerIdempotency(app: FastifyInstance): void {
  if (!app.hasRequestDecorator('idempotency')) app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[idempotencyHeader];
    if (request.method !== 'POST' || key === undefined) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new Invalid('The Idempotency-Key header must be 1–200 visible ASCII characters.', [{ path: 'headers.idempotency-key', message: 'is invalid' }]);
    }
    const scope = scopeOf(request);
    if (!scope) return;
    const db = app.deps.database.db;
    const hash = requestHash(request);
    const now = app.deps.now();
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({ scope, key, request_hash: hash, created_at: now })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const stored = await db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirstOrThrow();
      if (stored.request_hash !== hash) throw new RuleViolation('This Idempotency-Key was already used with a different request.', { key });
      if (stored.status_code === null) {
        const abandoned = now.getTime() - stored.created_at.getTime() > abandonedAfterMs;
        if (!abandoned) throw new Conflict('A request with this Idempotency-Key is still in progress; retry shortly.', { key });
        await db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).where('status_code', 'is', null).execute();
        await db.insertInto('idempotency_keys').values({ scope, key, request_hash: hash, created_at: now }).execute();
      } else {
        return reply
          .code(stored.status_code)
          .header('idempotent-replayed', 'true')
          .type('application/json; charset=utf-8')
          .send(JSON.stringify(stored.response));
      }
    }
    request.idempotency = { scope, key };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    const db = app.deps.database.db;
    const where = db.updateTable('idempotency_keys').where('scope', '=', claim.scope).where('key', '=', claim.key);
    if (reply.statusCode >= 500) {
      await db.deleteFrom('idempotency_keys').where('scope', '=', claim.scope).where('key', '=', claim.key).execute();
      return payload;
    }
    const body = typeof payload === 'string' && payload.length > 0 ? payload : 'null';
    await where.set({ status_code: reply.statusCode, response: body }).execute();
    return payload;
  });
}
