import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { auditActions, demoIds, makePool } from '../helpers/directory-factories.js';

type Ids = Awaited<ReturnType<typeof demoIds>>;

describe.each(backends)('interviewer pools on the %s database', (backend) => {
  let t: TestApp;
  let ids: Ids;
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true });
    ids = await demoIds(t.database.db);
    for (const email of ['admin@acme.test', 'coordinator@acme.test', 'hm@acme.test', 'interviewer1@acme.test', 'client@northwind.test', 'admin@beta.test']) {
      sessions[email] = await signIn(t.app, email);
    }
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, email: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: sessions[email]?.headers ?? {}, ...(payload ? { payload } : {}) });
  const interviewer = (n: number) => ids.user(`interviewer${n}@acme.test`);

  it('lists the demo pools with their members for staff', async () => {
    const res = await call('GET', '/pools', 'coordinator@acme.test');
    expect(res.statusCode).toBe(200);
    const pools = res.json().items as { name: string; requiredTag: string; members: { name: string }[] }[];
    expect(pools.map((p) => [p.name, p.requiredTag, p.members.length])).toEqual([
      ['Backend', 'technical', 5],
      ['Culture', 'culture', 4],
    ]);
    expect(pools[0]?.members.map((m) => m.name)).toContain('Lena Novak');
  });

  it('creates a pool with a required tag and members who carry it, with field paths for those who do not', async () => {
    const ok = await call('POST', '/pools', 'admin@acme.test', { name: 'Spanish speakers', requiredTag: 'spanish', memberIds: [interviewer(2)] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: 'Spanish speakers', requiredTag: 'spanish', members: [{ name: 'Omar Diaz', tags: ['technical', 'spanish'] }] });
    expect(await auditActions(t.database.db, ok.json().id)).toEqual(['pool.created']);

    const bad = await call('POST', '/pools', 'admin@acme.test', {
      name: 'Bad',
      requiredTag: 'spanish',
      memberIds: [interviewer(1), ids.user('recruiter@acme.test'), ids.user('admin@beta.test')],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: 'body.memberIds.0', message: 'must carry the pool\'s tag "spanish"' },
      { path: 'body.memberIds.1', message: 'must be an interviewer or a hiring manager' },
      { path: 'body.memberIds.2', message: 'is not a user of this organization' },
    ]);
    expect((await call('POST', '/pools', 'admin@acme.test', { name: 'Backend' })).statusCode).toBe(409);
    expect((await call('POST', '/pools', 'admin@acme.test', { name: 'X', requiredTag: 'Not A Tag' })).json().error.details[0].path).toBe('body.requiredTag');
  });

  it('adds and removes members, auditing each', async () => {
    const pool = await makePool(t.database.db, ids.org('Acme Staffing'));
    const added = await call('POST', `/pools/${pool.id}/members`, 'admin@acme.test', { userId: ids.user('hm@acme.test') });
    expect(added.json().members.map((m: { name: string }) => m.name)).toEqual(['Harper Manager']);
    const removed = await call('DELETE', `/pools/${pool.id}/members/${ids.user('hm@acme.test')}`, 'admin@acme.test');
    expect(removed.json().members).toEqual([]);
    expect((await call('DELETE', `/pools/${pool.id}/members/${ids.user('hm@acme.test')}`, 'admin@acme.test')).statusCode).toBe(404);
    expect(await auditActions(t.database.db, pool.id)).toEqual(['pool.member_added', 'pool.member_removed']);
    const deactivated = await call('POST', `/pools/${pool.id}/members`, 'admin@acme.test', { userId: ids.user('client@northwind.test') });
    expect(deactivated.json().error.details).toEqual([{ path: 'body.userId', message: 'must be an interviewer or a hiring manager' }]);
  });

  it('refuses a new required tag that current members lack (422), and accepts it once they carry it', async () => {
    const pool = await makePool(t.database.db, ids.org('Acme Staffing'), { memberIds: [interviewer(6), interviewer(7)] });
    const refused = await call('PATCH', `/pools/${pool.id}`, 'admin@acme.test', { requiredTag: 'spanish' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('Raj Iyer');
    const ok = await call('PATCH', `/pools/${pool.id}`, 'admin@acme.test', { requiredTag: 'culture', name: 'Culture B' });
    expect(ok.json()).toMatchObject({ name: 'Culture B', requiredTag: 'culture' });
  });

  it('keeps a pool that a stage uses (409) and deletes an unused one', async () => {
    const used = await call('DELETE', `/pools/${ids.pool('Backend')}`, 'admin@acme.test');
    expect(used.statusCode).toBe(409);
    expect(used.json().error.message).toContain('Senior Backend Engineer');
    const pool = await makePool(t.database.db, ids.org('Acme Staffing'));
    expect((await call('DELETE', `/pools/${pool.id}`, 'admin@acme.test')).statusCode).toBe(204);
    expect((await call('GET', `/pools/${pool.id}`, 'admin@acme.test')).statusCode).toBe(404);
    expect(await auditActions(t.database.db, pool.id)).toEqual(['pool.deleted']);
  });

  it('lets staff read, only admins change; hides pools from everyone else and other organizations', async () => {
    expect((await call('PATCH', `/pools/${ids.pool('Backend')}`, 'coordinator@acme.test', { name: 'x' })).statusCode).toBe(403);
    for (const email of ['hm@acme.test', 'interviewer1@acme.test', 'client@northwind.test']) {
      expect((await call('GET', '/pools', email)).statusCode).toBe(403);
      expect((await call('GET', `/pools/${ids.pool('Backend')}`, email)).statusCode).toBe(404);
    }
    expect((await call('GET', `/pools/${ids.pool('Backend')}`, 'admin@beta.test')).statusCode).toBe(404);
    expect((await call('GET', '/pools', 'admin@beta.test')).json().items).toEqual([]);
  });
});
