import path from 'node:path';
import os from 'node:os';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.js';
import { buildApp } from '../../src/http/app.js';
import { openTestApp, signIn, testConfig, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';
import { loadAcme, makeApplication, makeRequisition, type Acme } from '../helpers/scheduling-factories.js';

const now = new Date('2026-12-01T13:00:00Z');
/** Ten disjoint two-hour slots on Mon–Wed (UTC), inside interviewer1's 09:00–17:00 New York day. */
const slots = ['2026-12-07', '2026-12-08', '2026-12-09'].flatMap((day) => ['14:00', '16:00', '18:00', '20:00'].map((time) => Date.parse(`${day}T${time}:00Z`))).slice(0, 10);
/** Five attempts per slot, 0–20 minutes apart: all five overlap each other, never another slot. */
const offsets = [0, 5, 10, 15, 20];

type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

async function setUp(t: TestApp, acme: Acme) {
  const interviewer = acme.user('interviewer1@acme.test');
  const nineToFive = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]]));
  await t.database.db
    .updateTable('users')
    .set({ time_zone: 'America/New_York', working_hours: JSON.stringify(nineToFive), max_interviews_per_day: null, max_interviews_per_week: null })
    .where('id', '=', interviewer.id)
    .execute();
  const { requisition, stages } = await makeRequisition(acme, {}, [
    { key: 'one', rules: { mode: 'coordinator', sessions: [{ name: 'Pairing', durationMinutes: 60, requirements: [{ kind: 'people', personIds: [interviewer.id] }] }] } },
  ]);
  const coordinator = await signIn(t.app, 'coordinator@acme.test');
  const requests: string[] = [];
  for (let i = 0; i < slots.length * offsets.length; i++) {
    const application = await makeApplication(acme, requisition.id);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/scheduling-requests', headers: coordinator.headers, payload: { applicationId: application.id, stageId: stages.one } });
    requests.push(res.json().id as string);
  }
  return { interviewer, coordinator, requests };
}

async function race(injects: Inject[], session: Session, requests: string[], interviewerId: string) {
  const attempts = requests.map((id, i) => {
    const start = slots[Math.floor(i / offsets.length)]! + offsets[i % offsets.length]! * 60_000;
    return injects[i % injects.length]!({
      method: 'POST',
      url: `/api/v1/scheduling-requests/${id}/book`,
      headers: session.headers,
      payload: { sessions: [{ start: new Date(start).toISOString(), interviewerIds: [interviewerId] }] },
    });
  });
  return Promise.all(attempts);
}

async function overlaps(database: DatabaseHandle): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from interview_assignments a
    join interview_assignments b on a.interviewer_id = b.interviewer_id and a.id < b.id
    where a.released_at is null and b.released_at is null
      and tstzrange(a.starts_at, a.blocked_until) && tstzrange(b.starts_at, b.blocked_until)`.execute(database.db);
  return rows[0]!.n;
}

function expectOutcome(responses: Awaited<ReturnType<typeof race>>): void {
  const statuses = responses.map((r) => r.statusCode);
  expect(statuses.filter((s) => s === 201)).toHaveLength(slots.length);
  expect(statuses.filter((s) => s === 409)).toHaveLength(responses.length - slots.length);
  for (const r of responses.filter((x) => x.statusCode === 409)) {
    expect(r.json().error.code).toBe('conflict');
    expect(Array.isArray(r.json().error.details.alternatives)).toBe(true);
  }
  // Exactly one attempt per slot wins.
  const won = responses.flatMap((r, i) => (r.statusCode === 201 ? [Math.floor(i / offsets.length)] : []));
  expect(new Set(won).size).toBe(slots.length);
}

describe.each(backends)('concurrent bookings on the %s database', (backend) => {
  let t: TestApp;
  let acme: Acme;

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => now });
    acme = await loadAcme(t.database.db);
  });
  afterAll(() => t.close());

  it('lets exactly the non-overlapping bookings of 50 parallel attempts succeed; the others get 409 with alternatives', async () => {
    const { interviewer, coordinator, requests } = await setUp(t, acme);
    const responses = await race([(o) => t.app.inject(o)], coordinator, requests, interviewer.id);
    expectOutcome(responses);
    expect(responses.find((r) => r.statusCode === 409)!.json().error.details.alternatives.length).toBeGreaterThan(0);
    expect(await overlaps(t.database)).toBe(0);
  });
});

describe.runIf(backends.includes('server'))('concurrent bookings from two app instances on one PostgreSQL database', () => {
  let t: TestApp;
  let second: { app: TestApp['app']; database: DatabaseHandle };

  beforeAll(async () => {
    t = await openTestApp('server', { demo: true, now: () => now });
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.database.db);
    const url = new URL(inject('serverTemplateUrl'));
    url.pathname = `/${rows[0]!.name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    const app = await buildApp({ config: testConfig(), database, now: () => now }, { webDir: path.join(os.tmpdir(), 'loopwise-no-web') });
    second = { app, database };
  });
  afterAll(async () => {
    await second.app.close();
    await second.database.close();
    await t.close();
  });

  it('never double-books an interviewer across instances', async () => {
    const acme = await loadAcme(t.database.db);
    const { interviewer, coordinator, requests } = await setUp(t, acme);
    const responses = await race([(o) => t.app.inject(o), (o) => second.app.inject(o)], coordinator, requests, interviewer.id);
    expectOutcome(responses);
    expect(await overlaps(t.database)).toBe(0);
  });
});
