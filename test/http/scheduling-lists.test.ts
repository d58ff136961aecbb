import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { loadAcme, makeApplication, makeCandidate, makeRequisition, type Acme } from '../helpers/scheduling-factories.js';

const clock = new Date('2026-12-01T13:00:00Z');

describe.each(backends)('scheduling lists on the %s database', (backend) => {
  let t: TestApp;
  let acme: Acme;
  let coordinator: Session;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => clock });
    acme = await loadAcme(t.database.db);
    coordinator = await signIn(t.app, 'coordinator@acme.test');
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: coordinator.headers });
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: coordinator.headers, payload });
  const open = async (applicationId: string, stageId: string) => {
    const res = await post('/scheduling-requests', { applicationId, stageId });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const bookFirst = async (requestId: string) => {
    const options = (await get(`/scheduling-requests/${requestId}/options`)).json<{ options: { id: string }[] }>().options;
    const booked = await post(`/scheduling-requests/${requestId}/book`, { optionId: options[0]!.id });
    expect(booked.statusCode, booked.body).toBe(201);
    return booked.json<{ id: string; startsAt: string }>();
  };

  it('lists one candidate’s requests across requisitions, and one application’s', async () => {
    const one = await makeRequisition(acme);
    const two = await makeRequisition(acme);
    const candidate = await makeCandidate(acme, { name: 'Filter Person' });
    const first = await makeApplication(acme, one.requisition.id, { candidateId: candidate.id });
    const second = await makeApplication(acme, two.requisition.id, { candidateId: candidate.id });
    const someoneElse = await makeApplication(acme, one.requisition.id);
    const a = await open(first.id, one.stages.screen!);
    const b = await open(second.id, two.stages.hm!);
    await open(someoneElse.id, one.stages.screen!);

    const byCandidate = (await get(`/scheduling-requests?candidateId=${candidate.id}`)).json<{ items: { id: string; applicationId: string; candidate: { name: string } }[] }>();
    expect(byCandidate.items.map((r) => r.id).sort()).toEqual([a, b].sort());
    expect(byCandidate.items.every((r) => r.candidate.name === 'Filter Person')).toBe(true);
    const byApplication = (await get(`/scheduling-requests?applicationId=${second.id}`)).json<{ items: { id: string; applicationId: string }[] }>();
    expect(byApplication.items).toEqual([expect.objectContaining({ id: b, applicationId: second.id })]);
    expect((await get('/scheduling-requests?candidateId=not-a-uuid')).statusCode).toBe(400);
  });

  it('pages interviews by start time with a cursor and filters them by pool', async () => {
    const { requisition, stages } = await makeRequisition(acme);
    const booked: { id: string; startsAt: string }[] = [];
    for (let n = 0; n < 3; n++) booked.push(await bookFirst(await open((await makeApplication(acme, requisition.id)).id, stages.hm!)));
    const panel = await bookFirst(await open((await makeApplication(acme, requisition.id)).id, stages.panel!));
    const range = `from=${encodeURIComponent(clock.toISOString())}&personId=${acme.user('hm@acme.test').id}`;

    const page1 = (await get(`/interviews?${range}&limit=2`)).json<{ items: { id: string; startsAt: string }[]; nextCursor: string | null }>();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = (await get(`/interviews?${range}&limit=2&cursor=${page1.nextCursor}`)).json<{ items: { id: string; startsAt: string }[]; nextCursor: string | null }>();
    expect(page2.nextCursor).toBeNull();
    const all = [...page1.items, ...page2.items];
    // The hiring manager holds the three hiring-manager interviews, not the panel.
    expect(all.map((i) => i.id).sort()).toEqual(booked.map((i) => i.id).sort());
    expect(all.map((i) => i.startsAt)).toEqual([...all.map((i) => i.startsAt)].sort());

    const technical = (await get(`/interviews?poolId=${acme.pools.technical}`)).json<{ items: { id: string }[] }>();
    expect(technical.items.map((i) => i.id)).toEqual([panel.id]);
    expect((await get('/interviews?cursor=nonsense')).statusCode).toBe(400);
  });
});
