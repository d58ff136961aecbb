import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/auth/actor.js';
import { chainHash, type AuditContent } from '../../src/core/audit-chain.js';
import type { DatabaseHandle } from '../../src/db/connection.js';
import type { Database } from '../../src/db/schema.js';
import { recordAudit, verifyAuditChain } from '../../src/services/audit.js';
import { backends, openTestDatabase } from '../helpers/db.js';
import { makeOrganization } from '../helpers/factories.js';

const start = new Date('2026-12-01T15:00:00Z');

describe.each(backends)('the audit chain on the %s database', (backend) => {
  let database: DatabaseHandle;
  let db: Kysely<Database>;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    db = database.db;
  });
  afterAll(() => database.close());

  /** A new organization with `count` events, each written in its own transaction like a real change. */
  async function chainOf(count: number): Promise<string> {
    const org = await makeOrganization(db);
    for (let i = 1; i <= count; i++) {
      const ctx = systemContext(org.id, new Date(start.getTime() + i * 60_000));
      await db.transaction().execute((trx) =>
        recordAudit(trx, ctx, { action: 'user.updated', entityType: 'user', entityId: `user-${i}`, changes: { role: { from: 'interviewer', to: 'coordinator' } } }),
      );
    }
    return org.id;
  }

  /** What an attacker with the table owner's rights does: switch the app's triggers off, change rows, switch them back on. */
  async function tamper(statements: (trx: Kysely<Database>) => Promise<unknown>): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(trx);
      await statements(trx);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(trx);
    });
  }

  const row = (organizationId: string, seq: number) =>
    db.selectFrom('audit_events').selectAll().where('organization_id', '=', organizationId).where('seq', '=', seq).executeTakeFirstOrThrow();

  it('verifies an intact chain', async () => {
    const org = await chainOf(5);
    expect(await verifyAuditChain(db, org)).toEqual({ organizationId: org, events: 5, ok: true, firstBreak: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the append-only triggers', async () => {
    const org = await chainOf(2);
    await expect(sql`UPDATE audit_events SET action = 'nothing.happened' WHERE organization_id = ${org}`.execute(db)).rejects.toThrow(/append-only: UPDATE/);
    await expect(sql`DELETE FROM audit_events WHERE organization_id = ${org}`.execute(db)).rejects.toThrow(/append-only: DELETE/);
    await expect(sql`TRUNCATE audit_events`.execute(db)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await verifyAuditChain(db, org)).toMatchObject({ ok: true, events: 2 });
  });

  it('detects an edited change', async () => {
    const org = await chainOf(5);
    await tamper((trx) => sql`UPDATE audit_events SET changes = '{"role": {"from": "interviewer", "to": "admin"}}' WHERE organization_id = ${org} AND seq = 3`.execute(trx));
    const result = await verifyAuditChain(db, org);
    expect(result).toMatchObject({ ok: false, events: 5, firstBreak: { seq: 3, reason: 'edited', id: (await row(org, 3)).id } });
  });

  it('detects an edited action', async () => {
    const org = await chainOf(4);
    await tamper((trx) => sql`UPDATE audit_events SET action = 'user.viewed' WHERE organization_id = ${org} AND seq = 2`.execute(trx));
    expect((await verifyAuditChain(db, org)).firstBreak).toMatchObject({ seq: 2, reason: 'edited' });
  });

  it('detects an edit whose own hash was recomputed, at the next link', async () => {
    const org = await chainOf(4);
    const original = await row(org, 2);
    const content: AuditContent = {
      organizationId: org, seq: 2, occurredAt: original.occurred_at.toISOString(), actorType: original.actor_type, actorId: original.actor_id,
      actorLabel: original.actor_label, action: 'user.viewed', entityType: original.entity_type, entityId: original.entity_id,
      changes: original.changes, ip: original.ip, userAgent: original.user_agent,
    };
    await tamper((trx) => sql`UPDATE audit_events SET action = 'user.viewed', hash = ${chainHash(original.prev_hash, content)} WHERE id = ${original.id}`.execute(trx));
    expect((await verifyAuditChain(db, org)).firstBreak).toMatchObject({ seq: 3, reason: 'relinked' });
  });

  it('detects a deleted row in the middle', async () => {
    const org = await chainOf(5);
    await tamper((trx) => sql`DELETE FROM audit_events WHERE organization_id = ${org} AND seq = 3`.execute(trx));
    expect(await verifyAuditChain(db, org)).toMatchObject({ ok: false, events: 4, firstBreak: { seq: 3, reason: 'missing', id: null } });
  });

  it('detects two rows that swapped places', async () => {
    const org = await chainOf(5);
    await tamper(async (trx) => {
      await sql`UPDATE audit_events SET seq = -1 WHERE organization_id = ${org} AND seq = 2`.execute(trx);
      await sql`UPDATE audit_events SET seq = 2 WHERE organization_id = ${org} AND seq = 4`.execute(trx);
      await sql`UPDATE audit_events SET seq = 4 WHERE organization_id = ${org} AND seq = -1`.execute(trx);
    });
    const { firstBreak } = await verifyAuditChain(db, org);
    expect(firstBreak?.seq).toBe(2);
    expect(['relinked', 'edited']).toContain(firstBreak?.reason);
  });

  it('detects a forged row slipped into the middle, even with a correctly computed hash', async () => {
    const org = await chainOf(4);
    const before = await row(org, 2);
    const forged: AuditContent = {
      organizationId: org, seq: 3, occurredAt: new Date(start.getTime() + 150_000).toISOString(), actorType: 'system', actorId: null,
      actorLabel: 'Loopwise', action: 'user.deleted', entityType: 'user', entityId: 'user-x', changes: null, ip: null, userAgent: null,
    };
    await tamper(async (trx) => {
      await sql`UPDATE audit_events SET seq = -seq WHERE organization_id = ${org} AND seq >= 3`.execute(trx);
      await sql`UPDATE audit_events SET seq = -seq + 1 WHERE organization_id = ${org} AND seq < 0`.execute(trx);
      await trx.insertInto('audit_events').values({
        organization_id: org, seq: 3, occurred_at: forged.occurredAt, actor_type: 'system', actor_id: null, actor_label: 'Loopwise',
        action: forged.action, entity_type: 'user', entity_id: 'user-x', changes: null, ip: null, user_agent: null,
        prev_hash: before.hash, hash: chainHash(before.hash, forged),
      }).execute();
    });
    expect(await verifyAuditChain(db, org)).toMatchObject({ ok: false, events: 5, firstBreak: { seq: 4, reason: 'relinked' } });
  });

  it('detects a forged row appended with made-up hashes', async () => {
    const org = await chainOf(3);
    await db.insertInto('audit_events').values({
      organization_id: org, seq: 4, occurred_at: start, actor_type: 'system', actor_id: null, actor_label: 'Loopwise',
      action: 'user.deleted', entity_type: 'user', entity_id: 'user-x', changes: null, ip: null, user_agent: null,
      prev_hash: 'f'.repeat(64), hash: 'e'.repeat(64),
    }).execute();
    expect((await verifyAuditChain(db, org)).firstBreak).toMatchObject({ seq: 4, reason: 'relinked' });
  });

  it('keeps each organization’s chain separate', async () => {
    const broken = await chainOf(3);
    const intact = await chainOf(3);
    await tamper((trx) => sql`UPDATE audit_events SET entity_id = 'someone-else' WHERE organization_id = ${broken} AND seq = 1`.execute(trx));
    expect((await verifyAuditChain(db, broken)).firstBreak).toMatchObject({ seq: 1, reason: 'edited' });
    expect((await verifyAuditChain(db, intact)).ok).toBe(true);
  });

  it('walks chains longer than one page and still finds a break near the end', async () => {
    const org = (await makeOrganization(db)).id;
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2100; i++) await recordAudit(trx, systemContext(org, start), { action: 'user.viewed', entityType: 'user', entityId: `user-${i}` });
    });
    expect(await verifyAuditChain(db, org)).toMatchObject({ ok: true, events: 2100 });
    await tamper((trx) => sql`DELETE FROM audit_events WHERE organization_id = ${org} AND seq = 2050`.execute(trx));
    expect(await verifyAuditChain(db, org)).toMatchObject({ ok: false, events: 2099, firstBreak: { seq: 2050, reason: 'missing' } });
  }, 120_000); // 2,100 chained inserts: seconds alone, much longer on a loaded machine

  it('gives concurrent writers in one organization a gap-free chain', async () => {
    const org = (await makeOrganization(db)).id;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await sql`select pg_sleep(0.01)`.execute(trx);
          await recordAudit(trx, systemContext(org, new Date(start.getTime() + i * 1000)), { action: 'user.updated', entityType: 'user', entityId: `user-${i}` });
        }),
      ),
    );
    const seqs = (await db.selectFrom('audit_events').select('seq').where('organization_id', '=', org).orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await verifyAuditChain(db, org)).toMatchObject({ ok: true, events: 20 });
  });
});
