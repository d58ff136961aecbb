import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { auditActions, demoIds, makeApplication, makeCandidate, makeRequisition, rulesFor } from '../helpers/directory-factories.js';

type Ids = Awaited<ReturnType<typeof demoIds>>;

describe.each(backends)('requisitions and stages on the %s database', (backend) => {
  let t: TestApp;
  let ids: Ids;
  let recruiter: Session;
  let hm: Session;
  let northwind: Session;
  let interviewer: Session;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true });
    ids = await demoIds(t.database.db);
    recruiter = await signIn(t.app, 'recruiter@acme.test');
    hm = await signIn(t.app, 'hm@acme.test');
    northwind = await signIn(t.app, 'client@northwind.test');
    interviewer = await signIn(t.app, 'interviewer1@acme.test');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, session: Session, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, ...(payload ? { payload } : {}) });
  const base = () => ({ title: 'Platform Engineer', hiringManagerId: ids.user('hm@acme.test'), recruiterId: ids.user('recruiter@acme.test') });

  it('creates a requisition with the default workflow, panel included because pools exist', async () => {
    const res = await call('POST', '/requisitions', recruiter, { ...base(), coordinatorIds: [ids.user('coordinator@acme.test')] });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ title: 'Platform Engineer', status: 'open', client: null, hiringManager: { name: 'Harper Manager' }, coordinators: [{ name: 'Casey Coordinator' }] });
    expect(body.stages.map((s: { kind: string }) => s.kind)).toEqual(['recruiter_screen', 'hiring_manager', 'panel']);
    const panel = body.stages[2].rules;
    expect(panel.sessions[0].requirements[0]).toMatchObject({ kind: 'pool', poolId: ids.pool('Backend'), count: 2 });
    expect(panel.sessions[1].requirements[0]).toMatchObject({ kind: 'pool', poolId: ids.pool('Culture') });
    expect(await auditActions(t.database.db, body.id)).toEqual(['requisition.created']);
  });

  it('adds a client interview to the defaults of a client requisition', async () => {
    const res = await call('POST', '/requisitions', recruiter, { ...base(), title: 'BI Developer', clientId: ids.client('Northwind') });
    expect(res.json().stages.map((s: { kind: string }) => s.kind)).toEqual(['recruiter_screen', 'hiring_manager', 'panel', 'client']);
    expect(res.json().stages[3].rules).toMatchObject({ clientVisible: true, clientApprovalRequired: true });
  });

  it('creates explicit stages and reports rule errors with field paths', async () => {
    const good = await call('POST', '/requisitions', recruiter, {
      ...base(),
      title: 'SRE',
      stages: [{ name: 'Deep dive', kind: 'other', rules: rulesFor([ids.user('interviewer1@acme.test')], { minNoticeHours: 2 }) }],
    });
    expect(good.statusCode).toBe(201);
    expect(good.json().stages).toMatchObject([{ key: 'deep-dive', name: 'Deep dive', rules: { minNoticeHours: 2, mode: 'self_schedule', bufferMinutes: 10 } }]);

    const shape = await call('POST', '/requisitions', recruiter, { ...base(), stages: [{ name: 'X', kind: 'other', rules: { sessions: [{ name: 'S', durationMinutes: 7, requirements: [] }] } }] });
    expect(shape.statusCode).toBe(400);
    const paths = shape.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.stages.0.rules.sessions.0.durationMinutes', 'body.stages.0.rules.sessions.0.requirements']));

    const refine = await call('POST', '/requisitions', recruiter, {
      ...base(),
      stages: [{ name: 'X', kind: 'other', rules: rulesFor([ids.user('interviewer1@acme.test')], { clientApprovalRequired: true, minNoticeHours: 400, horizonDays: 10 }) }],
    });
    expect(refine.statusCode).toBe(400);
    expect(refine.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.stages.0.rules.clientApprovalRequired', 'body.stages.0.rules.minNoticeHours']));
  });

  it('requires named interviewers to be active people of the organization and pools to exist', async () => {
    await t.database.db.updateTable('users').set({ active: false }).where('id', '=', ids.user('interviewer8@acme.test')).execute();
    const res = await call('POST', '/requisitions', recruiter, {
      ...base(),
      stages: [
        {
          name: 'Mixed',
          kind: 'other',
          rules: {
            sessions: [
              { name: 'A', durationMinutes: 30, requirements: [{ kind: 'people', personIds: [ids.user('admin@beta.test'), ids.user('interviewer8@acme.test'), ids.user('client@northwind.test')] }] },
              { name: 'B', durationMinutes: 30, requirements: [{ kind: 'pool', poolId: '00000000-0000-4000-8000-000000000000', count: 1 }] },
            ],
          },
        },
      ],
    });
    await t.database.db.updateTable('users').set({ active: true }).where('id', '=', ids.user('interviewer8@acme.test')).execute();
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'body.stages.0.rules.sessions.0.requirements.0.personIds.0', message: 'is not a user of this organization' },
      { path: 'body.stages.0.rules.sessions.0.requirements.0.personIds.1', message: 'is deactivated' },
      { path: 'body.stages.0.rules.sessions.0.requirements.0.personIds.2', message: expect.stringContaining('cannot interview') },
      { path: 'body.stages.0.rules.sessions.1.requirements.0.poolId', message: 'is not a pool of this organization' },
    ]);
  });

  it('checks the people and the client of a requisition', async () => {
    const res = await call('POST', '/requisitions', recruiter, {
      title: 'Bad',
      hiringManagerId: ids.user('interviewer1@acme.test'),
      recruiterId: ids.user('admin@beta.test'),
      clientId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.hiringManagerId', 'body.recruiterId', 'body.clientId']);
    expect((await call('POST', '/requisitions', recruiter, { title: '' })).json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.title', 'body.hiringManagerId', 'body.recruiterId']),
    );
  });

  it('updates fields and coordinators with before → after in the audit trail', async () => {
    const id = ids.requisition('Senior Backend Engineer');
    const res = await call('PATCH', `/requisitions/${id}`, recruiter, { status: 'on_hold', coordinatorIds: [ids.user('coordinator@acme.test'), ids.user('admin@acme.test')] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'on_hold', coordinators: [{ name: 'Avery Admin' }, { name: 'Casey Coordinator' }] });
    const event = await t.database.db.selectFrom('audit_events').select('changes').where('entity_id', '=', id).where('action', '=', 'requisition.updated').executeTakeFirstOrThrow();
    expect(event.changes).toMatchObject({ status: { from: 'open', to: 'on_hold' } });
    await call('PATCH', `/requisitions/${id}`, recruiter, { status: 'open' });
  });

  it('upserts by external id: creates once, then updates the same requisition', async () => {
    const first = await call('PUT', '/requisitions/by-external-id/GH-77', recruiter, { ...base(), title: 'Data Engineer', coordinatorIds: [ids.user('coordinator@acme.test')] });
    expect(first.statusCode).toBe(201);
    const again = await call('PUT', '/requisitions/by-external-id/GH-77', recruiter, { ...base(), title: 'Senior Data Engineer' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, title: 'Senior Data Engineer', externalId: 'GH-77', coordinators: [{ name: 'Casey Coordinator' }] });
    expect(await auditActions(t.database.db, first.json().id)).toEqual(['requisition.created', 'requisition.updated']);
    expect(again.json().stages).toHaveLength(first.json().stages.length);
    const clash = await call('PATCH', `/requisitions/${first.json().id}`, recruiter, { externalId: 'ATS-1001' });
    expect(clash.statusCode).toBe(409);
    expect((await call('PUT', '/requisitions/by-external-id/GH-78', hm, base())).statusCode).toBe(403);
  });

  it('lists with filters and pages with a cursor', async () => {
    const page1 = await call('GET', '/requisitions?limit=2', recruiter);
    expect(page1.json().items).toHaveLength(2);
    const page2 = await call('GET', `/requisitions?limit=2&cursor=${page1.json().nextCursor}`, recruiter);
    const titles = [...page1.json().items, ...page2.json().items].map((r: { title: string }) => r.title);
    expect(new Set(titles).size).toBe(4);
    expect([...titles].sort()).toEqual(titles);
    const northwindOnly = await call('GET', `/requisitions?clientId=${ids.client('Northwind')}&q=analyst`, recruiter);
    expect(northwindOnly.json().items.map((r: { title: string }) => r.title)).toEqual(['Data Analyst']);
  });

  it('shows a hiring manager only the requisitions they manage', async () => {
    const list = await call('GET', '/requisitions?limit=100', hm);
    const titles = list.json().items.map((r: { title: string }) => r.title);
    expect(titles).toContain('Senior Backend Engineer');
    expect(titles).not.toContain('Data Analyst');
    expect((await call('GET', `/requisitions/${ids.requisition('Data Analyst')}`, hm)).statusCode).toBe(404);
    expect((await call('PATCH', `/requisitions/${ids.requisition('Senior Backend Engineer')}`, hm, { title: 'x' })).statusCode).toBe(403);
  });

  it('shows a client user their client’s requisitions with client-visible stages only, and nothing of Globex', async () => {
    const list = await call('GET', '/requisitions?limit=100', northwind);
    expect(list.json().items.map((r: { title: string }) => r.title)).toEqual(expect.arrayContaining(['Data Analyst']));
    expect(list.json().items.every((r: { client: { name: string } }) => r.client.name === 'Northwind')).toBe(true);
    expect(list.json().items[0]).not.toHaveProperty('stages');
    // One list with the client-visible stages of each requisition (the portal's page), no internal rules.
    const withStages = (await call('GET', '/requisitions?limit=100&includeStages=true', northwind)).json();
    const analyst = withStages.items.find((r: { title: string }) => r.title === 'Data Analyst');
    expect(analyst.stages).toEqual([expect.objectContaining({ kind: 'client', name: 'Client interview', clientApprovalRequired: true })]);
    expect(JSON.stringify(withStages)).not.toContain('personIds');
    const staffView = (await call('GET', '/requisitions?limit=100&includeStages=true&q=analyst', recruiter)).json();
    expect(staffView.items[0].stages.map((s: { kind: string }) => s.kind)).toEqual(['recruiter_screen', 'client']);
    const one = await call('GET', `/requisitions/${ids.requisition('Data Analyst')}`, northwind);
    expect(one.statusCode).toBe(200);
    expect(one.json().stages.map((s: { kind: string }) => s.kind)).toEqual(['client']);
    expect(Object.keys(one.json())).not.toContain('coordinators');
    expect(JSON.stringify(one.json())).not.toContain('personIds');
    const stages = await call('GET', `/requisitions/${ids.requisition('Data Analyst')}/stages`, northwind);
    expect(stages.json().items).toHaveLength(1);
    const screen = (await call('GET', `/requisitions/${ids.requisition('Data Analyst')}/stages`, recruiter)).json().items[0];
    expect((await call('PATCH', `/requisitions/${ids.requisition('Data Analyst')}/stages/${screen.id}`, northwind, { name: 'x' })).statusCode).toBe(404);
    expect((await call('GET', `/requisitions/${ids.requisition('Product Designer')}`, northwind)).statusCode).toBe(404);
    expect((await call('GET', `/requisitions/${ids.requisition('Product Designer')}/stages`, northwind)).statusCode).toBe(404);
    expect((await call('GET', `/requisitions?clientId=${ids.client('Globex')}`, northwind)).json().items).toEqual([]);
  });

  it('refuses interviewers the list and other organizations the record', async () => {
    expect((await call('GET', '/requisitions', interviewer)).statusCode).toBe(403);
    expect((await call('GET', `/requisitions/${ids.requisition('Senior Backend Engineer')}`, interviewer)).statusCode).toBe(404);
    const beta = await signIn(t.app, 'admin@beta.test');
    expect((await call('GET', `/requisitions/${ids.requisition('Senior Backend Engineer')}`, beta)).statusCode).toBe(404);
    expect((await call('GET', '/requisitions', beta)).json().items).toEqual([]);
  });

  describe('stage commands', () => {
    it('adds, updates, reorders and deletes stages with audit events', async () => {
      const { requisition } = await makeRequisition(t.database.db, ids.org('Acme Staffing'), { stages: ['recruiter_screen', 'hiring_manager'] });
      const url = `/requisitions/${requisition.id}/stages`;
      const added = await call('POST', url, recruiter, { name: 'Take-home review', kind: 'other', position: 2, rules: rulesFor([ids.user('interviewer2@acme.test')]) });
      expect(added.statusCode).toBe(201);
      const list = (await call('GET', url, recruiter)).json().items;
      expect(list.map((s: { key: string; position: number }) => `${s.position}:${s.key}`)).toEqual(['1:screen', '2:take-home-review', '3:hm']);

      const patched = await call('PATCH', `${url}/${added.json().id}`, recruiter, { rules: rulesFor([ids.user('interviewer3@acme.test')], { mode: 'coordinator' }) });
      expect(patched.json().rules).toMatchObject({ mode: 'coordinator', sessions: [{ requirements: [{ personIds: [ids.user('interviewer3@acme.test')] }] }] });
      const badRules = await call('PATCH', `${url}/${added.json().id}`, recruiter, { rules: { sessions: [{ name: 'S', durationMinutes: 30, requirements: [{ kind: 'pool', poolId: 'nope', count: 1 }] }] } });
      expect(badRules.json().error.details[0].path).toBe('body.rules.sessions.0.requirements.0.poolId');
      const dupKey = await call('PATCH', `${url}/${added.json().id}`, recruiter, { key: 'hm' });
      expect(dupKey.statusCode).toBe(409);

      const reversed = [...list].reverse().map((s: { id: string }) => s.id);
      const reordered = await call('POST', `${url}/reorder`, recruiter, { stageIds: reversed });
      expect(reordered.json().items.map((s: { id: string }) => s.id)).toEqual(reversed);
      const partial = await call('POST', `${url}/reorder`, recruiter, { stageIds: reversed.slice(1) });
      expect(partial.statusCode).toBe(400);
      expect(partial.json().error.details[0].path).toBe('body.stageIds');

      expect((await call('DELETE', `${url}/${added.json().id}`, recruiter)).statusCode).toBe(204);
      expect((await call('GET', url, recruiter)).json().items.map((s: { position: number }) => s.position)).toEqual([1, 2]);
      expect(await auditActions(t.database.db, added.json().id)).toEqual(['stage.created', 'stage.updated', 'stage.deleted']);
      expect(await auditActions(t.database.db, requisition.id)).toContain('requisition.stages_reordered');
    });

    it('keeps a stage that an application is at (409) and lets only staff change stages', async () => {
      const { requisition, stages } = await makeRequisition(t.database.db, ids.org('Acme Staffing'), { hiringManagerId: ids.user('hm@acme.test') });
      const candidate = await makeCandidate(t.database.db, ids.org('Acme Staffing'));
      await makeApplication(t.database.db, { candidateId: candidate.id, requisitionId: requisition.id });
      const stageUrl = `/requisitions/${requisition.id}/stages/${stages[0]?.id}`;
      expect((await call('DELETE', stageUrl, recruiter)).statusCode).toBe(409);
      expect((await call('PATCH', stageUrl, hm, { name: 'Call' })).statusCode).toBe(403);
      expect((await call('POST', `/requisitions/${requisition.id}/stages`, hm, { name: 'X', kind: 'other', rules: rulesFor([ids.user('hm@acme.test')]) })).statusCode).toBe(403);
    });
  });
});
