import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/integrations/smtp.js';
import { emailChannel } from '../../src/jobs/outbox-channels.js';
import { outboxJob } from '../../src/jobs/outbox.js';
import { remindersJob } from '../../src/jobs/reminders.js';
import { formatInZone } from '../../src/services/scheduling-notifications.js';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { lastCandidateToken, loadAcme, makeApplication, makeRequisition, type Acme } from '../helpers/scheduling-factories.js';

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
    const job = remindersJob(t.database.db, { everyMs: 0, publicUrl: 'http://loopwise.test' });

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
    const job = remindersJob(t.database.db, { everyMs: 0, publicUrl: 'http://loopwise.test' });
    expect(await job.runOnce(new Date(starts.getTime() - 2 * hour))).toBe(0);
    expect(await job.runOnce(new Date(starts.getTime() - 59 * minute))).toBe(2);
    expect((await reminders(interviewId)).map((r) => r.key.split(':')[1])).toEqual(['60', '60']);
  });

  it("carries I'll be there / reschedule links: confirming is recorded and shown to staff, the booking link keeps working, cancel revokes", async () => {
    clock = new Date('2026-12-14T13:00:00Z');
    hm = await signIn(t.app, 'hm@acme.test');
    const { requisition, stages } = await makeRequisition(acme, { client: null });
    const application = await makeApplication(acme, requisition.id);
    const candidate = await t.database.db.selectFrom('candidates').selectAll().where('id', '=', application.candidate_id).executeTakeFirstOrThrow();
    const requestId = (await call('POST', '/api/v1/scheduling-requests', { applicationId: application.id, stageId: stages.hm })).json<{ id: string }>().id;
    const starts = new Date('2026-12-16T15:00:00Z');
    const booked = await call('POST', `/api/v1/scheduling-requests/${requestId}/book`, { sessions: [{ start: starts.toISOString(), interviewerIds: [acme.user('hm@acme.test').id] }] });
    expect(booked.statusCode, booked.body).toBe(201);
    const interviewId = booked.json<{ id: string }>().id;
    const bookingToken = await lastCandidateToken(t.database.db, candidate.email);
    const staffView = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/interviews/${interviewId}`, headers: hm.headers })).json<{ candidateConfirmedAt: string | null; unconfirmedSoon: boolean }>();
    const listed = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/scheduling-requests?requisitionId=${requisition.id}`, headers: hm.headers }))
        .json<{ items: { id: string; unconfirmedSoon: boolean; candidateConfirmedAt: string | null }[] }>()
        .items.find((r) => r.id === requestId);
    expect(await staffView()).toMatchObject({ candidateConfirmedAt: null, unconfirmedSoon: false });

    clock = new Date(starts.getTime() - 24 * hour + minute);
    hm = await signIn(t.app, 'hm@acme.test');
    const job = remindersJob(t.database.db, { everyMs: 0, publicUrl: 'http://loopwise.test' });
    expect(await job.runOnce(clock)).toBe(2);
    const text = (await reminders(interviewId)).find((r) => r.payload.to === candidate.email)?.payload.text ?? '';
    const confirm = /I'll be there: http:\/\/loopwise\.test\/s\/([A-Za-z0-9_-]{40,})\?action=confirm/.exec(text);
    const token = confirm?.[1] ?? '';
    expect(token, text).not.toBe('');
    expect(text).toContain(`I need to reschedule: http://loopwise.test/s/${token}?action=reschedule`);
    expect(token).not.toBe(bookingToken);
    const before = await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${bookingToken}` });
    expect(before.statusCode, 'the booking link still works after the reminder').toBe(200);
    expect(before.json()).toMatchObject({ state: 'confirmed', interview: { candidateConfirmed: false } });
    expect(await staffView()).toMatchObject({ candidateConfirmedAt: null, unconfirmedSoon: true });
    expect(await listed()).toMatchObject({ candidateConfirmedAt: null, unconfirmedSoon: true });

    const confirmedAt = clock.toISOString();
    for (let k = 0; k < 2; k++) {
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/public/links/${token}/confirm`, payload: {} });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ state: 'confirmed', interview: { candidateConfirmed: true } });
      clock = new Date(clock.getTime() + minute);
    }
    expect(await staffView()).toMatchObject({ candidateConfirmedAt: confirmedAt, unconfirmedSoon: false });
    expect(await listed()).toMatchObject({ candidateConfirmedAt: confirmedAt, unconfirmedSoon: false });
    const audits = await t.database.db.selectFrom('audit_events').select('actor_type').where('action', '=', 'interview.candidate_confirmed').where('entity_id', '=', interviewId).execute();
    expect(audits.map((a) => a.actor_type), 'recorded once').toEqual(['candidate']);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${bookingToken}` })).statusCode).toBe(200);

    hm = await signIn(t.app, 'hm@acme.test');
    expect((await call('POST', `/api/v1/interviews/${interviewId}/cancel`, { reason: 'Withdrew' })).statusCode).toBe(200);
    for (const revoked of [token, bookingToken]) {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${revoked}` })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/public/links/${revoked}/confirm`, payload: {} })).statusCode).toBe(404);
    }
  });

  it('never delivers a queued reminder after its interview moved or was canceled', async () => {
    clock = new Date('2026-12-21T13:00:00Z');
    hm = await signIn(t.app, 'hm@acme.test');
    const hmUser = acme.user('hm@acme.test');
    const { requisition, stages } = await makeRequisition(acme, { client: null });
    const book = async (starts: Date) => {
      const application = await makeApplication(acme, requisition.id);
      const requestId = (await call('POST', '/api/v1/scheduling-requests', { applicationId: application.id, stageId: stages.hm })).json<{ id: string }>().id;
      const booked = await call('POST', `/api/v1/scheduling-requests/${requestId}/book`, { sessions: [{ start: starts.toISOString(), interviewerIds: [hmUser.id] }] });
      expect(booked.statusCode, booked.body).toBe(201);
      return booked.json<{ id: string }>().id;
    };
    const starts = new Date('2026-12-23T15:00:00Z');
    const [kept, moved, canceled] = [await book(starts), await book(new Date(starts.getTime() + 2 * hour)), await book(new Date(starts.getTime() + 4 * hour))];
    const mailDir = mkdtempSync(path.join(os.tmpdir(), 'lw-reminders-'));
    const outbox = outboxJob(t.database.db, { email: emailChannel(createMailer({ smtpUrl: undefined, mailDir, host: 'loopwise.test' }), 'loopwise.test') });
    while ((await outbox.runOnce(clock)) > 0); // the booking invites
    const written = () => readdirSync(mailDir).map((file) => file.replace(/\.eml$/, ''));

    // All three reminders are queued; then, before the worker sends them, two interviews change.
    const job = remindersJob(t.database.db, { everyMs: 0, publicUrl: 'http://loopwise.test' });
    expect(await job.runOnce(new Date(starts.getTime() - 20 * hour))).toBe(6);
    clock = new Date(starts.getTime() - 20 * hour);
    hm = await signIn(t.app, 'hm@acme.test');
    const later = new Date(starts.getTime() + 48 * hour);
    expect((await call('POST', `/api/v1/interviews/${moved}/reschedule`, { sessions: [{ start: later.toISOString(), interviewerIds: [hmUser.id] }], reason: 'Clash' })).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/interviews/${canceled}/cancel`, { reason: 'Withdrew' })).statusCode).toBe(200);
    while ((await outbox.runOnce(clock)) > 0);

    const rows = await t.database.db.selectFrom('outbox_messages').select(['id', 'dedupe_key', 'status', 'last_error']).where('dedupe_key', 'like', 'reminder:%').where('created_at', '>=', new Date('2026-12-21T00:00:00Z')).execute();
    const byInterview = (id: string) => rows.filter((row) => row.dedupe_key.startsWith(`reminder:${id}:`)).map((row) => [row.status, row.last_error]);
    expect(byInterview(kept)).toEqual([['sent', null], ['sent', null]]);
    expect(byInterview(moved)).toEqual([['canceled', 'The interview moved after this reminder was queued.'], ['canceled', 'The interview moved after this reminder was queued.']]);
    expect(byInterview(canceled)).toEqual([['canceled', 'The interview was canceled after this reminder was queued.'], ['canceled', 'The interview was canceled after this reminder was queued.']]);
    const mine = rows.filter((row) => [kept, moved, canceled].some((id) => row.dedupe_key.startsWith(`reminder:${id}:`)));
    const sentIds = mine.filter((row) => row.status === 'sent').map((row) => row.id);
    expect(written().filter((id) => mine.some((row) => row.id === id)).sort(), 'only the unchanged interview was reminded').toEqual(sentIds.sort());
  });
});
