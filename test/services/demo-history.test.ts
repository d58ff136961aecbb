import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyOrganizations } from '../../src/cli/audit.js';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { seedDemoWithHistory } from '../../src/services/demo.js';
import type { HistoryResult } from '../../src/services/demo-history.js';
import { backends, openTestDatabase } from '../helpers/db.js';

const now = new Date('2026-11-25T15:00:00Z');
const DAY = 86_400_000;

describe.each(backends)('demo scheduling history on the %s database', (backend) => {
  let database: DatabaseHandle;
  let history: HistoryResult;
  let seededMs = 0;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const started = performance.now();
    ({ history } = (await seedDemoWithHistory(database.db, { now, publicUrl: 'http://localhost:3000' })) as { history: HistoryResult });
    seededMs = performance.now() - started;
  });
  afterAll(() => database.close());

  it('plays every step of every story through the real commands', () => {
    expect(history.refused).toEqual([]);
    expect(history.requests).toBe(41);
    console.info(`[demo history] ${history.requests} requests, ${history.steps} steps in ${Math.round(seededMs)} ms`);
  });

  it('leaves open requests of different ages waiting on the coordinator, the candidate and the client', async () => {
    const open = await database.db.selectFrom('scheduling_requests').select(['waiting_on', 'ready_at', 'status']).where('status', 'in', ['ready', 'offered', 'booked']).execute();
    const waiting = (who: string) => open.filter((r) => r.waiting_on === who);
    expect(waiting('coordinator').length).toBeGreaterThanOrEqual(4);
    expect(waiting('candidate').length).toBeGreaterThanOrEqual(3);
    expect(waiting('client')).toHaveLength(2);
    const ages = waiting('coordinator').map((r) => (now.getTime() - r.ready_at.getTime()) / DAY);
    expect(Math.min(...ages)).toBeLessThan(1);
    expect(Math.max(...ages)).toBeGreaterThan(7);
  });

  it('books upcoming interviews more than a day out, and has eight weeks of outcomes, reschedules and cancellations behind', async () => {
    const interviews = await database.db.selectFrom('interviews').selectAll().execute();
    const upcoming = interviews.filter((i) => i.starts_at > now && ['confirmed', 'pending_approval'].includes(i.status));
    expect(upcoming.length).toBeGreaterThanOrEqual(5);
    expect(upcoming.every((i) => i.starts_at.getTime() > now.getTime() + 26 * 3_600_000)).toBe(true);
    const count = (status: string) => interviews.filter((i) => i.status === status).length;
    expect(count('completed')).toBeGreaterThanOrEqual(15);
    expect(count('no_show')).toBeGreaterThanOrEqual(2);
    expect(count('canceled')).toBeGreaterThanOrEqual(1);
    const transitions = await database.db.selectFrom('request_transitions').select(['event', 'initiator', 'at']).execute();
    const reschedules = transitions.filter((t) => t.event === 'reschedule');
    expect(new Set(reschedules.map((t) => t.initiator))).toEqual(new Set(['candidate', 'staff', 'interviewer']));
    expect(Math.min(...transitions.map((t) => t.at.getTime()))).toBeLessThan(now.getTime() - 7 * 7 * DAY);
    expect(Math.max(...transitions.map((t) => t.at.getTime()))).toBeLessThanOrEqual(now.getTime());
  });

  it('keeps the audit chain intact, and leaves no stale mail for the worker', async () => {
    const results = await verifyOrganizations(database.db, Buffer.alloc(32, 7));
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const pending = await database.db.selectFrom('outbox_messages').select('id').where('status', '=', 'pending').execute();
    expect(pending).toEqual([]);
  });
});
