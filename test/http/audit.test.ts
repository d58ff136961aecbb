import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAnchorKey } from '../../src/core/audit-anchor.js';
import { anchorAuditHeads } from '../../src/services/audit-anchors.js';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';

interface EventBody {
  seq: number;
  action: string;
  occurredAt: string;
  actor: { type: string; id: string | null };
  entity: { type: string; id: string | null };
  ip?: string | null;
  userAgent?: string | null;
}

describe.each(backends)('the audit trail over HTTP on the %s database', (backend) => {
  let t: TestApp;
  let admin: Session;
  let recruiter: Session;
  let clock = new Date('2026-12-01T15:00:00Z');
  const keyIds: string[] = [];

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => clock });
    admin = await signIn(t.app, 'admin@acme.test');
    recruiter = await signIn(t.app, 'recruiter@acme.test');
    for (const name of ['One', 'Two', 'Three']) {
      clock = new Date(clock.getTime() + 3_600_000);
      const res = await t.app.inject({
        method: 'POST', url: '/api/v1/api-keys', headers: { ...admin.headers, 'user-agent': 'audit-test' }, remoteAddress: '203.0.113.7',
        payload: { name, scope: 'read' },
      });
      keyIds.push(res.json().apiKey.id);
    }
    clock = new Date(clock.getTime() + 3_600_000);
    await t.app.inject({ method: 'POST', url: `/api/v1/api-keys/${keyIds[0]}/revoke`, headers: admin.headers });
  });
  afterAll(() => t.close());

  const list = async (query: string, session: Session = admin) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: session.headers });
    return { status: res.statusCode, body: res.json<{ items: EventBody[]; nextCursor: string | null }>() };
  };

  it('lists the organization’s events newest first, with who, what and from where', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    const seqs = body.items.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(body.items[0]).toMatchObject({ action: 'api_key.revoked', entity: { type: 'api_key', id: keyIds[0] }, actor: { type: 'user' } });
    expect(body.items.find((e) => e.entity.id === keyIds[2])).toMatchObject({ ip: '203.0.113.7', userAgent: 'audit-test' });
  });

  it('shows recruiters what happened but not the network details of whoever did it', async () => {
    const { status, body } = await list('?entityType=api_key', recruiter);
    expect(status).toBe(200);
    expect(body.items.length).toBe(4);
    for (const event of body.items) expect(event).not.toHaveProperty('ip');
    expect(JSON.stringify(body)).not.toContain('203.0.113.7');
  });

  it('filters by entity, actor and time', async () => {
    const byEntity = await list(`?entityType=api_key&entityId=${keyIds[0]}`);
    expect(byEntity.body.items.map((e) => e.action)).toEqual(['api_key.revoked', 'api_key.created']);

    const adminId = byEntity.body.items[0]!.actor.id!;
    const byActor = await list(`?actorId=${adminId}`);
    expect(byActor.body.items.filter((e) => e.entity.type === 'api_key')).toHaveLength(4);
    expect(new Set(byActor.body.items.map((e) => e.actor.id))).toEqual(new Set([adminId]));

    const window = await list('?from=2026-12-01T17:00:00Z&to=2026-12-01T19:00:00Z');
    expect(window.body.items.map((e) => e.occurredAt)).toEqual(['2026-12-01T18:00:00.000Z', '2026-12-01T17:00:00.000Z']);
    expect((await list('?entityType=candidate')).body.items).toEqual([]);
  });

  it('pages through every event with limit and cursor', async () => {
    const all = (await list('?limit=100')).body.items.map((e) => e.seq);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: EventBody[]; nextCursor: string | null } = (await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('refuses bad filters with the field that is wrong', async () => {
    for (const [query, field] of [
      ['?limit=101', 'querystring.limit'],
      ['?from=yesterday', 'querystring.from'],
      ['?entityType=DROP%20TABLE', 'querystring.entityType'],
      ['?whatever=1', 'querystring'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: admin.headers });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.details[0].path).toBe(field);
    }
    const cursor = await t.app.inject({ method: 'GET', url: '/api/v1/audit?cursor=bm90LWEtY3Vyc29y', headers: admin.headers });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.details).toEqual([{ path: 'querystring.cursor', message: 'is not a valid cursor' }]);
  });

  it('is hidden from roles that may not see it', async () => {
    for (const email of ['hm@acme.test', 'interviewer1@acme.test', 'client@northwind.test']) {
      const s = await signIn(t.app, email);
      expect((await list('', s)).status).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: s.headers })).statusCode).toBe(404);
    }
  });

  it('verifies the chain and reports the first broken link after tampering', async () => {
    const acme = await t.database.db.selectFrom('organizations').select('id').where('name', '=', 'Acme Staffing').executeTakeFirstOrThrow();
    const stored = await t.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', acme.id).executeTakeFirstOrThrow();
    const events = Number(stored.n);
    const intact = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: recruiter.headers });
    expect(intact.json()).toMatchObject({ ok: true, events, firstBreak: null, head: { seq: events }, anchors: { count: 0, coveredEvents: 0, unanchoredEvents: events, problems: [] } });

    await anchorAuditHeads(t.database.db, deriveAnchorKey(t.app.deps.config.encryptionKey), clock);
    const anchored = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: recruiter.headers });
    expect(anchored.json()).toMatchObject({ ok: true, anchors: { count: 1, valid: 1, coveredEvents: events, unanchoredEvents: 0, lastAnchoredAt: clock.toISOString() } });

    await t.database.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(trx);
      await sql`DELETE FROM audit_events WHERE organization_id = ${acme.id} AND seq = 3`.execute(trx);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(trx);
    });
    const broken = await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.headers });
    expect(broken.json()).toMatchObject({ ok: false, events: events - 1, firstBreak: { seq: 3, id: null, reason: 'missing', message: 'Event 3 is missing (next is 4).' } });

    await t.database.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(trx);
      await sql`DELETE FROM audit_events WHERE organization_id = ${acme.id} AND seq = ${events}`.execute(trx);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(trx);
    });
    const truncated = (await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: admin.headers })).json();
    expect(truncated.anchors.problems).toEqual([
      expect.objectContaining({ reason: 'truncated', seq: events, message: `Newest events were removed: event ${events} was anchored at ${clock.toISOString()}, but the chain now ends at event ${events - 1}.` }),
    ]);

    const beta = await signIn(t.app, 'admin@beta.test');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: beta.headers })).json()).toMatchObject({ ok: true });
  });
});
