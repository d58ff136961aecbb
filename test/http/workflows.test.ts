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

  it('hiring-manager interview: the hiring manager books a solver option themselves', async () => {
    clock = start;
    const r = await openRequest('hm@acme.test', 'hm');
    const options = await call('hm@acme.test', 'GET', `/api/v1/scheduling-requests/${r.id}/options`);
    expect(options.statusCode, options.body).toBe(200);
    const first = options.json().options[0];
    expect(first.sessions[0].interviewers[0]).toMatchObject({ name: 'Harper Manager', timeZone: 'America/New_York' });
    expect(first.candidateLocalStart).toMatch(/-05:00$/);
    const booked = await call('hm@acme.test', 'POST', `/api/v1/scheduling-requests/${r.id}/book`, { optionId: first.id });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({ status: 'confirmed', startsAt: first.start, sessions: [{ interviewers: [{ name: 'Harper Manager' }] }] });
    // The candidate gets a link to manage the interview they did not book themselves.
    const token = await lastCandidateToken(t.database.db, r.candidate.email);
    expect((await call(null, 'GET', `/api/v1/public/links/${token}`)).json()).toMatchObject({ state: 'confirmed', interview: { sessions: [{ with: ['Harper Manager'] }] } });
  });

  it('panel: a coordinator books all sessions and interviewers from solver options in one step', async () => {
    clock = start;
    const r = await openRequest('coordinator@acme.test', 'panel');
    expect((await call('coordinator@acme.test', 'POST', `/api/v1/scheduling-requests/${r.id}/offer`, {})).statusCode).toBe(422);
    const options = (await call('coordinator@acme.test', 'GET', `/api/v1/scheduling-requests/${r.id}/options`)).json();
    expect(options.options.length).toBeGreaterThan(0);
    const option = options.options[0];
    expect(option.sessions.map((x: { name: string }) => x.name)).toEqual(['Technical deep dive', 'Culture and values']);
    expect(option.sessions[0].interviewers).toHaveLength(2);
    const refused = await call('recruiter@acme.test', 'POST', `/api/v1/scheduling-requests/${r.id}/book`, { optionId: option.id });
    expect(refused.statusCode).toBe(403);
    const booked = await call('coordinator@acme.test', 'POST', `/api/v1/scheduling-requests/${r.id}/book`, { optionId: option.id });
    expect(booked.statusCode, booked.body).toBe(201);
    const interview = booked.json();
    expect(interview.sessions).toHaveLength(2);
    const holds = await t.database.db.selectFrom('interview_assignments').selectAll().where('interview_id', '=', interview.id).where('released_at', 'is', null).execute();
    expect(holds).toHaveLength(3);
    const ids = option.sessions.flatMap((x: { interviewers: { id: string }[] }) => x.interviewers.map((i) => i.id));
    const invites = await t.database.db.selectFrom('outbox_messages').select('dedupe_key').where('dedupe_key', 'like', `interview:${interview.id}:seq:0:%`).execute();
    expect(invites.map((m) => m.dedupe_key).sort()).toEqual([`interview:${interview.id}:seq:0:candidate`, ...ids.map((id: string) => `interview:${interview.id}:seq:0:interviewer:${id}`)].sort());
    // The interviewer sees the brief of their own interview.
    const mine = await t.database.db.selectFrom('users').select('email').where('id', '=', ids[0]).executeTakeFirstOrThrow();
    const own = await signIn(t.app, mine.email);
    const brief = await t.app.inject({ method: 'GET', url: `/api/v1/interviews/${interview.id}`, headers: own.headers });
    expect(brief.statusCode).toBe(200);
    expect(Object.keys(brief.json())).not.toContain('rescheduleCount');
    expect(brief.json().candidate).toEqual({ id: r.candidate.id, name: r.candidate.name, timeZone: 'America/New_York' });
  });

  async function clientBooking() {
    const r = await openRequest('recruiter@acme.test', 'client', { client: 'northwind' });
    expect((await call('recruiter@acme.test', 'POST', `/api/v1/scheduling-requests/${r.id}/offer`, {})).statusCode).toBe(200);
    const token = await lastCandidateToken(t.database.db, r.candidate.email);
    const page = (await call(null, 'GET', `/api/v1/public/links/${token}`)).json();
    const booked = await call(null, 'POST', `/api/v1/public/links/${token}/book`, { optionId: page.options[0].id });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json()).toMatchObject({ state: 'pending_approval', interview: { status: 'pending_approval' } });
    const request = (await call('recruiter@acme.test', 'GET', `/api/v1/scheduling-requests/${r.id}`)).json();
    expect(request).toMatchObject({ status: 'booked', waitingOn: 'client' });
    return { ...r, token, interviewId: request.interviewId as string };
  }

  it('client interview: the client user approves the booked time and the invites go out', async () => {
    clock = start;
    const r = await clientBooking();
    const client = 'client@northwind.test';
    const seen = await call(client, 'GET', `/api/v1/interviews/${r.interviewId}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'pending_approval', approval: 'pending' });
    const listed = (await call(client, 'GET', '/api/v1/interviews?status=pending_approval')).json().items.map((i: { id: string }) => i.id);
    expect(listed).toContain(r.interviewId);
    expect((await call(null, 'GET', '/api/v1/interviews')).statusCode).toBe(401);
    const approved = await call(client, 'POST', `/api/v1/interviews/${r.interviewId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'confirmed', approval: 'approved' });
    expect((await call('recruiter@acme.test', 'GET', `/api/v1/scheduling-requests/${r.id}`)).json()).toMatchObject({ status: 'booked', waitingOn: null });
    const invite = await t.database.db.selectFrom('outbox_messages').select('payload').where('dedupe_key', '=', `interview:${r.interviewId}:seq:0:candidate`).executeTakeFirstOrThrow();
    expect(invite.payload).toMatchObject({ template: 'interview_confirmed', data: { method: 'REQUEST' } });
    expect((await transitions(r.id)).map((x) => x.event)).toEqual(['create', 'offer', 'book', 'client_approved']);
  });

  it('client interview: a declined time goes back to the coordinator, who books inside the proposed windows', async () => {
    clock = start;
    const r = await clientBooking();
    const declined = await call('client@northwind.test', 'POST', `/api/v1/interviews/${r.interviewId}/decline`, { reason: 'Our panel is traveling that day' });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'canceled', approval: 'declined', approvalReason: 'Our panel is traveling that day' });
    const request = (await call('coordinator@acme.test', 'GET', `/api/v1/scheduling-requests/${r.id}`)).json();
    expect(request).toMatchObject({ status: 'ready', waitingOn: 'coordinator', interviewId: null });
    expect((await transitions(r.id)).at(-1)).toMatchObject({ event: 'return_to_coordinator', initiator: 'client', actor_type: 'user' });
    const held = await t.database.db.selectFrom('interview_assignments').select('id').where('interview_id', '=', r.interviewId).where('released_at', 'is', null).execute();
    expect(held).toHaveLength(0);
    const staffMail = await t.database.db.selectFrom('outbox_messages').select('payload').where('dedupe_key', 'like', `interview:${r.interviewId}:seq:1:staff:%`).execute();
    expect(staffMail.map((m) => (m.payload as { template: string }).template)).toContain('client_declined');

    // The coordinator books again; the client proposes other windows instead.
    clock = new Date(start.getTime() + 60_000);
    const options = (await call('coordinator@acme.test', 'GET', `/api/v1/scheduling-requests/${r.id}/options`)).json();
    const rebooked = await call('coordinator@acme.test', 'POST', `/api/v1/scheduling-requests/${r.id}/book`, { optionId: options.options[1].id });
    expect(rebooked.statusCode, rebooked.body).toBe(201);
    expect(rebooked.json()).toMatchObject({ status: 'pending_approval' });
    clock = new Date(start.getTime() + 120_000);
    const proposed = await call('client@northwind.test', 'POST', `/api/v1/interviews/${rebooked.json().id}/propose`, {
      windows: [{ start: '2026-12-09T15:00:00Z', end: '2026-12-09T18:00:00Z' }],
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const inWindow = (await call('coordinator@acme.test', 'GET', `/api/v1/scheduling-requests/${r.id}/options`)).json().options;
    expect(inWindow.length).toBeGreaterThan(0);
    for (const o of inWindow) {
      expect(Date.parse(o.start)).toBeGreaterThanOrEqual(Date.parse('2026-12-09T15:00:00Z'));
      expect(Date.parse(o.end)).toBeLessThanOrEqual(Date.parse('2026-12-09T18:00:00Z'));
    }
  });

  it('availability request: the candidate sends windows, the coordinator books inside them', async () => {
    clock = start;
    const { requisition, stages } = await makeRequisition(acme, {}, [
      { key: 'avail', rules: { mode: 'availability_request', sessions: [{ name: 'Chat', durationMinutes: 30, requirements: [{ kind: 'pool', poolId: acme.pools.culture, count: 1 }] }] } },
      { key: 'auto', rules: { mode: 'availability_request', autoBookFromAvailability: true, sessions: [{ name: 'Chat', durationMinutes: 30, requirements: [{ kind: 'pool', poolId: acme.pools.culture, count: 1 }] }] } },
    ]);
    for (const key of ['avail', 'auto']) {
      const application = await makeApplication(acme, requisition.id);
      const candidate = await t.database.db.selectFrom('candidates').selectAll().where('id', '=', application.candidate_id).executeTakeFirstOrThrow();
      const created = await call('recruiter@acme.test', 'POST', '/api/v1/scheduling-requests', { applicationId: application.id, stageId: stages[key] });
      const id = created.json().id as string;
      expect((await call('recruiter@acme.test', 'POST', `/api/v1/scheduling-requests/${id}/offer`, {})).json()).toMatchObject({ status: 'offered', offeredOptions: [] });
      const token = await lastCandidateToken(t.database.db, candidate.email);
      expect((await call(null, 'GET', `/api/v1/public/links/${token}`)).json()).toMatchObject({ state: 'send_availability', options: [] });
      const window = { start: '2026-12-04T14:00:00-05:00', end: '2026-12-04T16:00:00-05:00' };
      const sent = await call(null, 'POST', `/api/v1/public/links/${token}/availability`, { windows: [window] });
      expect(sent.statusCode, sent.body).toBe(200);
      if (key === 'auto') {
        expect(sent.json()).toMatchObject({ state: 'confirmed' });
        expect(Date.parse(sent.json().interview.start)).toBeGreaterThanOrEqual(Date.parse(window.start));
        continue;
      }
      expect(sent.json()).toMatchObject({ state: 'availability_sent' });
      expect((await call('coordinator@acme.test', 'GET', `/api/v1/scheduling-requests/${id}`)).json()).toMatchObject({ waitingOn: 'coordinator' });
      const options = (await call('coordinator@acme.test', 'GET', `/api/v1/scheduling-requests/${id}/options`)).json().options;
      expect(options.length).toBeGreaterThan(0);
      for (const o of options) expect(Date.parse(o.start)).toBeGreaterThanOrEqual(Date.parse(window.start));
      const outside = await call('coordinator@acme.test', 'POST', `/api/v1/scheduling-requests/${id}/book`, {
        sessions: [{ start: '2026-12-07T15:00:00Z', interviewerIds: options[0].sessions[0].interviewers.map((i: { id: string }) => i.id) }],
      });
      expect(outside.statusCode).toBe(422);
      expect(outside.json().error.details.violations.map((v: { code: string }) => v.code)).toContain('outside_candidate_windows');
      const booked = await call('coordinator@acme.test', 'POST', `/api/v1/scheduling-requests/${id}/book`, { optionId: options[0].id });
      expect(booked.statusCode, booked.body).toBe(201);
    }
  });
});
