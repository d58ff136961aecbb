import { sql, type Kysely, type Selectable } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize } from '../auth/policies.js';
import { anchorMac, anchorMacValid, checkAnchors, type AnchorProblem, type StoredAnchor } from '../core/audit-anchor.js';
import type { AuditAnchorTable, Database } from '../db/schema.js';
import { chainBreakOf, loadChain, type VerifyResult } from './audit.js';

/**
 * Audit anchors: the hash chain alone has no secret, so someone with write access to the
 * database can edit an event and recompute every later hash, or drop the newest events, and the
 * chain still verifies. An anchor is an HMAC (keyed from `ENCRYPTION_KEY`, which the database
 * does not hold) over an organization's head position and hash at a point in time; verification
 * checks that the chain still has that hash at that position.
 */

interface HeadRow {
  organization_id: string;
  head_seq: number | string | null;
  anchored_seq: number | string | null;
}

/** Organizations whose newest event is newer than their newest anchor: one index probe each. */
async function movedHeads(db: Kysely<Database>): Promise<{ organizationId: string; headSeq: number; anchoredSeq: number }[]> {
  const result = await sql<HeadRow>`
    SELECT o.id AS organization_id,
      (SELECT e.seq FROM audit_events e WHERE e.organization_id = o.id ORDER BY e.seq DESC LIMIT 1) AS head_seq,
      (SELECT a.seq FROM audit_anchors a WHERE a.organization_id = o.id ORDER BY a.seq DESC LIMIT 1) AS anchored_seq
    FROM organizations o
  `.execute(db);
  return result.rows
    .map((row) => ({ organizationId: row.organization_id, headSeq: Number(row.head_seq ?? 0), anchoredSeq: Number(row.anchored_seq ?? 0) }))
    .filter((row) => row.headSeq > row.anchoredSeq);
}

const toStored = (row: Selectable<AuditAnchorTable>): StoredAnchor => ({
  id: row.id,
  organizationId: row.organization_id,
  seq: Number(row.seq),
  eventId: row.event_id,
  eventHash: row.event_hash,
  anchoredAt: row.anchored_at.toISOString(),
  mac: row.mac,
});

/**
 * Anchors the head of every organization whose chain has grown since its last anchor, after
 * checking that the new events link correctly onto the last anchored one (a chain broken since
 * then is not blessed with a fresh anchor). Returns how many anchors were written and, per
 * organization that could not be anchored, why.
 */
export async function anchorAuditHeads(db: Kysely<Database>, key: Buffer, now: Date): Promise<{ written: number; refused: Map<string, string> }> {
  let written = 0;
  const refused = new Map<string, string>();
  for (const { organizationId, anchoredSeq } of await movedHeads(db)) {
    const last = await db.selectFrom('audit_anchors').selectAll().where('organization_id', '=', organizationId).where('seq', '=', anchoredSeq).executeTakeFirst();
    let start = { seq: 0, hash: '0'.repeat(64) };
    if (last) {
      const stored = toStored(last);
      const event = await db.selectFrom('audit_events').select(['id', 'hash']).where('organization_id', '=', organizationId).where('seq', '=', stored.seq).executeTakeFirst();
      if (!anchorMacValid(key, stored, stored.mac) || event?.id !== stored.eventId || event.hash !== stored.eventHash) {
        refused.set(organizationId, `its last anchor (event ${stored.seq}) does not match the chain`);
        continue;
      }
      start = { seq: stored.seq, hash: stored.eventHash };
    }
    const rows = await loadChain(db, organizationId, start.seq);
    const broken = chainBreakOf(rows, start);
    const head = rows[rows.length - 1];
    if (broken || !head) {
      refused.set(organizationId, broken?.message ?? 'no events after the last anchor');
      continue;
    }
    const content = { organizationId, seq: Number(head.seq), eventId: head.id, eventHash: head.hash, anchoredAt: now.toISOString() };
    const inserted = await db
      .insertInto('audit_anchors')
      .values({ organization_id: organizationId, seq: content.seq, event_id: content.eventId, event_hash: content.eventHash, anchored_at: now, mac: anchorMac(key, content) })
      .onConflict((oc) => oc.columns(['organization_id', 'seq']).doNothing())
      .executeTakeFirst();
    written += Number(inserted.numInsertedOrUpdatedRows ?? 0);
  }
  return { written, refused };
}

export interface AnchorSummary {
  /** Anchors stored for the organization, and how many carry a valid HMAC. */
  count: number;
  valid: number;
  /** Events up to the newest anchor that still matches the chain: edits to them are detected. */
  coveredEvents: number;
  /** Events after that anchor: not yet protected against a rewrite or removal. */
  unanchoredEvents: number;
  lastAnchoredAt: string | null;
  problems: AnchorProblem[];
}

export interface TrailVerification extends VerifyResult {
  head: { seq: number; hash: string } | null;
  anchors: AnchorSummary;
}

/**
 * Verifies one organization's whole audit trail: the hash chain (edits, gaps, reordering) and
 * the anchors (hashes recomputed after an edit, newest events removed, forged anchors).
 * `ok` only when both hold.
 */
export async function verifyAuditTrail(db: Kysely<Database>, key: Buffer, organizationId: string): Promise<TrailVerification> {
  const rows = await loadChain(db, organizationId);
  const firstBreak = chainBreakOf(rows);
  const anchorRows = await db.selectFrom('audit_anchors').selectAll().where('organization_id', '=', organizationId).orderBy('seq').execute();
  const bySeq = new Map(rows.map((row) => [Number(row.seq), row]));
  const last = rows[rows.length - 1];
  const headSeq = last ? Number(last.seq) : 0;
  const check = checkAnchors(key, anchorRows.map(toStored), (seq) => bySeq.get(seq), headSeq);
  return {
    organizationId,
    events: rows.length,
    ok: firstBreak === null && check.problems.length === 0,
    firstBreak,
    head: last ? { seq: headSeq, hash: last.hash } : null,
    anchors: {
      count: anchorRows.length,
      valid: check.validAnchors,
      coveredEvents: check.coveredEvents,
      unanchoredEvents: Math.max(0, headSeq - check.coveredEvents),
      lastAnchoredAt: check.lastAnchor?.anchoredAt ?? null,
      problems: check.problems,
    },
  };
}

/** Verifies the audit trail of the actor's own organization. */
export async function verifyOwnAuditTrail(db: Kysely<Database>, ctx: RequestContext, key: Buffer): Promise<TrailVerification> {
  authorize(ctx.actor, 'read', 'audit', { organization_id: ctx.actor.organizationId });
  return verifyAuditTrail(db, key, ctx.actor.organizationId);
}
