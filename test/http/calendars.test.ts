import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unseal } from '../../src/integrations/secret-box.js';
import { calendarChannel } from '../../src/jobs/calendar-channel.js';
import { calendarSyncJob } from '../../src/jobs/calendar-sync.js';
import { outboxJob } from '../../src/jobs/outbox.js';
import { calendarSettingsOf, credentialContext } from '../../src/services/calendar-sync.js';
import { openTestApp, signIn, testConfig, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { radicaleInstalled, startRadicale, type TestRadicale } from '../helpers/radicale.js';
import { loadAcme, makeApplication, makeRequisition, type Acme } from '../helpers/scheduling-factories.js';

/** Tuesday 1 Dec 2026, 13:00 UTC. The stage's 24 h notice makes Wed 2 Dec 13:00 UTC the first possible start. */
const now = new Date('2026-12-01T13:00:00Z');
const wrap = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
const config = testConfig();
const settings = calendarSettingsOf(config);

describe.skipIf(!radicaleInstalled).each(backends)('connected calendars on the %s database', (backend) => {
  let t: TestApp;
  let acme: Acme;
  let radicale: TestRadicale;
  let calendarUrl: string;
  let interviewer: Session;
  let coordinator: Session;
  let admin: Session;
  let connectionId: string;
  let stageId: string;
  let requisitionId: string;
  const ivan = { username: 'ivan', password: 'ivan-secret-pass' };

  beforeAll(async () => {
    radicale = await startRadicale([ivan]);
    calendarUrl = await radicale.makeCalendar(ivan, 'work');
    // Wed 2 Dec 12:30–14:30 UTC, and every Thursday 13:00–17:00 UTC (the whole working afternoon).
    await radicale.putEvent(ivan, calendarUrl, 'dentist.ics', wrap('UID:dentist', 'DTSTART:20261202T123000Z', 'DTEND:20261202T143000Z', 'SUMMARY:Dentist'));
    await radicale.putEvent(ivan, calendarUrl, 'thursdays.ics', wrap('UID:thursdays', 'DTSTART:20261105T130000Z', 'DTEND:20261105T170000Z', 'RRULE:FREQ=WEEKLY;BYDAY=TH', 'SUMMARY:Teaching'));
    t = await openTestApp(backend, { demo: true, now: () => now });
    acme = await loadAcme(t.database.db);
    const person = acme.user('interviewer1@acme.test');
    await t.database.db.updateTable('users').set({ time_zone: 'UTC' }).where('id', '=', person.id).execute();
    const made = await makeRequisition(acme, {}, [
      { key: 'one', rules: { mode: 'coordinator', optionsCount: 3, sessions: [{ name: 'Pairing', durationMinutes: 60, requirements: [{ kind: 'people', personIds: [person.id] }] }] } },
    ]);
    stageId = made.stages.one!;
    requisitionId = made.requisition.id;
    interviewer = await signIn(t.app, 'interviewer1@acme.test');
    coordinator = await signIn(t.app, 'coordinator@acme.test');
    admin = await signIn(t.app, 'admin@acme.test');
  });
  afterAll(async () => {
    await t?.close();
    await radicale?.stop();
  });

  const as = (session: Session, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: session.headers, ...(payload ? { payload } : {}) });
  const newRequest = async () => {
    const application = await makeApplication(acme, requisitionId);
    const res = await as(coordinator, 'POST', '/scheduling-requests', { applicationId: application.id, stageId });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const firstStarts = async (requestId: string) => {
    const res = await as(coordinator, 'GET', `/scheduling-requests/${requestId}/options`);
    expect(res.statusCode).toBe(200);
    return res.json<{ options: { id: string; start: string }[]; staleCalendars: { name: string; reason: string }[] }>();
  };
  const deliver = () => outboxJob(t.database.db, { calendar: calendarChannel(t.database.db, settings) }, { baseDelayMs: 1, maxDelayMs: 1 }).runOnce(now);

  it('refuses a wrong password or an unknown calendar with a clear 422, then connects and reads busy times at once', async () => {
    const wrong = await as(interviewer, 'POST', '/calendar-connections', { serverUrl: radicale.url, username: ivan.username, password: 'nope' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toBe('The calendar server refused the username or password.');
    const missing = await as(interviewer, 'POST', '/calendar-connections', { serverUrl: radicale.url, calendarUrl: `${radicale.url}ivan/nope/`, username: ivan.username, password: ivan.password });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.message).toContain('No calendar was found');

    const before = await firstStarts(await newRequest());
    // Without the calendar: the earliest option is at once, and (options are spread) one falls on Thursday.
    expect(before.options.map((o) => o.start)).toEqual(['2026-12-02T13:00:00.000Z', '2026-12-02T15:00:00.000Z', '2026-12-03T13:00:00.000Z']);

    const res = await as(interviewer, 'POST', '/calendar-connections', { serverUrl: radicale.url, username: ivan.username, password: ivan.password });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    connectionId = body.id;
    expect(body).toMatchObject({ provider: 'caldav', calendarUrl, calendarName: 'work', username: 'ivan', status: 'active', stale: false, lastSyncedAt: now.toISOString(), lastError: null });
    expect(res.body).not.toContain(ivan.password);

    const row = await t.database.db.selectFrom('calendar_connections').selectAll().where('id', '=', connectionId).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(ivan.password);
    expect(unseal(config.encryptionKey, row.credentials_sealed, credentialContext(connectionId))).toBe(ivan.password);
    // Busy for [now, now + 60 days]: the dentist plus the Thursdays 3 Dec … 28 Jan (9 of them).
    expect(await t.database.db.selectFrom('calendar_busy').select('id').where('connection_id', '=', connectionId).execute()).toHaveLength(10);

    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'changes']).where('entity_id', '=', connectionId).execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar_connection.connected']);
    expect(JSON.stringify(audit)).not.toContain(ivan.password);
  });

  it('solver options avoid the busy times read from the calendar (Wednesday 12:30–14:30 and the weekly Thursday afternoons)', async () => {
    const after = await firstStarts(await newRequest());
    // 13:00 and 14:00 overlap the dentist; Thursday is busy 13:00–17:00, so Friday follows Wednesday.
    expect(after.options).toHaveLength(3);
    expect(after.options[0]!.start).toBe('2026-12-02T14:30:00.000Z');
    for (const option of after.options) {
      const start = Date.parse(option.start);
      expect(start >= Date.parse('2026-12-02T14:30:00Z') && !option.start.startsWith('2026-12-03')).toBe(true);
    }
    expect(after.staleCalendars).toEqual([]);
  });

  it('booking writes the event into the interviewer’s calendar, which is not read back as busy; cancel removes it', async () => {
    const requestId = await newRequest();
    const { options } = await firstStarts(requestId);
    const booked = await as(coordinator, 'POST', `/scheduling-requests/${requestId}/book`, { optionId: options[0]!.id });
    expect(booked.statusCode).toBe(201);
    const interviewId = (await t.database.db.selectFrom('interviews').select('id').where('request_id', '=', requestId).executeTakeFirstOrThrow()).id;
    expect(await deliver()).toBe(1);

    const uid = `interview-${interviewId}@localhost`;
    const stored = [...(await radicale.objects(ivan, calendarUrl)).values()].filter((ics) => ics.includes(uid));
    expect(stored).toHaveLength(1);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(stored[0]!) as unknown[]).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-02T14:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-02T15:30:00.000Z');
    expect(event.sequence).toBe(0);

    // Reading the calendar again does not count Loopwise's own event as busy: still 10 intervals.
    const synced = await as(interviewer, 'POST', `/calendar-connections/${connectionId}/sync`);
    expect(synced.statusCode).toBe(200);
    expect(await t.database.db.selectFrom('calendar_busy').select('id').where('connection_id', '=', connectionId).execute()).toHaveLength(10);

    const canceled = await as(coordinator, 'POST', `/interviews/${interviewId}/cancel`, { reason: 'Role filled' });
    expect(canceled.statusCode).toBe(200);
    expect(await deliver()).toBe(1);
    expect([...(await radicale.objects(ivan, calendarUrl)).values()].some((ics) => ics.includes(uid))).toBe(false);
  });

  it('a reschedule updates the same event with a higher SEQUENCE', async () => {
    const requestId = await newRequest();
    const { options } = await firstStarts(requestId);
    expect((await as(coordinator, 'POST', `/scheduling-requests/${requestId}/book`, { optionId: options[0]!.id })).statusCode).toBe(201);
    const moved = await as(coordinator, 'POST', `/scheduling-requests/${requestId}/book`, { sessions: [{ start: '2026-12-04T15:00:00.000Z', interviewerIds: [acme.user('interviewer1@acme.test').id] }] });
    expect(moved.statusCode).toBe(201);
    expect(await deliver()).toBe(2);
    const interviewId = (await t.database.db.selectFrom('interviews').select('id').where('request_id', '=', requestId).executeTakeFirstOrThrow()).id;
    const stored = [...(await radicale.objects(ivan, calendarUrl)).values()].filter((ics) => ics.includes(`interview-${interviewId}@`));
    expect(stored).toHaveLength(1);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(stored[0]!) as unknown[]).getFirstSubcomponent('vevent')!);
    expect(event.sequence).toBe(1);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-04T15:00:00.000Z');
  });

  it('the private ICS feed lists upcoming interviews; its token is stored hashed; rotate and revoke make old URLs 404', async () => {
    const created = await as(interviewer, 'POST', '/calendar-feed');
    expect(created.statusCode).toBe(201);
    const url = new URL(created.json<{ url: string }>().url);
    const token = /calendar-feeds\/([A-Za-z0-9_-]+)\.ics$/.exec(url.pathname)![1]!;
    const row = await t.database.db.selectFrom('calendar_feeds').selectAll().where('revoked_at', 'is', null).where('user_id', '=', acme.user('interviewer1@acme.test').id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);

    const feed = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(feed.body) as unknown[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    // The rescheduled interview of the previous test (the canceled one is gone).
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2026-12-04T15:00:00.000Z']);
    expect(events[0]!.summary).toMatch(/^one – Candidate \d+$/);
    expect(feed.body).not.toContain('@mail.test');

    const rotated = await as(interviewer, 'POST', '/calendar-feed');
    expect((await t.app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
    const next = new URL(rotated.json<{ url: string }>().url).pathname;
    expect((await t.app.inject({ method: 'GET', url: next })).statusCode).toBe(200);
    expect((await as(interviewer, 'DELETE', '/calendar-feed')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: next })).statusCode).toBe(404);
    expect((await as(interviewer, 'GET', '/calendar-feed')).json()).toMatchObject({ active: false });
  });

  it('a failing calendar is recorded, flagged stale to coordinators (queue and options) and listed for admins', async () => {
    const requestId = await newRequest();
    await t.database.db.updateTable('calendar_connections').set({ credentials_sealed: (await import('../../src/integrations/secret-box.js')).seal(config.encryptionKey, 'changed-password', credentialContext(connectionId)) }).where('id', '=', connectionId).execute();
    const synced = await as(interviewer, 'POST', `/calendar-connections/${connectionId}/sync`);
    expect(synced.json()).toMatchObject({ status: 'error', stale: true, lastError: 'The calendar server refused the username or password.', lastSyncedAt: now.toISOString() });
    // The last good busy times stay until a read succeeds.
    expect(await t.database.db.selectFrom('calendar_busy').select('id').where('connection_id', '=', connectionId).execute()).toHaveLength(10);

    const options = await firstStarts(requestId);
    expect(options.staleCalendars).toEqual([{ userId: acme.user('interviewer1@acme.test').id, name: acme.user('interviewer1@acme.test').name, reason: 'error', lastSyncedAt: now.toISOString() }]);
    const queue = await as(coordinator, 'GET', `/scheduling-requests?requisitionId=${requisitionId}&status=ready`);
    const item = queue.json<{ items: { id: string; staleCalendars: { name: string }[] }[] }>().items.find((i) => i.id === requestId)!;
    expect(item.staleCalendars.map((s) => s.name)).toEqual([acme.user('interviewer1@acme.test').name]);

    const all = await as(admin, 'GET', '/calendar-connections/organization');
    expect(all.statusCode).toBe(200);
    expect(all.json().items).toEqual([expect.objectContaining({ id: connectionId, status: 'error', stale: true, user: expect.objectContaining({ email: 'interviewer1@acme.test' }) })]);
    expect(all.body).not.toContain('changed-password');
    expect((await as(coordinator, 'GET', '/calendar-connections/organization')).statusCode).toBe(404);
  });

  it('the sync job reads due connections once per interval and records failures without throwing', async () => {
    const job = calendarSyncJob(t.database.db, settings, { intervalMs: 15 * 60_000 });
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(await job.runOnce(later)).toBe(1);
    expect(await job.runOnce(later)).toBe(0);
    const row = await t.database.db.selectFrom('calendar_connections').selectAll().where('id', '=', connectionId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'error', last_attempt_at: later });
    // Fixed password: the next due run succeeds again.
    await t.database.db.updateTable('calendar_connections').set({ credentials_sealed: (await import('../../src/integrations/secret-box.js')).seal(config.encryptionKey, ivan.password, credentialContext(connectionId)) }).where('id', '=', connectionId).execute();
    const muchLater = new Date(later.getTime() + 16 * 60_000);
    expect(await job.runOnce(muchLater)).toBe(1);
    expect(await t.database.db.selectFrom('calendar_connections').select(['status', 'last_synced_at']).where('id', '=', connectionId).executeTakeFirstOrThrow()).toEqual({ status: 'active', last_synced_at: muchLater });
  });

  it('disconnecting deletes the connection, its busy times, and is audited', async () => {
    expect((await as(admin, 'DELETE', `/calendar-connections/${connectionId}`)).statusCode).toBe(403);
    expect((await as(interviewer, 'DELETE', `/calendar-connections/${connectionId}`)).statusCode).toBe(204);
    expect(await t.database.db.selectFrom('calendar_busy').select('id').where('connection_id', '=', connectionId).execute()).toHaveLength(0);
    expect((await as(interviewer, 'GET', '/calendar-connections')).json()).toEqual({ items: [] });
    const actions = await t.database.db.selectFrom('audit_events').select('action').where('entity_id', '=', connectionId).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['calendar_connection.connected', 'calendar_connection.disconnected']);
  });
});
