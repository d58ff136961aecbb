import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { lastCandidateToken, loadAcme, makeApplication, makeRequisition, type Acme } from '../helpers/scheduling-factories.js';

describe.each(backends)('closing an application on the %s database', (backend) => {
  let t: TestApp;
  let acme: Acme;
  let recruiter: Session;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => new Date('2026-12-01T13:00:00Z') });
    acme = await loadAcme(t.database.db);
    recruiter = await signIn(t.app, 'recruiter@acme.test');
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: recruiter.headers, payload });

  it('rejecting a candidate cancels their booked interview, frees the interviewer and tells the candidate', async () => {
    const { requisition, stages } = await makeRequisition(acme);
    const application = await makeApplication(acme, requisition.id);
    const created = await post('/api/v1/scheduling-requests', { applicationId: application.id, stageId: stages.screen });
    const requestId = created.json().id as string;
    expect((await post(`/api/v1/scheduling-requests/${requestId}/offer`, {})).statusCode).toBe(200);
    const candidate = await t.database.db.selectFrom('candidates').selectAll().where('id', '=', application.candidate_id).executeTakeFirstOrThrow();
    const token = await lastCandidateToken(t.database.db, candidate.email);
    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}` })).json();
    const booked = await t.app.inject({ method: 'POST', url: `/api/v1/public/links/${token}/book`, payload: { optionId: page.options[0].id } });
    expect(booked.statusCode, booked.body).toBe(200);

    const rejected = await post(`/api/v1/applications/${application.id}/reject`, { reason: 'Role filled' });
    expect(rejected.statusCode, rejected.body).toBe(200);

    const request = await t.database.db.selectFrom('scheduling_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(request.status).toBe('canceled');
    const holds = await t.database.db
      .selectFrom('interview_assignments')
      .innerJoin('interviews', 'interviews.id', 'interview_assignments.interview_id')
      .select(['interview_assignments.released_at', 'interviews.status'])
      .where('interviews.request_id', '=', requestId)
      .execute();
    expect(holds.length).toBeGreaterThan(0);
    expect(holds.every((h) => h.released_at !== null && h.status === 'canceled')).toBe(true);
    const mails = await t.database.db.selectFrom('outbox_messages').select('payload').where('dedupe_key', 'like', '%:candidate').execute();
    expect(mails.some((m) => JSON.stringify(m.payload).includes('Role filled') && JSON.stringify(m.payload).includes(candidate.email))).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}` })).statusCode).toBe(404);
  });
});
