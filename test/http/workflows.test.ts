import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { lastCandidateToken, loadAcme, makeApplication, makeRequisition, type Acme } from '../helpers/scheduling-factories.js';

const start = new Date('2026-12-01T13:00:00Z');

describe.each(backends)('scheduling workflows on the %s database', (backend) => {
  let t: TestApp;
  let acme: Acme;
  let clock = start;
  const s: Record<string, Session> = {};

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => clock });
    acme = await loadAcme(t.database.db);
    for (const who of ['recruiter@acme.test', 'coordinator@acme.test', 'hm@acme.test', 'client@northwind.test', 'interviewer1@acme.test']) s[who] = await signIn(t.app, who);
  });
  afterAll(() => t.close());

  const call = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who ? s[who]!.headers : {}, ...(payload ? { payload } : {}) });

  async function openRequest(who: string, stageKey: string, options: { client?: 'northwind' | 'globex' | null } = {}) {
    const { requisition, stages } = await makeRequisition(acme, { client: options.client ?? null });
    const application = await makeApplication(acme, requisition.id);
    const res = await call(who, 'POST', '/api/v1/scheduling-requests', { applicationId: application.id, stageId: stages[stageKey] });
    expect(res.statusCode, res.body).toBe(201);
    const candidate = await t.database.db.selectFrom('candidates').selectAll().where('id', '=', application.candidate_id).executeTakeFirstOrThrow();
    return { id: res.json().id as string, candidate, requisition, stages, application };
  }

  async function transitions(requestId: string) {
    return t.database.db.selectFrom('request_transitions').select(['event', 'to_status', 'actor_type', 'initiator']).where('request_id', '=', requestId).orderBy('at').execute();
  }

  it('recruiter screen: the candidate picks an offered time through their link', async () => {
    clock = start;
    const r = await openRequest('recruiter@acme.test', 'screen');
    const offer = await call('recruiter@acme.test', 'POST', `/api/v1/scheduling-requests/${r.id}/offer`, {});
    expect(offer.statusCode, offer.body).toBe(200);
    expect(offer.json()).toMatchObject({ status: 'offered', waitingOn: 'candidate' });
    expect(offer.json().offeredOptions).toHaveLength(3);
    const token = await lastCandidateToken(t.database.db, r.candidate.email);

    const view = await call(null, 'GET', `/api/v1/public/links/${token}`);
    expect(view.statusCode, view.body).toBe(200);
    const page = view.json();
    expect(page).toMatchObject({ state: 'choose_time', timeZone: 'America/New_York', role: r.requisition.title, stage: 'Recruiter screen' });
    expect(page.options).toHaveLength(3);
    expect(page.options[0].start).toMatch(/-05:00$/);
    expect(page.options[0].sessions[0].with).toEqual(['Riley Recruiter']);
    const london = (await call(null, 'GET', `/api/v1/public/links/${token}?tz=Europe/London`)).json();
    expect(london.options[0].start).toMatch(/\+00:00$/);
    expect(Date.parse(london.options[0].start)).toBe(Date.parse(page.options[0].start));

    clock = new Date(start.getTime() + 10 * 60_000);
    const booked = await call(null, 'POST', `/api/v1/public/links/${token}/book`, { optionId: page.options[1].id });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json()).toMatchObject({ state: 'confirmed', interview: { status: 'confirmed', location: 'Phone call: the recruiter calls you' } });

    const request = (await call('recruiter@acme.test', 'GET', `/api/v1/scheduling-requests/${r.id}`)).json();
    expect(request).toMatchObject({ status: 'booked', waitingOn: null, firstBookedAt: clock.toISOString() });
    expect((await transitions(r.id)).map((x) => x.event)).toEqual(['create', 'offer', 'book']);
    const holds = await t.database.db.selectFrom('interview_assignments').selectAll().where('interview_id', '=', request.interviewId).execute();
    expect(holds).toHaveLength(1);
    expect(holds[0]!.blocked_until.getTime() - holds[0]!.ends_at.getTime()).toBe(10 * 60_000);
    const keys = (await t.database.db.selectFrom('outbox_messages').select('dedupe_key').where('dedupe_key', 'like', `interview:${request.interviewId}:%`).execute()).map((m) => m.dedupe_key).sort();
    expect(keys).toEqual([`interview:${request.interviewId}:seq:0:candidate`, `interview:${request.interviewId}:seq:0:interviewer:${acme.user('recruiter@acme.test').id}`]);
    const invite = await t.database.db.selectFrom('outbox_messages').select('payload').where('dedupe_key', '=', `interview:${request.interviewId}:seq:0:candidate`).executeTakeFirstOrThrow();
    expect(invite.payload).toMatchObject({ template: 'interview_confirmed', to: r.candidate.email, timeZone: 'America/New_York', data: { method: 'REQUEST', sequence: 0, interviewId: request.interviewId } });
  });
});
