import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/integrations/smtp.js';
import { outboxJob } from '../../src/jobs/outbox.js';
import { emailChannel } from '../../src/jobs/outbox-channels.js';
import { formatInZone } from '../../src/services/scheduling-notifications.js';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { loadAcme, makeApplication, makeRequisition, type Acme } from '../helpers/scheduling-factories.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../helpers/smtp.js';

const host = 'loopwise.test';
const start = new Date('2026-12-01T13:00:00Z');

function invite(mail: ReceivedMail | undefined) {
  const calendar = new ICAL.Component(ICAL.parse(mail?.calendar?.ics ?? '') as unknown[]);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    partMethod: mail?.calendar?.method,
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue('status'),
    attendees: event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()),
  };
}

describe.each(backends)('interview emails with calendar invites on the %s database', (backend) => {
  let t: TestApp;
  let acme: Acme;
  let hm: Session;
  let smtp: TestSmtpServer;
  const clock = start;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => clock });
    acme = await loadAcme(t.database.db);
    hm = await signIn(t.app, 'hm@acme.test');
    smtp = await startSmtpServer();
  });
  afterEach(() => {
    smtp.received.length = 0;
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: hm.headers, ...(payload ? { payload } : {}) });
  const deliver = async (count: number) => {
    const job = outboxJob(t.database.db, { email: emailChannel(createMailer({ smtpUrl: smtp.url, mailDir: '/nonexistent', host }), host) });
    while ((await job.runOnce(new Date(clock.getTime() + 60_000))) > 0);
    return smtp.waitFor(count);
  };

  it('booking, rescheduling and canceling update one calendar event per person: same UID, growing SEQUENCE, CANCEL last', async () => {
    const { requisition, stages } = await makeRequisition(acme, { client: null });
    const application = await makeApplication(acme, requisition.id, { timeZone: 'Europe/Berlin' });
    const candidate = await t.database.db.selectFrom('candidates').selectAll().where('id', '=', application.candidate_id).executeTakeFirstOrThrow();
    const created = await call('POST', '/api/v1/scheduling-requests', { applicationId: application.id, stageId: stages.hm });
    expect(created.statusCode, created.body).toBe(201);
    const requestId = created.json<{ id: string }>().id;
    const optionsRes = await call('GET', `/api/v1/scheduling-requests/${requestId}/options`);
    const options = optionsRes.json<{ options: { id: string; start: string; end: string }[] }>().options;
    expect(options.length, 'solver options').toBeGreaterThan(1);
    const booked = await call('POST', `/api/v1/scheduling-requests/${requestId}/book`, { optionId: options[0]?.id });
    expect(booked.statusCode, booked.body).toBe(201);
    const interviewId = booked.json<{ id: string }>().id;
    const uid = `interview-${interviewId}@${host}`;
    const hmUser = acme.user('hm@acme.test');

    const first = await deliver(2);
    const toCandidate = first.find((mail) => mail.envelopeTo.includes(candidate.email));
    const toHm = first.find((mail) => mail.envelopeTo.includes(hmUser.email));
    expect(invite(toCandidate)).toMatchObject({ partMethod: 'REQUEST', method: 'REQUEST', uid, sequence: 0, start: options[0]?.start, end: options[0]?.end, status: 'CONFIRMED', attendees: [`mailto:${candidate.email}`] });
    expect(invite(toHm)).toMatchObject({ method: 'REQUEST', uid, sequence: 0, attendees: [`mailto:${hmUser.email}`] });
    // Body times in each recipient's own zone, with the zone named.
    expect(toCandidate?.text).toContain(formatInZone(options[0]?.start ?? '', 'Europe/Berlin'));
    expect(toCandidate?.text).toMatch(/GMT\+1|CET/);
    expect(toHm?.text).toContain(formatInZone(options[0]?.start ?? '', hmUser.time_zone));

    const later = options.find((option) => Date.parse(option.start) >= Date.parse(options[0]?.end ?? '') + 3_600_000) ?? options.at(-1);
    const moved = await call('POST', `/api/v1/interviews/${interviewId}/reschedule`, { sessions: [{ start: later?.start, interviewerIds: [hmUser.id] }], reason: 'Candidate asked' });
    expect(moved.statusCode, moved.body).toBe(200);
    smtp.received.length = 0;
    const second = await deliver(2);
    for (const mail of second) expect(invite(mail)).toMatchObject({ method: 'REQUEST', uid, sequence: 1, start: later?.start });

    const canceled = await call('POST', `/api/v1/interviews/${interviewId}/cancel`, { reason: 'Position filled' });
    expect(canceled.statusCode, canceled.body).toBe(200);
    smtp.received.length = 0;
    const third = await deliver(2);
    for (const mail of third) expect(invite(mail)).toMatchObject({ partMethod: 'CANCEL', method: 'CANCEL', uid, sequence: 2, status: 'CANCELLED' });
  });
});
