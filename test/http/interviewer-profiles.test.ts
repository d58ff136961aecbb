import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { auditActions, demoIds } from '../helpers/directory-factories.js';

type Ids = Awaited<ReturnType<typeof demoIds>>;

describe.each(backends)('interviewer profiles on the %s database', (backend) => {
  let t: TestApp;
  let ids: Ids;
  const sessions: Record<string, Session> = {};
  const now = new Date('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => now });
    ids = await demoIds(t.database.db);
    for (const email of ['coordinator@acme.test', 'hm@acme.test', 'interviewer1@acme.test', 'interviewer2@acme.test', 'client@northwind.test', 'admin@beta.test']) {
      sessions[email] = await signIn(t.app, email);
    }
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, email: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: sessions[email]?.headers ?? {}, ...(payload ? { payload } : {}) });
  const hoursUrl = (email: string) => `/users/${ids.user(email)}/working-hours`;
  const week = (ranges: { start: string; end: string }[]) => ({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges });

  it('shows the demo profile: hours in the person’s zone with a lunch break, limits, tags and pools', async () => {
    const res = await call('GET', hoursUrl('interviewer2@acme.test'), 'interviewer2@acme.test');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Omar Diaz',
      timeZone: 'America/Chicago',
      weeklyHours: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] },
      maxInterviewsPerDay: 2,
      maxInterviewsPerWeek: 6,
      tags: ['technical', 'spanish'],
      pools: [{ name: 'Backend', requiredTag: 'technical' }],
      canEdit: true,
    });
    expect((await call('GET', hoursUrl('interviewer7@acme.test'), 'coordinator@acme.test')).json().timeZone).toBe('Asia/Kolkata');
  });

  it('lets an interviewer replace their own hours and limits, sorted, with the change audited', async () => {
    const res = await call('PUT', hoursUrl('interviewer1@acme.test'), 'interviewer1@acme.test', {
      weeklyHours: { tue: [{ start: '14:00', end: '18:00' }, { start: '08:00', end: '12:00' }], sat: [{ start: '10:00', end: '12:00' }] },
      maxInterviewsPerDay: 3,
      maxInterviewsPerWeek: 8,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().weeklyHours).toEqual({ tue: [{ start: '08:00', end: '12:00' }, { start: '14:00', end: '18:00' }], sat: [{ start: '10:00', end: '12:00' }] });
    expect(res.json().tags).toEqual(['technical']);
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['changes', 'actor_id'])
      .where('entity_id', '=', ids.user('interviewer1@acme.test'))
      .where('action', '=', 'interviewer_profile.updated')
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(ids.user('interviewer1@acme.test'));
    expect(event.changes).toMatchObject({ max_interviews_per_day: { from: 2, to: 3 }, max_interviews_per_week: { from: 6, to: 8 } });
  });

  it('reports invalid and overlapping ranges with field paths', async () => {
    const res = await call('PUT', hoursUrl('interviewer1@acme.test'), 'interviewer1@acme.test', {
      weeklyHours: { mon: [{ start: '17:00', end: '09:00' }], wed: [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '15:00' }], fri: [{ start: '25:00', end: '26:00' }] },
      maxInterviewsPerDay: 5,
      maxInterviewsPerWeek: 2,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.weeklyHours.mon.0', 'body.weeklyHours.wed.1', 'body.weeklyHours.fri.0']);
    const limits = await call('PUT', hoursUrl('interviewer1@acme.test'), 'interviewer1@acme.test', { weeklyHours: week([{ start: '09:00', end: '17:00' }]), maxInterviewsPerDay: 5, maxInterviewsPerWeek: 2 });
    expect(limits.json().error.details).toEqual([{ path: 'body.maxInterviewsPerDay', message: 'must not exceed the weekly limit' }]);
    const shape = await call('PUT', hoursUrl('interviewer1@acme.test'), 'interviewer1@acme.test', { weeklyHours: { funday: [] }, maxInterviewsPerDay: null, maxInterviewsPerWeek: null });
    expect(shape.statusCode).toBe(400);
  });

  it('lets only staff change tags, and keeps a tag a pool of the person requires', async () => {
    const own = await call('PUT', hoursUrl('interviewer2@acme.test'), 'interviewer2@acme.test', {
      weeklyHours: week([{ start: '09:00', end: '17:00' }]),
      maxInterviewsPerDay: 2,
      maxInterviewsPerWeek: 6,
      tags: ['technical', 'spanish', 'leadership'],
    });
    expect(own.statusCode).toBe(403);
    const staff = await call('PUT', hoursUrl('interviewer2@acme.test'), 'coordinator@acme.test', {
      weeklyHours: week([{ start: '09:00', end: '17:00' }]),
      maxInterviewsPerDay: 2,
      maxInterviewsPerWeek: 6,
      tags: ['technical', 'spanish', 'leadership'],
    });
    expect(staff.json().tags).toEqual(['leadership', 'spanish', 'technical']);
    const drop = await call('PUT', hoursUrl('interviewer2@acme.test'), 'coordinator@acme.test', { weeklyHours: week([]), maxInterviewsPerDay: 2, maxInterviewsPerWeek: 6, tags: ['spanish'] });
    expect(drop.statusCode).toBe(422);
    expect(drop.json().error.message).toContain('Backend');
  });

  it('adds and removes overrides in local dates, validating kind and hours', async () => {
    const url = `/users/${ids.user('interviewer1@acme.test')}/overrides`;
    const off = await call('POST', url, 'interviewer1@acme.test', { date: '2026-12-24', kind: 'day_off' });
    expect(off.statusCode).toBe(201);
    const extra = await call('POST', url, 'interviewer1@acme.test', { date: '2026-12-05', kind: 'extra', hours: [{ start: '10:00', end: '12:00' }] });
    expect(extra.json()).toMatchObject({ date: '2026-12-05', kind: 'extra', hours: [{ start: '10:00', end: '12:00' }] });
    const past = await call('POST', url, 'interviewer1@acme.test', { date: '2026-11-01', kind: 'day_off' });
    expect((await call('GET', url, 'interviewer1@acme.test')).json().items.map((o: { date: string }) => o.date)).toEqual(['2026-12-05', '2026-12-24']);
    expect((await call('GET', `${url}?from=2026-10-01`, 'coordinator@acme.test')).json().items).toHaveLength(3);

    const bad = await call('POST', url, 'interviewer1@acme.test', { date: '2026-02-30', kind: 'replace' });
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['body.date', 'body.hours']);
    const offWithHours = await call('POST', url, 'interviewer1@acme.test', { date: '2026-12-26', kind: 'day_off', hours: [{ start: '09:00', end: '10:00' }] });
    expect(offWithHours.json().error.details[0].path).toBe('body.hours');

    expect((await call('DELETE', `${url}/${past.json().id}`, 'interviewer1@acme.test')).statusCode).toBe(204);
    expect((await call('DELETE', `${url}/${past.json().id}`, 'interviewer1@acme.test')).statusCode).toBe(404);
    const actions = await auditActions(t.database.db, ids.user('interviewer1@acme.test'));
    expect(actions.filter((a) => a.startsWith('availability_override'))).toEqual([
      'availability_override.created',
      'availability_override.created',
      'availability_override.created',
      'availability_override.deleted',
    ]);
  });

  it('adds and removes blocks with instants, refusing reversed or huge ranges', async () => {
    const url = `/users/${ids.user('interviewer1@acme.test')}/blocks`;
    const block = await call('POST', url, 'interviewer1@acme.test', { startsAt: '2026-12-03T10:00:00-05:00', endsAt: '2026-12-03T12:00:00-05:00', reason: 'Dentist' });
    expect(block.statusCode).toBe(201);
    expect(block.json()).toMatchObject({ startsAt: '2026-12-03T15:00:00.000Z', endsAt: '2026-12-03T17:00:00.000Z', reason: 'Dentist' });
    expect((await call('GET', url, 'coordinator@acme.test')).json().items).toHaveLength(1);
    expect((await call('GET', `${url}?from=2026-12-04T00:00:00Z`, 'coordinator@acme.test')).json().items).toHaveLength(0);
    const reversed = await call('POST', url, 'interviewer1@acme.test', { startsAt: '2026-12-03T12:00:00Z', endsAt: '2026-12-03T10:00:00Z' });
    expect(reversed.json().error.details).toEqual([{ path: 'body.endsAt', message: 'must be after startsAt' }]);
    expect((await call('POST', url, 'interviewer1@acme.test', { startsAt: '2026-12-03T12:00:00Z', endsAt: '2027-06-03T10:00:00Z' })).statusCode).toBe(400);
    expect((await call('DELETE', `${url}/${block.json().id}`, 'interviewer2@acme.test')).statusCode).toBe(404);
    expect((await call('DELETE', `${url}/${block.json().id}`, 'interviewer1@acme.test')).statusCode).toBe(204);
  });

  it('keeps profiles private: other interviewers, hiring managers on others, client users and other organizations get 404', async () => {
    const other = hoursUrl('interviewer1@acme.test');
    for (const email of ['interviewer2@acme.test', 'hm@acme.test', 'client@northwind.test', 'admin@beta.test']) {
      expect((await call('GET', other, email)).statusCode).toBe(404);
      expect((await call('POST', `/users/${ids.user('interviewer1@acme.test')}/blocks`, email, { startsAt: '2026-12-03T10:00:00Z', endsAt: '2026-12-03T11:00:00Z' })).statusCode).toBe(404);
    }
    const hmOwn = await call('PUT', hoursUrl('hm@acme.test'), 'hm@acme.test', { weeklyHours: week([{ start: '10:00', end: '16:00' }]), maxInterviewsPerDay: 3, maxInterviewsPerWeek: null });
    expect(hmOwn.statusCode).toBe(200);
    expect((await call('GET', hoursUrl('client@northwind.test'), 'coordinator@acme.test')).statusCode).toBe(404);
    expect((await call('GET', hoursUrl('client@northwind.test'), 'client@northwind.test')).statusCode).toBe(404);
  });
});
