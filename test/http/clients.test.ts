import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';

describe.each(backends)('clients on the %s database', (backend) => {
  let t: TestApp;
  let admin: Session;
  let northwind: string;
  let globex: string;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true });
    admin = await signIn(t.app, 'admin@acme.test');
    const ids = Object.fromEntries((await t.database.db.selectFrom('clients').select(['id', 'name']).execute()).map((c) => [c.name, c.id]));
    northwind = String(ids.Northwind);
    globex = String(ids.Globex);
  });
  afterAll(() => t.close());

  const get = (url: string, headers = admin.headers) => t.app.inject({ method: 'GET', url, headers });
  const create = (payload: object, headers = admin.headers) => t.app.inject({ method: 'POST', url: '/api/v1/clients', headers, payload });
  const patch = (id: string, payload: object, headers = admin.headers) => t.app.inject({ method: 'PATCH', url: `/api/v1/clients/${id}`, headers, payload });
  const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((c) => c.name);

  it('shows staff every client, in name order', async () => {
    const recruiter = await signIn(t.app, 'recruiter@acme.test');
    expect(names(await get('/api/v1/clients', recruiter.headers))).toEqual(['Globex', 'Northwind']);
    const page = await get('/api/v1/clients?limit=1');
    expect(names(page)).toEqual(['Globex']);
    expect(names(await get(`/api/v1/clients?limit=1&cursor=${page.json().nextCursor}`))).toEqual(['Northwind']);
  });

  it('keeps a client user inside their own client: Northwind cannot see Globex', async () => {
    const nora = await signIn(t.app, 'client@northwind.test');
    const list = await get('/api/v1/clients', nora.headers);
    expect(names(list)).toEqual(['Northwind']);
    expect(list.body).not.toContain(globex);
    expect((await get(`/api/v1/clients/${northwind}`, nora.headers)).json()).toMatchObject({ name: 'Northwind', archived: false });
    const other = await get(`/api/v1/clients/${globex}`, nora.headers);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe('Client not found.');
    expect((await get(`/api/v1/clients/${globex}/users`, nora.headers)).statusCode).toBe(404);
    expect((await patch(northwind, { name: 'Southwind' }, nora.headers)).statusCode).toBe(403);
  });

  it("lists a client's portal users for staff", async () => {
    const res = await get(`/api/v1/clients/${globex}/users`);
    expect(res.json().items.map((u: { email: string }) => u.email)).toEqual(['client@globex.test']);
    expect(res.body).not.toMatch(/argon2/);
  });

  it('hides clients from hiring managers, interviewers and other organizations (404)', async () => {
    for (const email of ['hm@acme.test', 'interviewer1@acme.test']) {
      const s = await signIn(t.app, email);
      expect((await get('/api/v1/clients', s.headers)).statusCode).toBe(404);
      expect((await get(`/api/v1/clients/${northwind}`, s.headers)).statusCode).toBe(404);
    }
    const beta = await signIn(t.app, 'admin@beta.test');
    expect((await get(`/api/v1/clients/${northwind}`, beta.headers)).statusCode).toBe(404);
    expect((await patch(northwind, { name: 'Mine now' }, beta.headers)).statusCode).toBe(404);
    expect((await get('/api/v1/clients', beta.headers)).json().items).toEqual([]);
  });

  it('lets admins create a client, audited, and refuses duplicate names readably', async () => {
    const res = await create({ name: ' Initech ', externalId: 'ATS-42' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Initech', externalId: 'ATS-42', archived: false, archivedAt: null });
    const event = await t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'client.created', entity_type: 'client' });
    expect(event.changes).toEqual({ name: { from: null, to: 'Initech' }, external_id: { from: null, to: 'ATS-42' } });

    const duplicate = await create({ name: 'Initech' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe('A client named "Initech" already exists.');
    expect((await create({ name: '' })).statusCode).toBe(400);
    const recruiter = await signIn(t.app, 'recruiter@acme.test');
    expect((await create({ name: 'Umbrella' }, recruiter.headers)).statusCode).toBe(403);
  });

  it('archives and unarchives, with before → after in the audit trail and an archived filter', async () => {
    const { id } = (await create({ name: 'Hooli' })).json();
    const archived = await patch(id, { archived: true, externalId: 'H-1' });
    expect(archived.json()).toMatchObject({ archived: true, externalId: 'H-1' });
    const event = await t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', id).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event.action).toBe('client.updated');
    expect(event.changes).toMatchObject({ external_id: { from: null, to: 'H-1' }, archived_at: { from: null } });
    expect(names(await get('/api/v1/clients?archived=false'))).not.toContain('Hooli');
    expect(names(await get('/api/v1/clients?archived=true'))).toEqual(['Hooli']);

    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users/invites',
      headers: admin.headers,
      payload: { email: 'gavin@hooli.test', name: 'Gavin', role: 'client_user', timeZone: 'America/Los_Angeles', clientId: id },
    });
    expect(invite.statusCode).toBe(422);
    expect(invite.json().error.message).toMatch(/archived/);

    expect((await patch(id, { archived: false, externalId: null })).json()).toMatchObject({ archived: false, externalId: null });
    expect((await patch(id, { name: 'Northwind' })).statusCode).toBe(409);
  });
});
