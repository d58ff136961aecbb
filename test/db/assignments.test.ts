import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict } from '../../src/core/errors.js';
import type { DatabaseHandle } from '../../src/db/connection.js';
import { backends, openTestDatabase } from '../helpers/db.js';
import { makeOrganization, makeUser } from '../helpers/factories.js';

describe.each(backends)('interview assignments on the %s database', (backend) => {
  let database: DatabaseHandle;
  let org: { id: string };
  let interviewer: { id: string };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    org = await makeOrganization(database.db);
    interviewer = await makeUser(database.db, org.id);
  });
  afterAll(() => database.close());

  const hold = (startsAt: string, endsAt: string, blockedUntil = endsAt, interviewerId = interviewer.id) =>
    database.db
      .insertInto('interview_assignments')
      .values({
        organization_id: org.id,
        interviewer_id: interviewerId,
        starts_at: startsAt,
        ends_at: endsAt,
        blocked_until: blockedUntil,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

  it('accepts back-to-back slots and refuses an overlap with a domain Conflict', async () => {
    await hold('2026-12-01T15:00:00Z', '2026-12-01T16:00:00Z');
    await hold('2026-12-01T16:00:00Z', '2026-12-01T17:00:00Z');
    const overlap = hold('2026-12-01T16:30:00Z', '2026-12-01T17:30:00Z');
    await expect(overlap).rejects.toBeInstanceOf(Conflict);
    await expect(overlap).rejects.toMatchObject({
      status: 409,
      details: { constraint: 'interview_assignments_no_overlap', sqlState: '23P01' },
    });
  });

  it('refuses an overlap written with another time-zone offset', async () => {
    await expect(hold('2026-12-01T10:30:00-05:00', '2026-12-01T11:00:00-05:00')).rejects.toBeInstanceOf(Conflict);
  });

  it('enforces the buffer through blocked_until', async () => {
    await hold('2026-12-02T15:00:00Z', '2026-12-02T16:00:00Z', '2026-12-02T16:15:00Z');
    await expect(hold('2026-12-02T16:00:00Z', '2026-12-02T17:00:00Z')).rejects.toBeInstanceOf(Conflict);
    await hold('2026-12-02T16:15:00Z', '2026-12-02T17:00:00Z');
  });

  it('lets another interviewer hold the same time, and a released hold free it', async () => {
    const other = await makeUser(database.db, org.id);
    await hold('2026-12-01T15:00:00Z', '2026-12-01T16:00:00Z', undefined, other.id);
    const first = await hold('2026-12-03T15:00:00Z', '2026-12-03T16:00:00Z');
    await database.db
      .updateTable('interview_assignments')
      .set({ released_at: new Date() })
      .where('id', '=', first.id)
      .execute();
    await hold('2026-12-03T15:00:00Z', '2026-12-03T16:00:00Z');
  });

  it('maps a unique violation to Conflict and leaves the transaction all-or-nothing', async () => {
    const attempt = database.db.transaction().execute(async (trx) => {
      await trx.insertInto('users').values({
        organization_id: org.id, email: 'dup@example.test', name: 'A', role: 'recruiter', time_zone: 'UTC',
      }).execute();
      await trx.insertInto('users').values({
        organization_id: org.id, email: 'dup@example.test', name: 'B', role: 'recruiter', time_zone: 'UTC',
      }).execute();
    });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', details: { constraint: 'users_email_unique' } });
    const { rows } = await sql<{ n: number }>`select count(*) as n from users where email = 'dup@example.test'`.execute(database.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('returns 64-bit integers as numbers', async () => {
    const { rows } = await sql<{ big: number }>`select 9007199254740991::bigint as big`.execute(database.db);
    expect(rows[0]?.big).toBe(Number.MAX_SAFE_INTEGER);
  });
});
