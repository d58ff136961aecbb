import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageTemplate } from '../../src/services/stage-rules.js';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { makeHistory, type StepActor } from '../helpers/metric-factories.js';
import { loadAcme, makeApplication, makeCandidate, makeRequisition, type Acme, type RequisitionInput } from '../helpers/scheduling-factories.js';

/**
 * A month of known scheduling history in Acme (and one booking in Beta Talent that must never be
 * counted), then every metric and a few cuts checked against numbers worked out by hand below.
 *
 * Requisitions: R1 Northwind (hiring manager Harper, coordinator Casey), R2 Globex (coordinator
 * Casey), R3 in-house (no coordinator). Period: November 2026; now: 1 December 12:00 UTC.
 *
 *   A R1 client stage  create 11-02 09:00, book (Casey) 11-02 13:00         TTS 4 h   starts 11-09 13:00, completed, interviewer 1
 *   B R1 client stage  create 11-03, offer (Casey) 11-03 01:00, book (candidate) 11-04,
 *                      reschedule (candidate) 11-05                         TTS 24 h  starts 11-06, candidate no-show, interviewer 2
 *   C R2 panel         create 11-05, book (Casey) 11-07, reschedule (Casey, staff) 11-08 00:00,
 *                      reschedule (Casey, for the candidate) 11-08 06:00     TTS 48 h  starts 11-08 12:00, completed, interviewer 1
 *   D R3 screen        create 11-10, book (Riley) 11-10 02:00               TTS 2 h   starts 12-03, no outcome
 *   E R3 screen        create 10-20, book (Riley) 10-25, reschedule (Riley) 11-15     starts 11-16, completed
 *   F R1 client stage  create 11-25, offer (Casey) 11-25 01:00 → waits on the candidate
 *   G R2 panel         create 11-30 06:00 → waits on the coordinator
 *   H R3 screen        create 12-01 09:00 → waits on the coordinator
 *   I R1 hm stage      create 11-01, offer (Casey) 11-01 01:00 → waits on the candidate (not client-visible)
 */
const now = new Date('2026-12-01T12:00:00Z');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by value
type MetricBody = { total: Record<string, number | null>; groups: any[]; [key: string]: unknown };
const november = 'from=2026-11-01&to=2026-11-30';

