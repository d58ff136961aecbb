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

  it('carries each assigned interviewer’s load on the option’s day and week, against their limits', async () => {
    const tom = acme.user('interviewer8@acme.test');
    await t.database.db.updateTable('users').set({ max_interviews_per_day: 2, max_interviews_per_week: 5, time_zone: 'America/Denver' }).where('id', '=', tom.id).execute();
    const { requisition, stages } = await makeRequisition(acme, {}, [
      { key: 'x', rules: { mode: 'coordinator', minNoticeHours: 4, sessions: [{ name: 'Talk', durationMinutes: 60, requirements: [{ kind: 'people', personIds: [tom.id] }] }] } },
    ]);
    // Tom already has one interview on Wednesday 2 December (10:00 in Denver).
    const first = await open((await makeApplication(acme, requisition.id)).id, stages.x!);
    const booked = await post(`/scheduling-requests/${first}/book`, { sessions: [{ start: '2026-12-02T17:00:00Z', interviewerIds: [tom.id] }] });
    expect(booked.statusCode, booked.body).toBe(201);

    const second = await open((await makeApplication(acme, requisition.id)).id, stages.x!);
    const { options } = (await get(`/scheduling-requests/${second}/options?count=10`)).json<{
      options: { start: string; sessions: { interviewers: { id: string; load: { day: number; week: number; perDay: number; perWeek: number } }[] }[] }[];
    }>();
    expect(options.length).toBe(10);
    for (const option of options) {
      const denverDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(new Date(option.start));
      // Monday 30 November to Sunday 6 December is the week of the booked interview.
      const sameWeek = denverDate >= '2026-11-30' && denverDate <= '2026-12-06';
      expect(option.sessions[0]!.interviewers[0]!.load).toEqual({ day: denverDate === '2026-12-02' ? 1 : 0, week: sameWeek ? 1 : 0, perDay: 2, perWeek: 5 });
    }
    expect(options.some((o) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Denver' }).format(new Date(o.start)) === '2026-12-02')).toBe(true);
  });

  it('tells each viewer whether they may book or offer, and why not', async () => {
    const { requisition, stages } = await makeRequisition(acme);
    const panel = await open((await makeApplication(acme, requisition.id)).id, stages.panel!);
    const screen = await open((await makeApplication(acme, requisition.id)).id, stages.screen!);
    const recruiter = await signIn(t.app, 'recruiter@acme.test');
    const view = async (id: string, session: Session) => (await t.app.inject({ method: 'GET', url: `/api/v1/scheduling-requests/${id}`, headers: session.headers })).json<{ actions: unknown }>().actions;
    expect(await view(panel, coordinator)).toEqual({
      book: { allowed: true, reason: null },
      offer: { allowed: false, reason: 'This stage is booked by a coordinator: pick an option and book it instead of offering.' },
    });
    expect(await view(panel, recruiter)).toEqual({
      book: { allowed: false, reason: 'Only admins and coordinators schedule the Panel interview stage.' },
      offer: { allowed: false, reason: 'Only admins and coordinators schedule the Panel interview stage.' },
    });
    expect(await view(screen, recruiter)).toEqual({ book: { allowed: true, reason: null }, offer: { allowed: true, reason: null } });
    // What the view promises is what the commands do.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/scheduling-requests/${panel}/offer`, headers: coordinator.headers, payload: {} })).statusCode).toBe(422);
  });
});
