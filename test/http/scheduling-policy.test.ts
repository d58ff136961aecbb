import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { linkRateLimit } from '../../src/http/routes/public-links.js';
import { calendarPartFor } from '../../src/jobs/interview-invites.js';
import { openTestApp, signIn, testConfig, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { lastCandidateToken, loadAcme, makeApplication, makeRequisition, type Acme } from '../helpers/scheduling-factories.js';

const start = new Date('2026-12-01T13:00:00Z');

describe.each(backends)('scheduling rules and policies on the %s database', (backend) => {
  let t: TestApp;
  let acme: Acme;
  let clock = start;
  let coordinator: Session;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => clock });
    acme = await loadAcme(t.database.db);
  });
  afterAll(() => t.close());
  // Tests move the clock; a fresh session each time keeps idle expiry out of the way.
  beforeEach(async () => {
    clock = start;
    coordinator = await signIn(t.app, 'coordinator@acme.test');
  });

  const post = (url: string, payload: object, headers: Record<string, string> = coordinator.headers) => t.app.inject({ method: 'POST', url, headers, payload });

  /** A one-session stage with interviewer1 (New York, 09:00–17:00) and the given rules. */
  async function request(rules: object = {}) {
    const person = acme.user('interviewer1@acme.test').id;
    const { requisition, stages } = await makeRequisition(acme, {}, [
      { key: 'x', rules: { sessions: [{ name: 'Talk', durationMinutes: 60, requirements: [{ kind: 'people', personIds: [person] }] }], ...rules } },
    ]);
    const application = await makeApplication(acme, requisition.id);
    const res = await post('/api/v1/scheduling-requests', { applicationId: application.id, stageId: stages.x });
    expect(res.statusCode, res.body).toBe(201);
    const candidate = await t.database.db.selectFrom('candidates').selectAll().where('id', '=', application.candidate_id).executeTakeFirstOrThrow();
    return { id: res.json().id as string, person, candidate };
  }

  const bookAt = (id: string, startIso: string, person: string, extra: object = {}, headers?: Record<string, string>) =>
    post(`/api/v1/scheduling-requests/${id}/book`, { sessions: [{ start: startIso, interviewerIds: [person] }], ...extra }, headers);
  const codes = (body: { error: { details?: { violations?: { code: string }[] } } }) => body.error.details?.violations?.map((v) => v.code) ?? [];

  it('refuses times inside the minimum notice, beyond the horizon and outside the candidate’s hours (422 naming the rule)', async () => {
    clock = start;
    const r = await request({ minNoticeHours: 48, horizonDays: 7 });
    const soon = await bookAt(r.id, '2026-12-02T15:00:00Z', r.person);
    expect(soon.statusCode).toBe(422);
    expect(codes(soon.json())).toContain('too_soon');
    const far = await bookAt(r.id, '2026-12-09T15:00:00Z', r.person);
    expect(codes(far.json())).toContain('beyond_horizon');
    // 07:00 in New York: the interviewer works from 09:00 and the candidate's day starts at 08:00.
    const early = await bookAt(r.id, '2026-12-04T12:00:00Z', r.person);
    expect(early.statusCode).toBe(422);
    expect(codes(early.json())).toContain('outside_candidate_hours');
    expect((await bookAt(r.id, '2026-12-04T15:00:00Z', r.person)).statusCode).toBe(201);
  });

  it('only lets the stage’s schedulers book (the panel template: admins and coordinators)', async () => {
    clock = start;
    const r = await request({ schedulers: ['admin', 'coordinator'] });
    const recruiter = await signIn(t.app, 'recruiter@acme.test');
    expect((await bookAt(r.id, '2026-12-04T17:00:00Z', r.person, {}, recruiter.headers)).statusCode).toBe(403);
    expect((await bookAt(r.id, '2026-12-04T17:00:00Z', r.person)).statusCode).toBe(201);
  });

  it('needs an override with a reason to go over a load limit, and audits the exceeded limit', async () => {
    clock = start;
    const first = await request();
    expect((await bookAt(first.id, '2026-12-03T15:00:00Z', first.person)).statusCode).toBe(201);
    await t.database.db.updateTable('users').set({ max_interviews_per_day: 1 }).where('id', '=', first.person).execute();
    try {
      const second = await request();
      const refused = await bookAt(second.id, '2026-12-03T18:00:00Z', second.person);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.details).toMatchObject({ overrideRequired: true, violations: [{ code: 'limit_exceeded' }] });
      const booked = await bookAt(second.id, '2026-12-03T18:00:00Z', second.person, { override: { reason: 'Hiring manager asked for this week' } });
      expect(booked.statusCode, booked.body).toBe(201);
      const audit = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'interview.load_limit_overridden').where('entity_id', '=', booked.json().id).executeTakeFirstOrThrow();
      expect(audit.changes).toMatchObject({ reason: 'Hiring manager asked for this week', exceededLimits: [{ personId: second.person, kind: 'perDay', limit: 1, count: 2 }] });
    } finally {
      await t.database.db.updateTable('users').set({ max_interviews_per_day: null }).where('id', '=', first.person).execute();
    }
  });

  it('answers 409 with fresh options when a frozen offered time no longer fits', async () => {
    clock = start;
    const r = await request({ minNoticeHours: 24 });
    expect((await post(`/api/v1/scheduling-requests/${r.id}/offer`, {})).statusCode).toBe(200);
    const token = await lastCandidateToken(t.database.db, r.candidate.email);
    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}` })).json();
    clock = new Date(start.getTime() + 2 * 86_400_000);
    const stale = await post(`/api/v1/public/links/${token}/book`, { optionId: page.options[0].id }, {});
    expect(stale.statusCode).toBe(409);
    const alternatives = stale.json().error.details.alternatives;
    expect(alternatives.length).toBeGreaterThan(0);
    expect(Object.keys(alternatives[0].sessions[0])).toEqual(['name', 'start', 'end', 'interviewers']);
    const fresh = (await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}` })).json();
    expect((await post(`/api/v1/public/links/${token}/book`, { optionId: fresh.options[0].id }, {})).statusCode).toBe(200);
  });

  it('gives the candidate the booked interview as iCalendar with the emailed invite’s UID and SEQUENCE; canceling closes once it starts', async () => {
    clock = start;
    const r = await request({ minNoticeHours: 4 });
    const booked = await bookAt(r.id, '2026-12-10T16:00:00Z', r.person);
    expect(booked.statusCode).toBe(201);
    const interviewId = booked.json().id as string;
    const token = await lastCandidateToken(t.database.db, r.candidate.email);
    const ics = await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}/interview.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
    const emailed = await t.database.db.selectFrom('outbox_messages').selectAll().where('dedupe_key', '=', `interview:${interviewId}:seq:0:candidate`).executeTakeFirstOrThrow();
    const invite = calendarPartFor(emailed, new URL(testConfig().publicUrl).host)!.ics;
    const line = (text: string, name: string) => unfold(text).split('\r\n').find((l) => l.startsWith(`${name}:`));
    expect(line(ics.body, 'UID')).toBe(`UID:interview-${interviewId}@localhost:3000`);
    expect(line(ics.body, 'UID')).toBe(line(invite, 'UID'));
    expect(line(ics.body, 'SEQUENCE')).toBe('SEQUENCE:0');
    expect(line(ics.body, 'DTSTART')).toBe('DTSTART:20261210T160000Z');
    expect(line(ics.body, 'DTEND')).toBe('DTEND:20261210T170000Z');

    // A link with only offered times has no interview to add yet.
    const other = await request({ minNoticeHours: 4 });
    expect((await post(`/api/v1/scheduling-requests/${other.id}/offer`, {})).statusCode).toBe(200);
    const offered = await lastCandidateToken(t.database.db, other.candidate.email);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${offered}/interview.ics` })).statusCode).toBe(404);

    clock = new Date('2026-12-10T16:10:00Z');
    const started = (await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}` })).json();
    expect(started.cancel).toEqual({ allowed: false, reason: 'This interview can no longer be changed online. Please contact your recruiter. (The interview has already started.)' });
    expect((await post(`/api/v1/public/links/${token}/cancel`, { reason: 'Too late' }, {})).statusCode).toBe(422);

  });

  it('lets the candidate reschedule within the cutoff and the maximum count, then says to contact the recruiter', async () => {
    clock = start;
    const r = await request({ minNoticeHours: 4, reschedule: { cutoffHours: 24, maxByCandidate: 1 } });
    expect((await bookAt(r.id, '2026-12-07T15:00:00Z', r.person)).statusCode).toBe(201);
    const token = await lastCandidateToken(t.database.db, r.candidate.email);
    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}` })).json();
    expect(page.reschedule).toMatchObject({ allowed: true, cutoffHours: 24, remaining: 1 });
    const moved = await post(`/api/v1/public/links/${token}/reschedule`, { optionId: page.reschedule.options[1].id, reason: 'Exam that day' }, {});
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().interview.start).toBe(page.reschedule.options[1].start);
    const interview = await t.database.db.selectFrom('interviews').selectAll().where('request_id', '=', r.id).executeTakeFirstOrThrow();
    expect(interview).toMatchObject({ sequence: 1, reschedule_count: 1 });
    const step = await t.database.db.selectFrom('request_transitions').selectAll().where('request_id', '=', r.id).where('event', '=', 'reschedule').executeTakeFirstOrThrow();
    expect(step).toMatchObject({ initiator: 'candidate', actor_type: 'candidate', reason: 'Exam that day' });
    const again = await post(`/api/v1/public/links/${token}/reschedule`, { optionId: page.reschedule.options[2].id }, {});
    expect(again.statusCode).toBe(422);
    expect(again.json().error.message).toMatch(/contact your recruiter/i);
    const spent = (await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}` })).json();
    expect(spent.reschedule).toMatchObject({ allowed: false, remaining: 0, reason: 'This interview can no longer be changed online. Please contact your recruiter. (You have used all 1 online reschedules.)' });
    expect(spent.cancel).toEqual({ allowed: true, reason: null });

    const late = await request({ minNoticeHours: 4, reschedule: { cutoffHours: 24, maxByCandidate: 3 } });
    expect((await bookAt(late.id, '2026-12-02T15:00:00Z', late.person)).statusCode).toBe(201);
    clock = new Date('2026-12-01T16:00:00Z');
    const lateToken = await lastCandidateToken(t.database.db, late.candidate.email);
    const latePage = (await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${lateToken}` })).json();
    expect(latePage.reschedule).toMatchObject({ allowed: false, reason: expect.stringMatching(/Changes close 24 hours before the interview/) });
    const refused = await post(`/api/v1/public/links/${lateToken}/reschedule`, { optionId: 'anything' }, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/24 hours before/);
  });

  it('requires client approval on approval stages: the candidate’s booking waits for the client', async () => {
    clock = start;
    const r = await request({ clientVisible: true, clientApprovalRequired: true });
    const booked = await bookAt(r.id, '2026-12-09T15:00:00Z', r.person);
    expect(booked.json()).toMatchObject({ status: 'pending_approval', approval: 'pending' });
    const outcome = await post(`/api/v1/interviews/${booked.json().id}/outcome`, { outcome: 'completed' });
    expect(outcome.statusCode).toBe(422);
  });

  it('records outcomes only after the start; a candidate no-show counts and can be rebooked', async () => {
    clock = start;
    const r = await request();
    const id = (await bookAt(r.id, '2026-12-08T19:00:00Z', r.person)).json().id as string;
    expect((await post(`/api/v1/interviews/${id}/outcome`, { outcome: 'candidate_no_show' })).statusCode).toBe(422);
    clock = new Date('2026-12-08T19:20:00Z');
    coordinator = await signIn(t.app, 'coordinator@acme.test');
    const noShow = await post(`/api/v1/interviews/${id}/outcome`, { outcome: 'candidate_no_show' });
    expect(noShow.statusCode, noShow.body).toBe(200);
    expect(noShow.json()).toMatchObject({ status: 'no_show', outcome: 'candidate_no_show', candidate: { noShowCount: 1 } });
    const rebook = await post(`/api/v1/interviews/${id}/rebook`, {});
    expect(rebook.statusCode, rebook.body).toBe(201);
    expect(rebook.json()).toMatchObject({ status: 'ready', rebookOf: r.id });
  });

  it('honors Idempotency-Key: same key and body → one interview; different body → 422', async () => {
    clock = start;
    const r = await request();
    const headers = { ...coordinator.headers, 'idempotency-key': `book-${r.id}` };
    const body = { sessions: [{ start: '2026-12-08T15:00:00Z', interviewerIds: [r.person] }] };
    const first = await post(`/api/v1/scheduling-requests/${r.id}/book`, body, headers);
    const second = await post(`/api/v1/scheduling-requests/${r.id}/book`, body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const interviews = await t.database.db.selectFrom('interviews').select('id').where('request_id', '=', r.id).execute();
    expect(interviews).toHaveLength(1);
    const other = await post(`/api/v1/scheduling-requests/${r.id}/book`, { sessions: [{ start: '2026-12-08T17:00:00Z', interviewerIds: [r.person] }] }, headers);
    expect(other.statusCode).toBe(422);
  });

  it('answers a wrong, revoked or expired link with a friendly 404, and rate-limits link requests', async () => {
    clock = start;
    const wrong = await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${'x'.repeat(43)}` });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.message).toMatch(/contact your recruiter/);
    const r = await request();
    expect((await post(`/api/v1/scheduling-requests/${r.id}/offer`, {})).statusCode).toBe(200);
    const token = await lastCandidateToken(t.database.db, r.candidate.email);
    expect((await post(`/api/v1/public/links/${token}/cancel`, { reason: 'Accepted another offer' }, {})).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}` })).statusCode).toBe(404);
    const statuses: number[] = [];
    for (let i = 0; i <= linkRateLimit; i++) statuses.push((await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}`, remoteAddress: '10.7.7.7' })).statusCode);
    expect(statuses.slice(0, linkRateLimit).every((s) => s === 404)).toBe(true);
    const limited = await t.app.inject({ method: 'GET', url: `/api/v1/public/links/${token}`, remoteAddress: '10.7.7.7' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
  });
});