describe.each(backends)('metrics on the %s database', (backend) => {
  let t: TestApp;
  let acme: Acme;
  let clock = now;
  const s: Record<string, Session> = {};
  const r: Record<string, { id: string; stages: Record<string, string> }> = {};

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => clock });
    acme = await loadAcme(t.database.db);
    for (const who of ['admin@acme.test', 'coordinator@acme.test', 'hm@acme.test', 'client@northwind.test', 'client@globex.test', 'interviewer1@acme.test', 'admin@beta.test']) {
      s[who] = await signIn(t.app, who);
    }
    const casey: StepActor = { userId: acme.user('coordinator@acme.test').id };
    const riley: StepActor = { userId: acme.user('recruiter@acme.test').id };
    const [i1, i2] = [acme.user('interviewer1@acme.test').id, acme.user('interviewer2@acme.test').id];
    const requisitions: [string, RequisitionInput][] = [
      ['R1', { client: 'northwind', title: 'Northwind Analyst' }],
      ['R2', { client: 'globex', title: 'Globex Engineer', hiringManager: 'recruiter@acme.test' }],
      ['R3', { client: null, title: 'In-house Designer', hiringManager: 'recruiter@acme.test', coordinators: [] }],
    ];
    for (const [key, input] of requisitions) {
      const made = await makeRequisition(acme, input);
      r[key] = { id: made.requisition.id, stages: made.stages };
    }
    const history = async (req: string, stage: string, source: string, steps: [string, string, StepActor, string?][], interview?: Parameters<typeof makeHistory>[1]['interview']) => {
      const candidate = await makeCandidate(acme, { source });
      const application = await makeApplication(acme, r[req]!.id, { candidateId: candidate.id });
      return makeHistory(t.database.db, {
        organizationId: acme.orgId,
        applicationId: application.id,
        stageId: r[req]!.stages[stage]!,
        steps: steps.map(([event, at, by, initiator]) => ({ event: event as 'create', at: `2026-${at}:00Z`, by, ...(initiator ? { initiator: initiator as 'staff' } : {}) })),
        ...(interview ? { interview } : {}),
      });
    };
    await history('R1', 'client', 'referral', [['create', '11-02T09:00', casey], ['book', '11-02T13:00', casey]], { startsAt: '2026-11-09T13:00:00Z', interviewerIds: [i1], outcome: 'completed' });
    await history(
      'R1',
      'client',
      'job_board',
      [['create', '11-03T00:00', casey], ['offer', '11-03T01:00', casey], ['book', '11-04T00:00', 'candidate'], ['reschedule', '11-05T00:00', 'candidate']],
      { startsAt: '2026-11-06T00:00:00Z', interviewerIds: [i2], outcome: 'candidate_no_show' },
    );
    await history(
      'R2',
      'panel',
      'job_board',
      [['create', '11-05T00:00', casey], ['book', '11-07T00:00', casey], ['reschedule', '11-08T00:00', casey, 'staff'], ['reschedule', '11-08T06:00', casey, 'candidate']],
      { startsAt: '2026-11-08T12:00:00Z', interviewerIds: [i1], outcome: 'completed' },
    );
    await history('R3', 'screen', 'linkedin', [['create', '11-10T00:00', riley], ['book', '11-10T02:00', riley]], { startsAt: '2026-12-03T15:00:00Z' });
    await history('R3', 'screen', 'referral', [['create', '10-20T00:00', riley], ['book', '10-25T00:00', riley], ['reschedule', '11-15T00:00', riley, 'staff']], { startsAt: '2026-11-16T00:00:00Z', outcome: 'completed' });
    await history('R1', 'client', 'referral', [['create', '11-25T00:00', casey], ['offer', '11-25T01:00', casey]]);
    await history('R2', 'panel', 'referral', [['create', '11-30T06:00', casey]]);
    await history('R3', 'screen', 'referral', [['create', '12-01T09:00', riley]]);
    await history('R1', 'hm', 'referral', [['create', '11-01T00:00', casey], ['offer', '11-01T01:00', casey]]);
    await betaBooking(t);
  });
  afterAll(() => t.close());

  const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: s[who]!.headers });
  const metric = async (who: string, name: string, query = '') => {
    const res = await get(who, `/api/v1/metrics/${name}?${november}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<MetricBody>();
  };
  const groups = (body: MetricBody, ...keys: string[]) =>
    body.groups.map((g: Record<string, unknown>) => Object.fromEntries<unknown>([['label', g.label], ...keys.map((k): [string, unknown] => [k, g[k]])]));

  it('time to schedule: median and p90 from ready to first booking, by client, stage, coordinator and week', async () => {
    const body = await metric('admin@acme.test', 'time-to-schedule');
    expect(body).toMatchObject({ metric: 'time-to-schedule', from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', groupBy: null, groups: [] });
    expect(body.definition).toMatch(/entering ready .* first booking/);
    // 2, 4, 24, 48 hours (E was first booked in October).
    expect(body.total).toEqual({ scheduled: 4, medianHours: 14, p90Hours: 48 });
    expect(groups(await metric('admin@acme.test', 'time-to-schedule', '&groupBy=client'), 'scheduled', 'medianHours', 'p90Hours')).toEqual([
      { label: 'Globex', scheduled: 1, medianHours: 48, p90Hours: 48 },
      { label: 'In-house', scheduled: 1, medianHours: 2, p90Hours: 2 },
      { label: 'Northwind', scheduled: 2, medianHours: 14, p90Hours: 24 },
    ]);
    expect(groups(await metric('admin@acme.test', 'time-to-schedule', '&groupBy=stage'), 'scheduled', 'medianHours')).toEqual([
      { label: 'Recruiter screen', scheduled: 1, medianHours: 2 },
      { label: 'Panel', scheduled: 1, medianHours: 48 },
      { label: 'Client', scheduled: 2, medianHours: 14 },
    ]);
    expect(groups(await metric('admin@acme.test', 'time-to-schedule', '&groupBy=coordinator'), 'scheduled', 'medianHours', 'p90Hours')).toEqual([
      { label: acme.user('coordinator@acme.test').name, scheduled: 3, medianHours: 24, p90Hours: 48 },
      { label: 'No coordinator', scheduled: 1, medianHours: 2, p90Hours: 2 },
    ]);
    const weeks = await metric('admin@acme.test', 'time-to-schedule', '&groupBy=period');
    expect(weeks.granularity).toBe('week');
    expect(weeks.groups.map((g: { key: string; scheduled: number; medianHours: number }) => [g.key, g.scheduled, g.medianHours])).toEqual([
      ['2026-11-02', 3, 24],
      ['2026-11-09', 1, 2],
    ]);
  });

  it('reschedule rate: interviews rescheduled at least once, by initiator, interviewer and client', async () => {
    const body = await metric('admin@acme.test', 'reschedule-rate');
    expect(body.total).toEqual({ booked: 4, rescheduled: 2, rate: 0.5, byCandidate: 2, byStaff: 1, byInterviewer: 0, byClient: 0 });
    expect(groups(await metric('admin@acme.test', 'reschedule-rate', '&groupBy=interviewer'), 'booked', 'rescheduled', 'rate')).toEqual([
      { label: acme.user('interviewer1@acme.test').name, booked: 2, rescheduled: 1, rate: 0.5 },
      { label: acme.user('interviewer2@acme.test').name, booked: 1, rescheduled: 1, rate: 1 },
    ]);
    expect(groups(await metric('admin@acme.test', 'reschedule-rate', '&groupBy=client'), 'booked', 'rescheduled', 'rate')).toEqual([
      { label: 'Globex', booked: 1, rescheduled: 1, rate: 1 },
      { label: 'In-house', booked: 1, rescheduled: 0, rate: 0 },
      { label: 'Northwind', booked: 2, rescheduled: 1, rate: 0.5 },
    ]);
  });

  it('no-show rate: no-shows over interviews with an outcome, by lead time and candidate source', async () => {
    const body = await metric('admin@acme.test', 'no-show-rate');
    expect(body.total).toEqual({ withOutcome: 4, noShows: 1, rate: 0.25, candidateNoShows: 1, interviewerNoShows: 0 });
    // Lead time runs from the booking that set the final time: C 6 h, B 24 h, E 24 h, A 168 h.
    const lead = await metric('admin@acme.test', 'no-show-rate', '&groupBy=leadTime');
    expect(lead.groups.map((g: { key: string; withOutcome: number; noShows: number }) => [g.key, g.withOutcome, g.noShows])).toEqual([
      ['lt24h', 1, 0],
      ['h24to72', 2, 1],
      ['gt72h', 1, 0],
    ]);
    expect(groups(await metric('admin@acme.test', 'no-show-rate', '&groupBy=source'), 'withOutcome', 'rate')).toEqual([
      { label: 'job_board', withOutcome: 2, rate: 0.5 },
      { label: 'referral', withOutcome: 2, rate: 0 },
    ]);
  });

  it('coordinator load: staff touches per booked interview, by coordinator and requisition', async () => {
    const body = await metric('admin@acme.test', 'coordinator-load');
    // Casey: A book, B offer, C book + 2 reschedules, F offer, I offer = 7; Riley: D book, E reschedule = 2.
    expect(body.total).toEqual({ touches: 9, booked: 4, perInterview: 2.25 });
    expect(groups(await metric('admin@acme.test', 'coordinator-load', '&groupBy=coordinator'), 'touches', 'booked', 'perInterview')).toEqual([
      { label: acme.user('coordinator@acme.test').name, touches: 7, booked: 3, perInterview: 2.33 },
      { label: acme.user('recruiter@acme.test').name, touches: 2, booked: 1, perInterview: 2 },
    ]);
    const byRequisition = await metric('admin@acme.test', 'coordinator-load', '&groupBy=requisition');
    expect(byRequisition.groups.map((g: { key: string; touches: number; booked: number }) => [g.key, g.touches, g.booked])).toEqual([
      [r.R2!.id, 3, 1],
      [r.R3!.id, 2, 1],
      [r.R1!.id, 4, 2],
    ]);
  });

  it('pipeline aging: open requests by age bucket and whom they wait on, as of now', async () => {
    const body = await metric('admin@acme.test', 'pipeline-aging');
    expect(body.total).toEqual({
      open: 4,
      lt1d: 1,
      d1to3: 1,
      d3to7: 1,
      gt7d: 1,
      waitingOnCoordinator: 2,
      waitingOnCandidate: 2,
      waitingOnInterviewers: 0,
      waitingOnClient: 0,
      medianAgeHours: 92.5,
    });
    expect(groups(await metric('admin@acme.test', 'pipeline-aging', '&groupBy=waitingOn'), 'open', 'lt1d', 'd1to3', 'd3to7', 'gt7d')).toEqual([
      { label: 'Coordinator', open: 2, lt1d: 1, d1to3: 1, d3to7: 0, gt7d: 0 },
      { label: 'Candidate', open: 2, lt1d: 0, d1to3: 0, d3to7: 1, gt7d: 1 },
    ]);
  });

  it('filters narrow every metric: requisition, client and stage kind', async () => {
    expect((await metric('admin@acme.test', 'time-to-schedule', `&requisitionId=${r.R1!.id}`)).total).toEqual({ scheduled: 2, medianHours: 14, p90Hours: 24 });
    expect((await metric('admin@acme.test', 'reschedule-rate', `&clientId=${acme.clients.globex}`)).total).toMatchObject({ booked: 1, rescheduled: 1 });
    expect((await metric('admin@acme.test', 'pipeline-aging', '&stageKind=recruiter_screen')).total).toMatchObject({ open: 1, lt1d: 1 });
  });

  it('CSV: a header row, the total, then the groups, with the same numbers', async () => {
    const res = await get('admin@acme.test', `/api/v1/metrics/time-to-schedule?${november}&groupBy=client&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="time-to-schedule.csv"');
    expect(res.body.split('\r\n')).toEqual([
      'key,label,scheduled,medianHours,p90Hours',
      'total,All,4,14,48',
      `${acme.clients.globex},Globex,1,48,48`,
      'none,In-house,1,2,2',
      `${acme.clients.northwind},Northwind,2,14,24`,
      '',
    ]);
  });

  it('client users see only their client’s requisitions and client-visible stages', async () => {
    const who = 'client@northwind.test';
    expect((await metric(who, 'time-to-schedule')).total).toEqual({ scheduled: 2, medianHours: 14, p90Hours: 24 });
    expect((await metric(who, 'reschedule-rate')).total).toMatchObject({ booked: 2, rescheduled: 1, rate: 0.5, byCandidate: 1 });
    expect((await metric(who, 'no-show-rate')).total).toMatchObject({ withOutcome: 2, noShows: 1, rate: 0.5 });
    expect((await metric(who, 'coordinator-load')).total).toEqual({ touches: 3, booked: 2, perInterview: 1.5 });
    // F only: I waits on the candidate too, but its stage is not shown to the client.
    expect((await metric(who, 'pipeline-aging')).total).toMatchObject({ open: 1, d3to7: 1, waitingOnCandidate: 1 });
    const byClient = await metric(who, 'time-to-schedule', '&groupBy=client');
    expect(byClient.groups.map((g: { label: string }) => g.label)).toEqual(['Northwind']);
    expect(JSON.stringify(byClient)).not.toContain(acme.clients.globex);

    const internal = await get(who, `/api/v1/metrics/time-to-schedule?groupBy=coordinator`);
    expect(internal.statusCode).toBe(403);
    expect((await get(who, `/api/v1/metrics/no-show-rate?groupBy=source`)).statusCode).toBe(403);
    expect((await get(who, `/api/v1/metrics/time-to-schedule?requisitionId=${r.R2!.id}`)).statusCode).toBe(404);
    expect((await get(who, `/api/v1/metrics/time-to-schedule?clientId=${acme.clients.globex}`)).statusCode).toBe(404);
    const list = (await get(who, '/api/v1/metrics')).json();
    expect(list.items.find((m: { name: string }) => m.name === 'time-to-schedule').cuts.map((c: { key: string }) => c.key)).toEqual(['stage', 'requisition', 'client', 'period']);
    // Globex's client user sees C's panel stage? No: panels are not client-visible.
    expect((await metric('client@globex.test', 'time-to-schedule')).total).toEqual({ scheduled: 0, medianHours: null, p90Hours: null });
  });

  it('hiring managers see their own requisitions; interviewers see no metrics', async () => {
    expect((await metric('hm@acme.test', 'time-to-schedule')).total).toEqual({ scheduled: 2, medianHours: 14, p90Hours: 24 });
    expect((await metric('hm@acme.test', 'pipeline-aging')).total).toMatchObject({ open: 2, d3to7: 1, gt7d: 1 });
    expect((await get('hm@acme.test', `/api/v1/metrics/time-to-schedule?requisitionId=${r.R2!.id}`)).statusCode).toBe(404);
    expect((await get('interviewer1@acme.test', '/api/v1/metrics/time-to-schedule')).statusCode).toBe(404);
    expect((await get('interviewer1@acme.test', '/api/v1/metrics')).statusCode).toBe(404);
  });

  it('another organization counts only its own data', async () => {
    const beta = await metric('admin@beta.test', 'time-to-schedule');
    expect(beta.total).toEqual({ scheduled: 1, medianHours: 1, p90Hours: 1 });
    expect((await metric('admin@beta.test', 'pipeline-aging')).total).toMatchObject({ open: 0 });
    expect((await get('admin@beta.test', `/api/v1/metrics/time-to-schedule?requisitionId=${r.R1!.id}`)).statusCode).toBe(404);
  });

  it('validation: unknown metric 404, bad groupBy 400 naming the allowed cuts, bad period 400', async () => {
    const unknown = await get('admin@acme.test', '/api/v1/metrics/happiness');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('There is no metric “happiness”. Metrics: time-to-schedule, reschedule-rate, no-show-rate, coordinator-load, pipeline-aging.');
    const cut = await get('admin@acme.test', '/api/v1/metrics/no-show-rate?groupBy=coordinator');
    expect(cut.statusCode).toBe(400);
    expect(cut.json().error).toMatchObject({ code: 'invalid_input', details: [{ path: 'querystring.groupBy', message: 'groupBy must be one of: stage, source, leadTime, requisition, client.' }] });
    expect((await get('admin@acme.test', '/api/v1/metrics/time-to-schedule?from=2026-11-30&to=2026-11-01')).statusCode).toBe(400);
    expect((await get('admin@acme.test', '/api/v1/metrics/time-to-schedule?from=2025-01-01&to=2026-11-01')).json().error.message).toBe('The period may span at most 366 days.');
    expect((await get('admin@acme.test', '/api/v1/metrics/time-to-schedule?from=yesterday')).statusCode).toBe(400);
    // Without a period: the last 30 days up to now.
    expect((await get('admin@acme.test', '/api/v1/metrics/time-to-schedule')).json()).toMatchObject({ from: '2026-11-01T12:00:00.000Z', to: now.toISOString() });
  });

  it('a booking made through the API counts: time to schedule and one coordinator touch', async () => {
    const start = new Date('2026-12-01T13:00:00Z');
    clock = start;
    const { requisition, stages } = await makeRequisition(acme, { client: null, title: 'API Flow' });
    const application = await makeApplication(acme, requisition.id);
    const coordinator = s['coordinator@acme.test']!.headers;
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/scheduling-requests', headers: coordinator, payload: { applicationId: application.id, stageId: stages.panel } });
    expect(created.statusCode, created.body).toBe(201);
    clock = new Date(start.getTime() + 90 * 60_000);
    const options = (await t.app.inject({ method: 'GET', url: `/api/v1/scheduling-requests/${created.json().id}/options`, headers: coordinator })).json();
    const booked = await t.app.inject({ method: 'POST', url: `/api/v1/scheduling-requests/${created.json().id}/book`, headers: coordinator, payload: { optionId: options.options[0].id } });
    expect(booked.statusCode, booked.body).toBe(201);
    const query = `from=2026-12-01&to=2026-12-01&requisitionId=${requisition.id}`;
    expect((await get('admin@acme.test', `/api/v1/metrics/time-to-schedule?${query}`)).json().total).toEqual({ scheduled: 1, medianHours: 1.5, p90Hours: 1.5 });
    expect((await get('admin@acme.test', `/api/v1/metrics/coordinator-load?${query}`)).json().total).toEqual({ touches: 1, booked: 1, perInterview: 1 });
    clock = now;
  });
});

