import { sql, type Kysely } from 'kysely';
import { chainHash, findChainBreak, genesisHash, type AuditContent, type ChainBreak, type ChainLink } from '../core/audit-chain.js';
import type { RequestContext } from '../auth/actor.js';
import { authorize } from '../auth/policies.js';
import { Invalid } from '../core/errors.js';
import type { AuditEvent, Database } from '../db/schema.js';
import { decodeCursor, toPage, type Page } from './pagination.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  /** Changed fields as `{ field: { from, to } }`, or any small detail object. */
  changes?: Record<string, unknown> | null;
}

/**
 * Appends one event to the organization's hash chain. Must run inside the transaction of the
 * change it records; the advisory lock serializes writers of one organization so `seq` has no gaps.
 */
export async function recordAudit(trx: Kysely<Database>, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  const organizationId = ctx.actor.organizationId;
  await sql`select pg_advisory_xact_lock(hashtextextended(${organizationId}, 0))`.execute(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('organization_id', '=', organizationId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const content: AuditContent = {
    organizationId,
    seq: (last?.seq ?? 0) + 1,
    occurredAt: ctx.now.toISOString(),
    actorType: ctx.actor.kind,
    actorId: ctx.actor.kind === 'system' ? null : ctx.actor.id,
    actorLabel: ctx.actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: entry.changes ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  };
  const prevHash = last?.hash ?? genesisHash;
  await trx
    .insertInto('audit_events')
    .values({
      organization_id: organizationId,
      seq: content.seq,
      occurred_at: content.occurredAt,
      actor_type: content.actorType,
      actor_id: content.actorId,
      actor_label: content.actorLabel,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      changes: content.changes === null ? null : JSON.stringify(content.changes),
      ip: content.ip,
      user_agent: content.userAgent,
      prev_hash: prevHash,
      hash: chainHash(prevHash, content),
    })
    .execute();
}

/** `{ field: { from, to } }` for the fields whose values differ. */
export function changedFields<T extends object>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(after)) {
    const from = (before as Record<string, unknown>)[field];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

function toLink(row: AuditEvent): ChainLink {
  return {
    id: row.id,
    prevHash: row.prev_hash,
    hash: row.hash,
    content: {
      organizationId: row.organization_id,
      seq: row.seq,
      occurredAt: row.occurred_at.toISOString(),
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorLabel: row.actor_label,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      changes: row.changes,
      ip: row.ip,
      userAgent: row.user_agent,
    },
  };
}

export interface VerifyResult {
  organizationId: string;
  events: number;
  ok: boolean;
  firstBreak: ChainBreak | null;
}

const verifyPage = 1000;

/**
 * One organization's events after position `afterSeq`, in pages, ordered by `seq` then `id`.
 * Physical order (ctid) would hide a swapped seq; ordering by seq then id keeps a reordered or
 * duplicated seq visible to the walk. Keyset pages on (seq, id): each page is one index range
 * scan, however long the chain.
 */
export async function loadChain(db: Kysely<Database>, organizationId: string, afterSeq = 0): Promise<AuditEvent[]> {
  const rows: AuditEvent[] = [];
  for (let last: AuditEvent | undefined; ; ) {
    let query = db.selectFrom('audit_events').selectAll().where('organization_id', '=', organizationId);
    if (afterSeq > 0) query = query.where('seq', '>', afterSeq);
    if (last) {
      const after = last;
      query = query.where((eb) => eb(eb.refTuple('seq', 'id'), '>', eb.tuple(after.seq, after.id)));
    }
    const page = await query.orderBy('seq').orderBy('id').limit(verifyPage).execute();
    rows.push(...page);
    if (page.length < verifyPage) break;
    last = page[page.length - 1];
  }
  return rows;
}

/** The first broken link of stored events (all of them, or those after a known position and hash). */
export function chainBreakOf(rows: AuditEvent[], after?: { seq: number; hash: string }): ChainBreak | null {
  return findChainBreak(rows.map(toLink), after);
}

/** Re-computes one organization's chain in pages and reports the first broken link. */
export async function verifyAuditChain(db: Kysely<Database>, organizationId: string): Promise<VerifyResult> {
  const rows = await loadChain(db, organizationId);
  const firstBreak = chainBreakOf(rows);
  return { organizationId, events: rows.length, ok: firstBreak === null, firstBreak };
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  /** Events at or after this instant. */
  from?: Date | undefined;
  /** Events before this instant. */
  to?: Date | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The organization's events matching the filter, newest first, a page at a time (cursor on `seq`). */
export async function listAuditEvents(db: Kysely<Database>, ctx: RequestContext, filter: AuditFilter): Promise<Page<AuditEvent>> {
  const organizationId = ctx.actor.organizationId;
  authorize(ctx.actor, 'read', 'audit', { organization_id: organizationId });
  let query = db.selectFrom('audit_events').selectAll().where('organization_id', '=', organizationId);
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (filter.cursor) query = query.where('seq', '<', seqOfCursor(filter.cursor));
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit + 1).execute();
  return toPage(rows, filter.limit, (event) => String(event.seq));
}

function seqOfCursor(cursor: string): number {
  const seq = Number(decodeCursor(cursor).key);
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new Invalid('That cursor is not valid: pass the nextCursor of the previous page.', [{ path: 'querystring.cursor', message: 'is not a valid cursor' }]);
  }
  return seq;
}
