import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindersJob } from '../../src/jobs/reminders.js';
import { formatInZone } from '../../src/services/scheduling-notifications.js';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { loadAcme, makeApplication, makeRequisition, type Acme } from '../helpers/scheduling-factories.js';

const hour = 3_600_000;
const minute = 60_000;

describe.each(backends)('interview reminders on the %s database', (backend) => {
  let t: TestApp;
  let acme: Acme;
  let hm: Session;
  let clock = new Date('2026-12-01T13:00:00Z');

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => clock });
    acme = await loadAcme(t.database.db);
    hm = await signIn(t.app, 'hm@acme.test');
  });
  afterAll(() => t.close());

  const call = (method: 'POST', url: string, payload: object) => t.app.inject({ method, url, headers: hm.headers, payload });
  const reminders = async (interviewId: string) =>
    (await t.database.db.selectFrom('outbox_messages').select(['dedupe_key', 'payload']).where('dedupe_key', 'like', `reminder:${interviewId}:%`).orderBy('dedupe_key').execute()).map((row) => ({
      key: row.dedupe_key.split(':').slice(3, 6).join(':'),
      payload: row.payload as { to: string; subject: string; text: string; template: string },
    }));

  it('reminds the candidate and interviewers at each offset once, starts over after a reschedule, and stops on cancel', async () => {
    const { requisition, stages } = await makeRequisition(acme, { client: null });
    const application = await makeApplication(acme, requisition.id, { timeZone: 'Europe/Berlin' });
    const candidate = await t.database.db.selectFrom('candidates').selectAll().where('id', '=', application.candidate_id).executeTakeFirstOrThrow();
    const hmUser = acme.user('hm@acme.test');
    const requestId = (await call('POST', '/api/v1/scheduling-requests', { applicationId: application.id, stageId: stages.hm })).json<{ id: string }>().id;
    const starts = new Date('2026-12-03T15:00:00Z');
    const booked = await call('POST', `/api/v1/scheduling-requests/${requestId}/book`, { sessions: [{ start: starts.toISOString(), interviewerIds: [hmUser.id] }] });
    expect(booked.statusCode, booked.body).toBe(201);
    const interviewId = booked.json<{ id: string }>().id;
    const job = remindersJob(t.database.db, { everyMs: 0 });

    expect(await job.runOnce(new Date(starts.getTime() - 24 * hour - minute))).toBe(0);
    expect(await job.runOnce(new Date(starts.getTime() - 24 * hour + minute))).toBe(2);
    expect(await job.runOnce(new Date(starts.getTime() - 24 * hour + 2 * minute)), 'once per offset').toBe(0);
    let sent = await reminders(interviewId);
    expect(sent.map((r) => [r.key, r.payload.to]).sort()).toEqual([
      ['0:1440:candidate', candidate.email],
      ['0:1440:interviewer', hmUser.email],
    ]);
    const toCandidate = sent.find((r) => r.payload.to === candidate.email)?.payload;
    expect(toCandidate?.template).toBe('interview_reminder');
    expect(toCandidate?.subject).toContain(formatInZone(starts, 'Europe/Berlin'));
    expect(toCandidate?.text).toContain('You will meet: Harper Manager');
    expect(sent.find((r) => r.payload.to === hmUser.email)?.payload.text).toContain(formatInZone(starts, hmUser.time_zone));

    // Moved a day later, after the first reminder went out: the new time gets its own reminders.
    clock = new Date(starts.getTime() - 20 * hour);
    hm = await signIn(t.app, 'hm@acme.test');
    const later = new Date(starts.getTime() + 24 * hour);
    const moved = await call('POST', `/api/v1/interviews/${interviewId}/reschedule`, { sessions: [{ start: later.toISOString(), interviewerIds: [hmUser.id] }], reason: 'Candidate asked' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await job.runOnce(new Date(starts.getTime() - 59 * minute)), 'the old time is gone').toBe(0);
    expect(await job.runOnce(new Date(later.getTime() - 24 * hour + minute))).toBe(2);
    sent = await reminders(interviewId);
    expect(sent.filter((r) => r.key.startsWith('1:')).map((r) => r.key).sort()).toEqual(['1:1440:candidate', '1:1440:interviewer']);

    // A worker that was down across both reminder times sends only the latest one.
    expect(await job.runOnce(new Date(later.getTime() - 30 * minute))).toBe(2);
    expect(await job.runOnce(new Date(later.getTime() - 29 * minute))).toBe(0);

    clock = new Date(later.getTime() - 10 * hour);
    hm = await signIn(t.app, 'hm@acme.test');
    expect((await call('POST', `/api/v1/interviews/${interviewId}/cancel`, { reason: 'Withdrew' })).statusCode).toBe(200);
    const before = (await reminders(interviewId)).length;
    expect(await job.runOnce(new Date(later.getTime() - 5 * minute))).toBe(0);
    expect((await reminders(interviewId)).length).toBe(before);
  });

  it('skips a reminder whose time had passed when the interview was booked', async () => {
    clock = new Date('2026-12-07T13:00:00Z');
    hm = await signIn(t.app, 'hm@acme.test');
    const { requisition, stages } = await makeRequisition(acme, { client: null });
    const stage = await t.database.db.selectFrom('stages').select('rules').where('id', '=', stages.hm ?? '').executeTakeFirstOrThrow();
    const rules = { ...(stage.rules as object), reminderOffsetsMinutes: [4320, 60] };
    await t.database.db.updateTable('stages').set({ rules: JSON.stringify(rules) }).where('id', '=', stages.hm ?? '').execute();
    const application = await makeApplication(acme, requisition.id, { timeZone: 'Europe/Berlin' });
    const requestId = (await call('POST', '/api/v1/scheduling-requests', { applicationId: application.id, stageId: stages.hm })).json<{ id: string }>().id;
    // Booked 26 hours ahead: the 3-day reminder's time has already passed.
    const starts = new Date('2026-12-08T15:00:00Z');
    const booked = await call('POST', `/api/v1/scheduling-requests/${requestId}/book`, { sessions: [{ start: starts.toISOString(), interviewerIds: [acme.user('hm@acme.test').id] }] });
    expect(booked.statusCode, booked.body).toBe(201);
    const interviewId = booked.json<{ id: string }>().id;
    const job = remindersJob(t.database.db, { everyMs: 0 });
    expect(await job.runOnce(new Date(starts.getTime() - 2 * hour))).toBe(0);
    expect(await job.runOnce(new Date(starts.getTime() - 59 * minute))).toBe(2);
    expect((await reminders(interviewId)).map((r) => r.key.split(':')[1])).toEqual(['60', '60']);
  });
});