/** Beta Talent books one interview an hour after opening the request, on 2 November. */
async function betaBooking(t: TestApp): Promise<void> {
  const db = t.database.db;
  const org = await db.selectFrom('organizations').select('id').where('name', '=', 'Beta Talent').executeTakeFirstOrThrow();
  const admin = await db.selectFrom('users').select('id').where('email', '=', 'admin@beta.test').executeTakeFirstOrThrow();
  const requisition = await db.insertInto('requisitions').values({ organization_id: org.id, title: 'Beta role', hiring_manager_id: admin.id, recruiter_id: admin.id }).returning('id').executeTakeFirstOrThrow();
  const template = stageTemplate('other', { recruiterId: admin.id, hiringManagerId: admin.id });
  const stage = await db
    .insertInto('stages')
    .values({ organization_id: org.id, requisition_id: requisition.id, position: 0, key: template.key, name: template.name, kind: template.kind, rules: JSON.stringify(template.rules) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const candidate = await db.insertInto('candidates').values({ organization_id: org.id, name: 'Beta Candidate', email: 'beta.candidate@mail.test', time_zone: 'UTC' }).returning('id').executeTakeFirstOrThrow();
  const application = await db.insertInto('applications').values({ organization_id: org.id, candidate_id: candidate.id, requisition_id: requisition.id }).returning('id').executeTakeFirstOrThrow();
  await makeHistory(db, {
    organizationId: org.id,
    applicationId: application.id,
    stageId: stage.id,
    steps: [
      { event: 'create', at: '2026-11-02T09:00:00Z', by: { userId: admin.id } },
      { event: 'book', at: '2026-11-02T10:00:00Z', by: { userId: admin.id } },
    ],
    interview: { startsAt: '2026-11-20T15:00:00Z', outcome: 'candidate_no_show' },
  });
}
