import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';

describe.each(backends)('users on the %s database', (backend) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true });
    admin = await signIn(t.app, 'admin@acme.test');
  });
  afterAll(() => t.close());

  const get = (url: string, headers = admin.headers) => t.app.inject({ method: 'GET', url, headers });
  const patch = (id: string, payload: object, headers = admin.headers) => t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers, payload });
  const invite = (payload: object, headers = admin.headers) => t.app.inject({ method: 'POST', url: '/api/v1/users/invites', headers, payload });
  const idOf = async (email: string) => (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const clientId = async (name: string) => (await t.database.db.selectFrom('clients').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const lastAudit = async (entityId: string) =>
    t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', entityId).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  it('pages through the organization in name order without gaps or repeats', async () => {
    const seen: { name: string; email: string }[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/api/v1/users?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(14);
    expect(new Set(seen.map((u) => u.email)).size).toBe(14);
    expect(seen.every((u) => u.email.endsWith('.test') && !u.email.includes('beta'))).toBe(true);
    const names = seen.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(JSON.stringify(seen)).not.toMatch(/argon2|password_hash|token/i);
    expect((await get('/api/v1/users?cursor=not-a-cursor')).statusCode).toBe(400);
    expect((await get('/api/v1/users?limit=1000')).statusCode).toBe(400);
  });

  it('filters by role, active flag and a search term', async () => {
    expect((await get('/api/v1/users?role=interviewer&limit=100')).json().items).toHaveLength(8);
    const search = (await get('/api/v1/users?q=NORTHWIND')).json().items;
    expect(search.map((u: { email: string }) => u.email)).toEqual(['client@northwind.test']);
    expect((await get('/api/v1/users?q=100%25')).json().items).toEqual([]);
    expect((await get('/api/v1/users?active=false')).json().items).toEqual([]);
    expect((await get('/api/v1/users?role=wizard')).statusCode).toBe(400);
  });

  it('shows interviewers and client users only themselves; hiring managers the organization', async () => {
    for (const email of ['interviewer1@acme.test', 'client@northwind.test']) {
      const s = await signIn(t.app, email);
      expect((await get('/api/v1/users', s.headers)).json().items.map((u: { email: string }) => u.email)).toEqual([email]);
      expect((await get(`/api/v1/users/${await idOf(email)}`, s.headers)).statusCode).toBe(200);
      expect((await get(`/api/v1/users/${await idOf('recruiter@acme.test')}`, s.headers)).statusCode).toBe(404);
    }
    const hm = await signIn(t.app, 'hm@acme.test');
    expect((await get('/api/v1/users?limit=100', hm.headers)).json().items).toHaveLength(14);
  });

  it('hides other organizations: Beta Talent gets 404 for Acme users', async () => {
    const beta = await signIn(t.app, 'admin@beta.test');
    const acmeUser = await idOf('recruiter@acme.test');
    expect((await get(`/api/v1/users/${acmeUser}`, beta.headers)).statusCode).toBe(404);
    expect((await patch(acmeUser, { name: 'Taken over' }, beta.headers)).statusCode).toBe(404);
    expect((await get('/api/v1/users', beta.headers)).json().items.map((u: { email: string }) => u.email)).toEqual(['admin@beta.test']);
  });

  it('invites a client user only with a client of the same organization', async () => {
    const base = { name: 'Cleo Client', role: 'client_user', timeZone: 'America/Chicago' };
    const missing = await invite({ ...base, email: 'cleo@northwind.test' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details[0].path).toBe('body.clientId');

    const betaOrg = await t.database.db.selectFrom('organizations').select('id').where('name', '=', 'Beta Talent').executeTakeFirstOrThrow();
    const betaClient = await t.database.db.insertInto('clients').values({ organization_id: betaOrg.id, name: 'Beta Client' }).returning('id').executeTakeFirstOrThrow();
    expect((await invite({ ...base, email: 'cleo@northwind.test', clientId: betaClient.id })).statusCode).toBe(422);
    expect((await invite({ ...base, role: 'recruiter', email: 'cleo@northwind.test', clientId: await clientId('Northwind') })).statusCode).toBe(422);

    const ok = await invite({ ...base, email: 'Cleo@Northwind.test', clientId: await clientId('Northwind') });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ email: 'cleo@northwind.test', role: 'client_user', clientId: await clientId('Northwind'), invitePending: true });
    const event = await lastAudit(ok.json().id);
    expect(event).toMatchObject({ action: 'user.invited', actor_label: 'Avery Admin' });
    expect(event.changes).toMatchObject({ email: { from: null, to: 'cleo@northwind.test' }, role: { from: null, to: 'client_user' } });

    const duplicate = await invite({ ...base, email: 'cleo@northwind.test', clientId: await clientId('Northwind') });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe('A user with this email already exists in the organization.');
    expect((await invite({ ...base, role: 'recruiter', email: 'zone@acme.test', timeZone: 'Nowhere/Land' })).statusCode).toBe(400);
    expect((await invite({ ...base, role: 'recruiter', email: 'not-an-email' })).statusCode).toBe(400);
  });

  it('changes a role with the before → after in the audit trail, and clears the client when leaving client_user', async () => {
    const id = await idOf('interviewer8@acme.test');
    const toClient = await patch(id, { role: 'client_user', clientId: await clientId('Globex') });
    expect(toClient.json()).toMatchObject({ role: 'client_user', clientId: await clientId('Globex') });
    expect((await lastAudit(id)).changes).toEqual({
      role: { from: 'interviewer', to: 'client_user' },
      client_id: { from: null, to: await clientId('Globex') },
    });
    const back = await patch(id, { role: 'interviewer' });
    expect(back.json()).toMatchObject({ role: 'interviewer', clientId: null });
    expect((await patch(id, { role: 'client_user' })).statusCode).toBe(422);
  });

  it('deactivating ends every session of the user; reactivating lets them sign in again', async () => {
    const id = await idOf('interviewer6@acme.test');
    const session = await signIn(t.app, 'interviewer6@acme.test');
    const res = await patch(id, { active: false });
    expect(res.json().active).toBe(false);
    expect((await get('/api/v1/me', session.headers)).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'interviewer6@acme.test', password: 'loopwise-demo' } });
    expect(again.statusCode).toBe(401);
    expect(await t.database.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute()).toEqual([]);
    expect((await lastAudit(id)).changes).toMatchObject({ active: { from: true, to: false }, endedSessions: { from: 1, to: 0 } });
    expect((await get('/api/v1/users?active=false')).json().items.map((u: { id: string }) => u.id)).toEqual([id]);
    await patch(id, { active: true });
    await signIn(t.app, 'interviewer6@acme.test');
  });

  it('refuses to demote or deactivate the last active admin with 422, and allows it once there is another', async () => {
    const beta = await signIn(t.app, 'admin@beta.test');
    const betaAdmin = await idOf('admin@beta.test');
    const demote = await patch(betaAdmin, { role: 'recruiter' }, beta.headers);
    expect(demote.statusCode).toBe(422);
    expect(demote.json().error.message).toMatch(/last active admin/);
    expect((await patch(betaAdmin, { active: false }, beta.headers)).statusCode).toBe(422);

    // An admin who has not accepted their invite cannot sign in, so does not count.
    const pending = await invite({ email: 'second@beta.test', name: 'Second Admin', role: 'admin', timeZone: 'UTC' }, beta.headers);
    expect(pending.statusCode).toBe(201);
    expect((await patch(betaAdmin, { role: 'recruiter' }, beta.headers)).statusCode).toBe(422);

    const acmeAdmin = await idOf('admin@acme.test');
    expect((await patch(acmeAdmin, { active: false })).statusCode).toBe(422);
    const recruiter = await idOf('recruiter@acme.test');
    expect((await patch(recruiter, { role: 'admin' })).statusCode).toBe(200);
    const self = await patch(acmeAdmin, { role: 'coordinator' });
    expect(self.statusCode).toBe(200);
    expect((await get('/api/v1/me')).json().user.role).toBe('coordinator');
    expect((await patch(recruiter, { role: 'recruiter' })).statusCode).toBe(403);
  });

  it('refuses changes by non-admins with 403 and unknown fields with 400', async () => {
    const coordinator = await signIn(t.app, 'coordinator@acme.test');
    const target = await idOf('interviewer2@acme.test');
    expect((await patch(target, { name: 'Nope' }, coordinator.headers)).statusCode).toBe(403);
    expect((await invite({ email: 'x@acme.test', name: 'X', role: 'admin', timeZone: 'UTC' }, coordinator.headers)).statusCode).toBe(403);
    const recruiterAdmin = await signIn(t.app, 'recruiter@acme.test');
    expect((await patch(target, { passwordHash: 'x' }, recruiterAdmin.headers)).statusCode).toBe(400);
  });
});
