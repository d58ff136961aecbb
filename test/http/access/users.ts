import { randomUUID } from 'node:crypto';
import type { Fixtures } from './types.js';
import { expectAll, type AccessRow, type RecordVariant } from './types.js';

/**
 * A fresh user who has not accepted their invite yet: a Northwind client user (`own`), a Globex
 * one (`other_client`) or a Beta Talent recruiter (`other_org`).
 */
async function pendingUser(f: Fixtures, record: RecordVariant): Promise<string> {
  const clientId = record === 'own' ? f.clients.northwind : record === 'other_client' ? f.clients.globex : null;
  const row = await f.db
    .insertInto('users')
    .values({
      organization_id: record === 'other_org' ? f.orgs.beta : f.orgs.acme,
      email: `pending-${randomUUID()}@matrix.test`,
      name: 'Pending Person',
      role: clientId ? 'client_user' : 'recruiter',
      client_id: clientId,
      time_zone: 'America/New_York',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (record === 'own') f.remember('acme', row.id);
  if (record === 'other_client') {
    f.remember('acme', row.id);
    f.remember('globex', row.id);
  }
  return row.id;
}

// Staff and hiring managers see the organization's users; interviewers and client users only themselves.
const readers = { admin: 200, recruiter: 200, coordinator: 200, hiring_manager: 200, anonymous: 401 };
// Changing a user is for admins; those who may see the user but not change them get 403.
const adminWrites = { admin: 200, recruiter: 403, coordinator: 403, hiring_manager: 403, anonymous: 401 };
const otherOrgOnly = expectAll(404, { other_org_admin: 200, anonymous: 401 });

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/users',
    url: () => '/api/v1/users?limit=100',
    expect: expectAll(200, { anonymous: 401 }),
  },
  {
    method: 'GET',
    route: '/api/v1/users/:id',
    record: 'own',
    url: (f) => `/api/v1/users/${f.user('client@northwind.test').id}`,
    // The Northwind client user reads themselves.
    expect: expectAll(404, { ...readers, client_user: 200 }),
  },
  {
    method: 'GET',
    route: '/api/v1/users/:id',
    record: 'own',
    url: (f) => `/api/v1/users/${f.user('recruiter@acme.test').id}`,
    expect: expectAll(404, readers),
  },
  {
    method: 'GET',
    route: '/api/v1/users/:id',
    record: 'other_client',
    url: (f) => `/api/v1/users/${f.user('client@globex.test').id}`,
    expect: expectAll(404, readers),
  },
  {
    method: 'GET',
    route: '/api/v1/users/:id',
    record: 'other_org',
    url: (f) => `/api/v1/users/${f.user('admin@beta.test').id}`,
    expect: otherOrgOnly,
  },
  {
    method: 'POST',
    route: '/api/v1/users/invites',
    url: () => '/api/v1/users/invites',
    body: () => ({ email: `invitee-${randomUUID()}@matrix.test`, name: 'Ivy Invitee', role: 'recruiter', timeZone: 'Europe/London' }),
    expect: expectAll(404, { admin: 201, recruiter: 403, coordinator: 403, hiring_manager: 403, other_org_admin: 201, anonymous: 401 }),
  },
  ...(['own', 'other_client', 'other_org'] as const).flatMap((record): AccessRow[] => [
    {
      method: 'POST',
      route: '/api/v1/users/:id/invites/resend',
      record,
      url: async (f) => `/api/v1/users/${await pendingUser(f, record)}/invites/resend`,
      expect: record === 'other_org' ? otherOrgOnly : expectAll(404, adminWrites),
    },
    {
      method: 'PATCH',
      route: '/api/v1/users/:id',
      record,
      url: async (f) => `/api/v1/users/${await pendingUser(f, record)}`,
      body: () => ({ name: 'Renamed Person', timeZone: 'Asia/Kolkata' }),
      expect: record === 'other_org' ? otherOrgOnly : expectAll(404, adminWrites),
    },
  ]),
];
