import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { lastCandidateToken, loadAcme, makeApplication, makeRequisition, type Acme } from '../helpers/scheduling-factories.js';

describe.each(backends)('webhook events from the workflows on the %s database', (backend) => {
  let t: TestApp;
  let acme: Acme;
  let admin: Session;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => new Date('2026-12-01T13:00:00Z') });
    acme = await loadAcme(t.database.db);
    admin = await signIn(t.app, 'admin@acme.test');
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, headers: Record<string, string> = admin.headers) => t.app.inject({ method: 'POST', url, headers, payload });
  const events = async () => {
    const rows = await t.database.db.selectFrom('outbox_messages').select('payload').where('channel', '=', 'webhook').execute();
    return rows.map((row) => row.payload as { eventId: string; type: string; data: Record<string, unknown> });
  };

  it('tells a subscribed endpoint about requests, bookings, cancellations and candidate changes, once each', async () => {
    const endpoint = await post('/api/v1/webhooks', {
      url: 'http://127.0.0.1:9/ats',
      eventTypes: ['request.created', 'interview.booked', 'interview.canceled', 'candidate.updated'],
    });
    expect(endpoint.statusCode, endpoint.body).toBe(201);

    const { requisition, stages } = await makeRequisition(acme);
    const application = await makeApplication(acme, requisition.id);
    const created = await post('/api/v1/scheduling-requests', { applicationId: application.id, stageId: stages.screen });
    const requestId = created.json().id as string;
    await post(`/api/v1/scheduling-requests/${requestId}/offer`, {});
    const candidate = await t.database.db.selectFrom('candidates').selectAll().where('id', '=', application.candidate_id).executeTakeFirstOrThrow();
    const token = await lastCandidateToken(t.database.db, candidate.email);
    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}` })).json();
    expect((await post(`/api/v1/public/links/${token}/book`, { optionId: page.options[0].id }, {})).statusCode).toBe(200);
    expect((await post(`/api/v1/public/links/${token}/cancel`, { reason: 'Accepted another offer' }, {})).statusCode).toBe(200);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/candidates/${candidate.id}`, headers: admin.headers, payload: { phone: '+1 555 0100' } });
    expect(patched.statusCode, patched.body).toBe(200);

    const sent = await events();
    // The test clock stands still, so rows tie on created_at: compare by type.
    expect(sent.map((e) => e.type).sort()).toEqual(['candidate.updated', 'interview.booked', 'interview.canceled', 'request.created']);
    const of = (type: string) => sent.find((e) => e.type === type)?.data;
    expect(of('request.created')).toMatchObject({ requestId, applicationId: application.id });
    expect(of('interview.booked')).toMatchObject({ requestId, from: 'offered', to: 'booked', initiator: 'candidate' });
    expect(of('interview.canceled')).toMatchObject({ requestId, to: 'canceled', initiator: 'candidate', reason: 'Accepted another offer' });
    expect(of('candidate.updated')).toEqual({ candidateId: candidate.id, externalId: candidate.external_id, changedFields: ['phone'] });
    expect(new Set(sent.map((e) => e.eventId)).size).toBe(sent.length);
    expect(JSON.stringify(sent)).not.toContain('+1 555 0100');
  });
});
