import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { auditActions, demoIds, makeCandidate, makeCandidateFor, makeRequisition } from '../helpers/directory-factories.js';

type Ids = Awaited<ReturnType<typeof demoIds>>;

describe.each(backends)('applications on the %s database', (backend) => {
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

  const call = (method: 'GET' | 'POST', url: string, email: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: sessions[email]?.headers ?? {}, ...(payload ? { payload } : {}) });
  const acme = () => ids.org('Acme Staffing');

  it('puts a candidate on a requisition at its first stage, once', async () => {
    const { requisition, stages } = await makeRequisition(t.database.db, acme(), { stages: ['recruiter_screen', 'hiring_manager'] });
    const candidate = await makeCandidate(t.database.db, acme());
    const res = await call('POST', '/applications', 'recruiter@acme.test', { candidateId: candidate.id, requisitionId: requisition.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ candidate: { id: candidate.id }, requisition: { id: requisition.id }, stage: { id: stages[0]?.id, kind: 'recruiter_screen' }, status: 'active', submittedToClientAt: null });
    expect(await auditActions(t.database.db, res.json().id)).toEqual(['application.created']);
    expect((await call('POST', '/applications', 'recruiter@acme.test', { candidateId: candidate.id, requisitionId: requisition.id })).statusCode).toBe(409);
  });

  it('validates the candidate and requisition, and refuses closed requisitions', async () => {
    const other = await makeCandidate(t.database.db, ids.org('Beta Talent'));
    const bad = await call('POST', '/applications', 'recruiter@acme.test', { candidateId: other.id, requisitionId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.candidateId', 'body.requisitionId']);
    const { requisition } = await makeRequisition(t.database.db, acme());
    await t.database.db.updateTable('requisitions').set({ status: 'closed' }).where('id', '=', requisition.id).execute();
    const candidate = await makeCandidate(t.database.db, acme());
    expect((await call('POST', '/applications', 'recruiter@acme.test', { candidateId: candidate.id, requisitionId: requisition.id })).statusCode).toBe(422);
  });

  it('advances to the next stage or a named one, and not past the last', async () => {
    const { requisition, stages } = await makeRequisition(t.database.db, acme(), { stages: ['recruiter_screen', 'hiring_manager', 'client'] });
    const candidate = await makeCandidate(t.database.db, acme());
    const { id } = (await call('POST', '/applications', 'recruiter@acme.test', { candidateId: candidate.id, requisitionId: requisition.id })).json();
    const next = await call('POST', `/applications/${id}/advance`, 'recruiter@acme.test', {});
    expect(next.json().stage.kind).toBe('hiring_manager');
    const named = await call('POST', `/applications/${id}/advance`, 'recruiter@acme.test', { stageId: stages[2]?.id });
    expect(named.json().stage.kind).toBe('client');
    expect((await call('POST', `/applications/${id}/advance`, 'recruiter@acme.test', {})).statusCode).toBe(422);
    const foreign = await call('POST', `/applications/${id}/advance`, 'recruiter@acme.test', { stageId: ids.requisition('Data Analyst') });
    expect(foreign.json().error.details[0].path).toBe('body.stageId');
    const event = await t.database.db.selectFrom('audit_events').select('changes').where('entity_id', '=', id).where('action', '=', 'application.advanced').orderBy('seq').executeTakeFirstOrThrow();
    expect(event.changes).toEqual({ current_stage_id: { from: stages[0]?.id, to: stages[1]?.id } });
  });

  it('rejects and withdraws with a reason, after which the application no longer moves', async () => {
    const a = await makeCandidateFor(t.database.db, acme());
    const rejected = await call('POST', `/applications/${a.application.id}/reject`, 'recruiter@acme.test', { reason: 'Not enough Go experience' });
    expect(rejected.json().status).toBe('rejected');
    const event = await t.database.db.selectFrom('audit_events').select('changes').where('entity_id', '=', a.application.id).where('action', '=', 'application.rejected').executeTakeFirstOrThrow();
    expect(event.changes).toEqual({ status: { from: 'active', to: 'rejected' }, reason: 'Not enough Go experience' });
    expect((await call('POST', `/applications/${a.application.id}/advance`, 'recruiter@acme.test', {})).statusCode).toBe(422);
    const b = await makeCandidateFor(t.database.db, acme());
    expect((await call('POST', `/applications/${b.application.id}/withdraw`, 'recruiter@acme.test', { reason: 'Accepted another offer' })).json().status).toBe('withdrawn');
    const missing = await call('POST', `/applications/${b.application.id}/withdraw`, 'recruiter@acme.test', { reason: '' });
    expect(missing.json().error.details[0].path).toBe('body.reason');
  });

  it('submits to the client, which makes the candidate visible to that client only', async () => {
    const { application, candidate } = await makeCandidateFor(t.database.db, acme(), { clientId: ids.client('Northwind') });
    expect((await call('GET', `/candidates/${candidate.id}`, 'client@northwind.test')).statusCode).toBe(404);
    expect((await call('GET', `/applications/${application.id}`, 'client@northwind.test')).statusCode).toBe(404);
    const submitted = await call('POST', `/applications/${application.id}/submit-to-client`, 'recruiter@acme.test');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().submittedToClientAt).not.toBeNull();
    expect((await call('GET', `/candidates/${candidate.id}`, 'client@northwind.test')).statusCode).toBe(200);
    const seen = await call('GET', `/applications/${application.id}`, 'client@northwind.test');
    expect(Object.keys(seen.json()).sort()).toEqual(['candidate', 'id', 'requisition', 'stage', 'status', 'submittedToClientAt']);
    expect((await call('GET', `/applications/${application.id}`, 'client@globex.test')).statusCode).toBe(404);
    expect(await auditActions(t.database.db, application.id)).toEqual(['application.submitted_to_client']);
    const inHouse = await makeCandidateFor(t.database.db, acme());
    expect((await call('POST', `/applications/${inHouse.application.id}/submit-to-client`, 'recruiter@acme.test')).statusCode).toBe(422);
    expect((await call('POST', `/applications/${application.id}/reject`, 'client@northwind.test', { reason: 'no' })).statusCode).toBe(403);
  });

  it('lists with the same scope as reads and filters by requisition, candidate and status', async () => {
    const all = (await call('GET', '/applications?limit=100', 'recruiter@acme.test')).json().items;
    expect(all.length).toBeGreaterThan(7);
    const designer = (await call('GET', `/applications?requisitionId=${ids.requisition('Product Designer')}&status=rejected`, 'recruiter@acme.test')).json().items;
    expect(designer.map((a: { candidate: { name: string } }) => a.candidate.name)).toEqual(['Daniel Okoye']);
    const daniel = (await call('GET', `/applications?candidateId=${ids.candidate('Daniel Okoye')}`, 'hm@acme.test')).json().items;
    expect(daniel.map((a: { requisition: { title: string } }) => a.requisition.title)).toEqual(['Senior Backend Engineer']);
    const northwind = (await call('GET', '/applications?limit=100', 'client@northwind.test')).json().items;
    expect(northwind.every((a: { submittedToClientAt: string | null }) => a.submittedToClientAt !== null)).toBe(true);
    expect(northwind.map((a: { candidate: { name: string } }) => a.candidate.name)).toContain('Maria Gonzalez');
    expect(JSON.stringify(northwind)).not.toContain('Chloe');
    expect((await call('GET', '/applications', 'interviewer1@acme.test')).statusCode).toBe(403);
    expect((await call('GET', '/applications', 'admin@beta.test')).json().items).toEqual([]);
    const p1 = (await call('GET', '/applications?limit=4', 'recruiter@acme.test')).json();
    const p2 = (await call('GET', `/applications?limit=4&cursor=${p1.nextCursor}`, 'recruiter@acme.test')).json();
    const seen = [...p1.items, ...p2.items].map((a: { id: string }) => a.id);
    expect(new Set(seen).size).toBe(8);
    expect(seen).toEqual(all.slice(0, 8).map((a: { id: string }) => a.id));
  });

  it('lets only staff change applications; hiring managers read their own', async () => {
    const own = await makeCandidateFor(t.database.db, acme(), { hiringManagerId: ids.user('hm@acme.test') });
    expect((await call('GET', `/applications/${own.application.id}`, 'hm@acme.test')).statusCode).toBe(200);
    expect((await call('POST', `/applications/${own.application.id}/advance`, 'hm@acme.test', {})).statusCode).toBe(403);
    expect((await call('POST', `/applications/${own.application.id}/advance`, 'interviewer1@acme.test', {})).statusCode).toBe(404);
    expect((await call('POST', '/applications', 'hm@acme.test', { candidateId: own.candidate.id, requisitionId: own.requisition.id })).statusCode).toBe(403);
  });
});
