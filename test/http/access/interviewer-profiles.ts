import type { Fixtures } from './types.js';
import { expectAll, type AccessRow } from './types.js';

/**
 * `/users/:id/working-hours|overrides|blocks`. Staff see and edit everyone's availability; an
 * interviewer or hiring manager only their own (`own` is interviewer1, the matrix's interviewer;
 * `own_other` another interviewer); client users and other organizations see none.
 */
type Target = 'own' | 'own_other' | 'other_org';
const personOf = (f: Fixtures, target: Target) =>
  f.user(target === 'own' ? 'interviewer1@acme.test' : target === 'own_other' ? 'interviewer2@acme.test' : 'admin@beta.test');

function expectFor(target: Target, ok: number) {
  if (target === 'other_org') return expectAll(404, { other_org_admin: ok, anonymous: 401 });
  return expectAll(404, { admin: ok, recruiter: ok, coordinator: ok, ...(target === 'own' ? { interviewer: ok } : {}), anonymous: 401 });
}

async function overrideOf(f: Fixtures, target: Target): Promise<string> {
  const person = personOf(f, target);
  const row = await f.db.insertInto('availability_overrides').values({ organization_id: person.organization_id, user_id: person.id, date: '2030-01-02', kind: 'day_off' }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

async function blockOf(f: Fixtures, target: Target): Promise<string> {
  const person = personOf(f, target);
  const row = await f.db
    .insertInto('availability_blocks')
    .values({ organization_id: person.organization_id, user_id: person.id, starts_at: '2030-01-02T10:00:00Z', ends_at: '2030-01-02T11:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const nineToFive = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ start: '09:00', end: '17:00' }]]));

function targetRows(target: Target): AccessRow[] {
  const record = target === 'other_org' ? 'other_org' : 'own';
  const base = (f: Fixtures) => `/api/v1/users/${personOf(f, target).id}`;
  return [
    { method: 'GET', route: '/api/v1/users/:id/working-hours', record, url: (f) => `${base(f)}/working-hours`, expect: expectFor(target, 200) },
    {
      method: 'PUT',
      route: '/api/v1/users/:id/working-hours',
      record,
      url: (f) => `${base(f)}/working-hours`,
      body: () => ({ weeklyHours: nineToFive, maxInterviewsPerDay: 2, maxInterviewsPerWeek: 6 }),
      expect: expectFor(target, 200),
    },
    { method: 'GET', route: '/api/v1/users/:id/overrides', record, url: (f) => `${base(f)}/overrides`, expect: expectFor(target, 200) },
    {
      method: 'POST',
      route: '/api/v1/users/:id/overrides',
      record,
      url: (f) => `${base(f)}/overrides`,
      body: () => ({ date: '2030-01-03', kind: 'extra', hours: [{ start: '18:00', end: '20:00' }] }),
      expect: expectFor(target, 201),
    },
    { method: 'DELETE', route: '/api/v1/users/:id/overrides/:overrideId', record, url: async (f) => `${base(f)}/overrides/${await overrideOf(f, target)}`, expect: expectFor(target, 204) },
    { method: 'GET', route: '/api/v1/users/:id/blocks', record, url: (f) => `${base(f)}/blocks`, expect: expectFor(target, 200) },
    {
      method: 'POST',
      route: '/api/v1/users/:id/blocks',
      record,
      url: (f) => `${base(f)}/blocks`,
      body: () => ({ startsAt: '2030-01-03T10:00:00Z', endsAt: '2030-01-03T11:00:00Z', reason: 'Matrix' }),
      expect: expectFor(target, 201),
    },
    { method: 'DELETE', route: '/api/v1/users/:id/blocks/:blockId', record, url: async (f) => `${base(f)}/blocks/${await blockOf(f, target)}`, expect: expectFor(target, 204) },
  ];
}

export const rows: AccessRow[] = (['own', 'own_other', 'other_org'] as const).flatMap(targetRows);
