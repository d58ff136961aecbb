import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/auth/actor.js';
import { anchorMac, deriveAnchorKey } from '../../src/core/audit-anchor.js';
import { chainHash, type AuditContent } from '../../src/core/audit-chain.js';
import type { DatabaseHandle } from '../../src/db/connection.js';
import type { Database } from '../../src/db/schema.js';
import { auditAnchorsJob } from '../../src/jobs/audit-anchors.js';
import { recordAudit, verifyAuditChain } from '../../src/services/audit.js';
import { anchorAuditHeads, verifyAuditTrail } from '../../src/services/audit-anchors.js';
import { backends, openTestDatabase } from '../helpers/db.js';
import { makeOrganization } from '../helpers/factories.js';

const start = new Date('2026-12-01T15:00:00Z');
const encryptionKey = Buffer.alloc(32, 7);
const key = deriveAnchorKey(encryptionKey);

describe.each(backends)('audit anchors on the %s database', (backend) => {
  let database: DatabaseHandle;
  let db: Kysely<Database>;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    db = database.db;
  });
  afterAll(() => database.close());

  async function addEvents(org: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await db.transaction().execute((trx) =>
        recordAudit(trx, systemContext(org, new Date(start.getTime() + i * 60_000)), { action: 'user.updated', entityType: 'user', entityId: `user-${i}`, changes: { role: { from: 'interviewer', to: 'coordinator' } } }),
      );
    }
  }

  /** A new organization with `count` events, anchored at its head. */
  async function anchoredChain(count: number): Promise<string> {
    const org = (await makeOrganization(db)).id;
    await addEvents(org, count);
    const { refused } = await anchorAuditHeads(db, key, start);
    expect(refused.get(org)).toBeUndefined();
    return org;
  }

  /** An attacker with the table owner's rights: triggers off, rows changed, triggers back on. */
  async function tamper(statements: (trx: Kysely<Database>) => Promise<unknown>): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(trx);
      await sql`ALTER TABLE audit_anchors DISABLE TRIGGER USER`.execute(trx);
      await statements(trx);
      await sql`ALTER TABLE audit_anchors ENABLE TRIGGER USER`.execute(trx);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(trx);
    });
  }

  /** Edits event `seq`'s action and recomputes its hash and every later link, as the chain code would. */
  async function rewriteFrom(trx: Kysely<Database>, org: string, seq: number, action: string): Promise<void> {
    const rows = await trx.selectFrom('audit_events').selectAll().where('organization_id', '=', org).where('seq', '>=', seq).orderBy('seq').execute();
    let prev = rows[0]!.prev_hash;
    for (const row of rows) {
      const content: AuditContent = {
        organizationId: org, seq: Number(row.seq), occurredAt: row.occurred_at.toISOString(), actorType: row.actor_type, actorId: row.actor_id,
        actorLabel: row.actor_label, action: Number(row.seq) === seq ? action : row.action, entityType: row.entity_type, entityId: row.entity_id,
        changes: row.changes, ip: row.ip, userAgent: row.user_agent,
      };
      const hash = chainHash(prev, content);
      await sql`UPDATE audit_events SET action = ${content.action}, prev_hash = ${prev}, hash = ${hash} WHERE id = ${row.id}`.execute(trx);
      prev = hash;
    }
  }

  const anchorsOf = (org: string) => db.selectFrom('audit_anchors').selectAll().where('organization_id', '=', org).orderBy('seq').execute();

  it('anchors a head once, and again only after it moved', async () => {
    const org = (await makeOrganization(db)).id;
    await addEvents(org, 3);
    const job = auditAnchorsJob(db, { encryptionKey, everyMs: 0 });
    expect(await job.runOnce(start)).toBeGreaterThanOrEqual(1);
    expect((await anchorsOf(org)).map((a) => a.seq)).toEqual([3]);
    expect(await job.runOnce(new Date(start.getTime() + 1000))).toBe(0);
    await addEvents(org, 2);
    await job.runOnce(new Date(start.getTime() + 2000));
    expect((await anchorsOf(org)).map((a) => a.seq)).toEqual([3, 5]);
    const trail = await verifyAuditTrail(db, key, org);
    expect(trail).toMatchObject({ ok: true, events: 5, anchors: { count: 2, valid: 2, coveredEvents: 5, unanchoredEvents: 0, problems: [] } });
  });

  it('reports events after the last anchor as not yet protected', async () => {
    const org = await anchoredChain(4);
    await addEvents(org, 3);
    const trail = await verifyAuditTrail(db, key, org);
    expect(trail).toMatchObject({ ok: true, events: 7, head: { seq: 7 }, anchors: { coveredEvents: 4, unanchoredEvents: 3, lastAnchoredAt: start.toISOString() } });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of anchors', async () => {
    const org = await anchoredChain(2);
    await expect(sql`UPDATE audit_anchors SET seq = 1 WHERE organization_id = ${org}`.execute(db)).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql`DELETE FROM audit_anchors WHERE organization_id = ${org}`.execute(db)).rejects.toThrow(/append-only: DELETE/);
    await expect(sql`TRUNCATE audit_anchors`.execute(db)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await anchorsOf(org)).toHaveLength(1);
  });

  it('detects an edit whose hashes were recomputed to the head, which the chain alone misses', async () => {
    const org = await anchoredChain(5);
    await tamper((trx) => rewriteFrom(trx, org, 2, 'user.viewed'));
    expect(await verifyAuditChain(db, org)).toMatchObject({ ok: true, events: 5 });
    const trail = await verifyAuditTrail(db, key, org);
    expect(trail.ok).toBe(false);
    expect(trail.firstBreak).toBeNull();
    expect(trail.anchors.problems).toEqual([
      expect.objectContaining({ reason: 'rewritten', seq: 5, message: expect.stringMatching(/^Event 5 no longer has the hash anchored at .*: events up to it were edited and their hashes recomputed\.$/) }),
    ]);
    expect(trail.anchors.coveredEvents).toBe(0);
  });

  it('detects removed newest events: the head is older than an anchor', async () => {
    const org = await anchoredChain(6);
    await tamper((trx) => sql`DELETE FROM audit_events WHERE organization_id = ${org} AND seq > 4`.execute(trx));
    expect(await verifyAuditChain(db, org)).toMatchObject({ ok: true, events: 4 });
    const trail = await verifyAuditTrail(db, key, org);
    expect(trail).toMatchObject({ ok: false, events: 4, firstBreak: null });
    expect(trail.anchors.problems).toEqual([
      expect.objectContaining({ reason: 'truncated', seq: 6, message: expect.stringMatching(/^Newest events were removed: event 6 was anchored at .*, but the chain now ends at event 4\.$/) }),
    ]);
  });

  it('detects an anchor forged without the key', async () => {
    const org = await anchoredChain(3);
    await addEvents(org, 2);
    const head = await db.selectFrom('audit_events').select(['id', 'hash']).where('organization_id', '=', org).where('seq', '=', 5).executeTakeFirstOrThrow();
    const content = { organizationId: org, seq: 5, eventId: head.id, eventHash: head.hash, anchoredAt: start.toISOString() };
    await db.insertInto('audit_anchors').values({ organization_id: org, seq: 5, event_id: head.id, event_hash: head.hash, anchored_at: start, mac: anchorMac(deriveAnchorKey(Buffer.alloc(32, 9)), content) }).execute();
    const trail = await verifyAuditTrail(db, key, org);
    expect(trail).toMatchObject({ ok: false, anchors: { count: 2, valid: 1, coveredEvents: 3, unanchoredEvents: 2 } });
    expect(trail.anchors.problems).toEqual([expect.objectContaining({ reason: 'forged', seq: 5 })]);
  });

  it('does not bless a chain broken after its last anchor with a new one', async () => {
    const org = await anchoredChain(3);
    await addEvents(org, 2);
    await tamper((trx) => sql`UPDATE audit_events SET action = 'user.viewed' WHERE organization_id = ${org} AND seq = 4`.execute(trx));
    const { refused } = await anchorAuditHeads(db, key, new Date(start.getTime() + 60_000));
    expect(refused.get(org)).toBe('Event 4 was changed after it was written.');
    expect((await anchorsOf(org)).map((a) => a.seq)).toEqual([3]);
    const job = auditAnchorsJob(db, { encryptionKey, everyMs: 0 });
    await expect(job.runOnce(new Date(start.getTime() + 120_000))).rejects.toThrow(new RegExp(`Audit chain not anchored for .*${org} \\(Event 4 was changed after it was written\\.\\)`));
  });

  it('does not anchor with a different key on top of anchors it cannot verify', async () => {
    const org = await anchoredChain(2);
    await addEvents(org, 1);
    const { refused } = await anchorAuditHeads(db, deriveAnchorKey(Buffer.alloc(32, 1)), start);
    expect(refused.get(org)).toBe('its last anchor (event 2) does not match the chain');
  });
});
