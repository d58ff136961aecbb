import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { auditActions, demoIds, makeCandidateFor } from '../helpers/directory-factories.js';

type Ids = Awaited<ReturnType<typeof demoIds>>;

describe.each(backends)('candidates and notes on the %s database', (backend) => {
  let t: TestApp;
  let ids: Ids;
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true });
    ids = await demoIds(t.database.db);
    for (const email of ['recruiter@acme.test', 'hm@acme.test', 'client@northwind.test', 'client@globex.test', 'interviewer1@acme.test', 'admin@beta.test']) {
      sessions[email] = await signIn(t.app, email);
    }
  });
  afterAll(() => t.close());

  const as = (email: string) => {
    const session = sessions[email];
    if (!session) throw new Error(`no session for ${email}`);
    return session.headers;
  };
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, email: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as(email), ...(payload ? { payload } : {}) });
  const names = (body: { items: { name: string }[] }) => body.items.map((c) => c.name);

  it('creates a candidate, validates the time zone and email with field paths, and audits without personal data', async () => {
    const res = await call('POST', '/candidates', 'recruiter@acme.test', { name: 'Ana Ruiz', email: 'Ana.Ruiz@Example.com', timeZone: 'Europe/Madrid', source: 'referral', phone: '+34 600 000 000' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Ana Ruiz', email: 'ana.ruiz@example.com', timeZone: 'Europe/Madrid', source: 'referral', noShowCount: 0 });
    const event = await t.database.db.selectFrom('audit_events').selectAll().where('entity_id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(event.action).toBe('candidate.created');
    expect(JSON.stringify(event.changes)).not.toContain('ruiz');

    const bad = await call('POST', '/candidates', 'recruiter@acme.test', { name: '', email: 'nope', timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.name', 'body.email', 'body.timeZone']));
  });

  it('updates details and records which personal fields changed without their values', async () => {
    const id = ids.candidate('Kenji Tanaka');
    const res = await call('PATCH', `/candidates/${id}`, 'recruiter@acme.test', { phone: '+1 415 555 0101', timeZone: 'America/Denver' });
    expect(res.json()).toMatchObject({ phone: '+1 415 555 0101', timeZone: 'America/Denver' });
    const event = await t.database.db.selectFrom('audit_events').select('changes').where('entity_id', '=', id).where('action', '=', 'candidate.updated').executeTakeFirstOrThrow();
    expect(event.changes).toEqual({ phone: { changed: true }, time_zone: { from: 'America/Los_Angeles', to: 'America/Denver' } });
  });

  it('upserts by external id', async () => {
    const body = { name: 'Lee Park', email: 'lee@example.com', timeZone: 'Asia/Seoul', source: 'job_board' };
    const first = await call('PUT', '/candidates/by-external-id/GH-C-1', 'recruiter@acme.test', body);
    expect(first.statusCode).toBe(201);
    const again = await call('PUT', '/candidates/by-external-id/GH-C-1', 'recruiter@acme.test', { ...body, name: 'Lee Min Park' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, name: 'Lee Min Park', externalId: 'GH-C-1' });
    expect((await call('PATCH', `/candidates/${first.json().id}`, 'recruiter@acme.test', { externalId: 'C-2001' })).statusCode).toBe(409);
    expect((await call('PUT', '/candidates/by-external-id/GH-C-2', 'hm@acme.test', body)).statusCode).toBe(403);
  });

  it('records every view of a candidate’s personal data', async () => {
    const id = ids.candidate('Priya Sharma');
    expect((await call('GET', `/candidates/${id}`, 'recruiter@acme.test')).statusCode).toBe(200);
    expect((await call('GET', `/candidates/${id}`, 'hm@acme.test')).statusCode).toBe(200);
    const views = await t.database.db.selectFrom('audit_events').select(['actor_id', 'action']).where('entity_id', '=', id).where('action', '=', 'candidate.viewed').execute();
    expect(views.map((v) => v.actor_id)).toEqual([ids.user('recruiter@acme.test'), ids.user('hm@acme.test')]);
    // A refused read is not a view.
    expect((await call('GET', `/candidates/${id}`, 'client@northwind.test')).statusCode).toBe(404);
    expect(await auditActions(t.database.db, id)).toHaveLength(2);
  });

  it('shows staff everything, with applications and internal notes', async () => {
    const res = await call('GET', `/candidates/${ids.candidate('Priya Sharma')}`, 'recruiter@acme.test');
    expect(res.json()).toMatchObject({ email: 'priya.sharma@example.com', source: 'referral', timeZone: 'Asia/Kolkata', externalId: 'C-2001' });
    expect(res.json().applications).toMatchObject([{ requisition: { title: 'Senior Backend Engineer' }, stage: { kind: 'panel' }, status: 'active' }]);
    expect(res.json().notes).toMatchObject([{ body: expect.stringContaining('distributed-systems'), author: { name: 'Riley Recruiter' } }]);
  });

  it('scopes a hiring manager to their requisitions’ candidates, with notes, and only those applications', async () => {
    const list = names((await call('GET', '/candidates?limit=100', 'hm@acme.test')).json());
    expect(list).toEqual(['Daniel Okoye', 'James Whitfield', 'Priya Sharma']);
    expect((await call('GET', `/candidates/${ids.candidate('Maria Gonzalez')}`, 'hm@acme.test')).statusCode).toBe(404);
    const daniel = (await call('GET', `/candidates/${ids.candidate('Daniel Okoye')}`, 'hm@acme.test')).json();
    expect(daniel.applications.map((a: { requisition: { title: string } }) => a.requisition.title)).toEqual(['Senior Backend Engineer']);
    const note = await call('POST', `/candidates/${ids.candidate('Priya Sharma')}/notes`, 'hm@acme.test', { body: 'Great system design answers.' });
    expect(note.statusCode).toBe(201);
    expect(note.json().author.name).toBe('Harper Manager');
    const notes = (await call('GET', `/candidates/${ids.candidate('Priya Sharma')}/notes`, 'hm@acme.test')).json().items;
    expect(notes[0].body).toBe('Great system design answers.');
    expect(await auditActions(t.database.db, ids.candidate('Priya Sharma'))).toContain('candidate.note_added');
    expect((await call('POST', `/candidates/${ids.candidate('Maria Gonzalez')}/notes`, 'hm@acme.test', { body: 'x' })).statusCode).toBe(404);
    expect((await call('PATCH', `/candidates/${ids.candidate('Priya Sharma')}`, 'hm@acme.test', { name: 'x' })).statusCode).toBe(403);
  });

  it('shows a client user only candidates submitted to their client: name and zone, never contact, source or notes', async () => {
    const list = (await call('GET', '/candidates?limit=100', 'client@northwind.test')).json();
    expect(names(list)).toEqual(['Maria Gonzalez']);
    expect(Object.keys(list.items[0]).sort()).toEqual(['id', 'name', 'timeZone']);
    const maria = await call('GET', `/candidates/${ids.candidate('Maria Gonzalez')}`, 'client@northwind.test');
    expect(maria.statusCode).toBe(200);
    expect(Object.keys(maria.json()).sort()).toEqual(['applications', 'id', 'name', 'timeZone']);
    expect(maria.json().applications).toMatchObject([{ requisition: { title: 'Data Analyst' }, stage: { kind: 'client' } }]);
    const text = maria.payload;
    for (const secret of ['maria.gonzalez@example.com', '+1 312', 'agency_sourcing', 'C-2003', 'Salary expectation']) expect(text).not.toContain(secret);
    expect((await call('GET', `/candidates/${ids.candidate('Maria Gonzalez')}/notes`, 'client@northwind.test')).statusCode).toBe(403);
    // Not submitted yet, and Globex's candidate: both invisible.
    expect((await call('GET', `/candidates/${ids.candidate('Kenji Tanaka')}`, 'client@northwind.test')).statusCode).toBe(404);
    expect((await call('GET', `/candidates/${ids.candidate('Chloe Martin')}`, 'client@northwind.test')).statusCode).toBe(404);
    expect(names((await call('GET', '/candidates', 'client@globex.test')).json())).toEqual(['Chloe Martin']);
    // Searching by email would reveal it: client users match names only.
    expect((await call('GET', '/candidates?q=example.com', 'client@northwind.test')).json().items).toEqual([]);
  });

  it('hides the stage of a submitted candidate while it is internal', async () => {
    const { candidate } = await makeCandidateFor(t.database.db, ids.org('Acme Staffing'), { clientId: ids.client('Northwind'), submitted: true });
    const seen = (await call('GET', `/candidates/${candidate.id}`, 'client@northwind.test')).json();
    expect(seen.applications[0].stage).toBeNull();
  });

  it('gives interviewers no candidates and no notes, and other organizations nothing', async () => {
    expect((await call('GET', '/candidates', 'interviewer1@acme.test')).statusCode).toBe(403);
    expect((await call('GET', `/candidates/${ids.candidate('Priya Sharma')}`, 'interviewer1@acme.test')).statusCode).toBe(404);
    expect((await call('GET', `/candidates/${ids.candidate('Priya Sharma')}/notes`, 'interviewer1@acme.test')).statusCode).toBe(404);
    expect((await call('GET', `/candidates/${ids.candidate('Priya Sharma')}`, 'admin@beta.test')).statusCode).toBe(404);
    expect((await call('GET', '/candidates', 'admin@beta.test')).json().items).toEqual([]);
  });

  it('filters by requisition and searches names and emails for staff, with pages', async () => {
    const byRequisition = names((await call('GET', `/candidates?requisitionId=${ids.requisition('Product Designer')}`, 'recruiter@acme.test')).json());
    expect(byRequisition).toEqual(['Chloe Martin', 'Daniel Okoye']);
    expect(names((await call('GET', '/candidates?q=priya.sharma@', 'recruiter@acme.test')).json())).toEqual(['Priya Sharma']);
    const first = (await call('GET', '/candidates?limit=3', 'recruiter@acme.test')).json();
    const second = (await call('GET', `/candidates?limit=3&cursor=${first.nextCursor}`, 'recruiter@acme.test')).json();
    expect(new Set([...names(first), ...names(second)]).size).toBe(6);
    expect((await call('GET', '/candidates?cursor=garbage', 'recruiter@acme.test')).statusCode).toBe(400);
  });
});
