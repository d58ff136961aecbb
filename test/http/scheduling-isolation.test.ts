import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { lastCandidateToken, loadAcme, makeApplication, makeRequisition, type Acme } from '../helpers/scheduling-factories.js';

const now = new Date('2026-12-01T13:00:00Z');

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

describe.each(backends)('client and candidate isolation on the %s database', (backend) => {
  let t: TestApp;
  let acme: Acme;
  let coordinator: Session;
  let northwindUser: Session;
  let hour = 14;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => now });
    acme = await loadAcme(t.database.db);
    coordinator = await signIn(t.app, 'coordinator@acme.test');
    northwindUser = await signIn(t.app, 'client@northwind.test');
  });
  afterAll(() => t.close());

  /** A request (and a booked interview, pending the client's approval where the stage asks) on a stage of a client's requisition. */
  async function booked(client: 'northwind' | 'globex', stageKey: 'client' | 'screen', submitted = true) {
    const { requisition, stages } = await makeRequisition(acme, { client });
    const application = await makeApplication(acme, requisition.id, { submitted });
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/scheduling-requests', headers: coordinator.headers, payload: { applicationId: application.id, stageId: stages[stageKey] } });
    const requestId = created.json().id as string;
    const start = `2026-12-0${hour < 20 ? 7 : 8}T${String(hour < 20 ? hour : hour - 6).padStart(2, '0')}:00:00Z`;
    hour += 2;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/scheduling-requests/${requestId}/book`,
      headers: coordinator.headers,
      payload: { sessions: [{ start, interviewerIds: [acme.user('recruiter@acme.test').id] }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    return { requestId, interviewId: res.json().id as string, candidateId: application.candidate_id };
  }

  const as = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

  it('shows a Northwind client user their own client-visible interviews and nothing of Globex or internal stages (404)', async () => {
    const own = await booked('northwind', 'client');
    const globex = await booked('globex', 'client');
    const internal = await booked('northwind', 'screen');
    const unsubmitted = await booked('northwind', 'client', false);

    expect((await as(northwindUser, 'GET', `/api/v1/interviews/${own.interviewId}`)).statusCode).toBe(200);
    expect((await as(northwindUser, 'GET', `/api/v1/scheduling-requests/${own.requestId}`)).statusCode).toBe(200);
    for (const other of [globex, internal, unsubmitted]) {
      expect((await as(northwindUser, 'GET', `/api/v1/interviews/${other.interviewId}`)).statusCode).toBe(404);
      expect((await as(northwindUser, 'GET', `/api/v1/scheduling-requests/${other.requestId}`)).statusCode).toBe(404);
      expect((await as(northwindUser, 'GET', `/api/v1/scheduling-requests/${other.requestId}/options`)).statusCode).toBe(404);
    }
    expect((await as(northwindUser, 'POST', `/api/v1/interviews/${globex.interviewId}/approve`, {})).statusCode).toBe(404);
    expect((await as(northwindUser, 'POST', `/api/v1/interviews/${globex.interviewId}/decline`, { reason: 'no' })).statusCode).toBe(404);
    expect((await as(northwindUser, 'POST', `/api/v1/interviews/${globex.interviewId}/propose`, { windows: [{ start: '2026-12-10T15:00:00Z', end: '2026-12-10T17:00:00Z' }] })).statusCode).toBe(404);
    // What they may see, they may not change beyond approving, declining or proposing.
    expect((await as(northwindUser, 'POST', `/api/v1/interviews/${own.interviewId}/cancel`, { reason: 'no' })).statusCode).toBe(403);

    const interviews = (await as(northwindUser, 'GET', '/api/v1/interviews')).json().items.map((i: { id: string }) => i.id);
    expect(interviews).toContain(own.interviewId);
    for (const other of [globex, internal, unsubmitted]) expect(interviews).not.toContain(other.interviewId);
    const requests = (await as(northwindUser, 'GET', '/api/v1/scheduling-requests')).json().items.map((i: { id: string }) => i.id);
    expect(requests).toContain(own.requestId);
    for (const other of [globex, internal, unsubmitted]) expect(requests).not.toContain(other.requestId);

    const body = (await as(northwindUser, 'GET', `/api/v1/interviews/${own.interviewId}`)).json();
    expect(keysOf(body)).not.toContain('noShowCount');
    expect(keysOf(body)).not.toContain('rescheduleCount');
    const request = (await as(northwindUser, 'GET', `/api/v1/scheduling-requests/${own.requestId}`)).json();
    expect(request.transitions).toEqual([]);
    expect(JSON.stringify(body)).not.toContain(acme.clients.globex);
  });

  it('gives the candidate link no internal fields', async () => {
    const own = await booked('northwind', 'screen');
    const candidate = await t.database.db.selectFrom('candidates').selectAll().where('id', '=', own.candidateId).executeTakeFirstOrThrow();
    const token = await lastCandidateToken(t.database.db, candidate.email);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}` });
    expect(res.statusCode).toBe(200);
    // Option ids are opaque hashes the candidate picks by; no record id of any kind is present (checked on the text below).
    const keys = keysOf(res.json());
    for (const internal of ['email', 'source', 'notes', 'noShowCount', 'phone', 'transitions', 'interviewerIds', 'weekLoad', 'exceededLimits', 'load', 'clientId', 'requestId', 'candidateReschedules']) {
      expect(keys, internal).not.toContain(internal);
    }
    const text = res.body;
    for (const secret of [candidate.email, candidate.source ?? 'referral', acme.user('recruiter@acme.test').email, acme.user('recruiter@acme.test').id, candidate.id]) expect(text).not.toContain(secret);
    expect(res.json()).toMatchObject({ state: 'confirmed', interview: { sessions: [{ with: ['Riley Recruiter'] }] } });
  });
});
