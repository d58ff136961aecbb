import type { Fixtures } from './types.js';
import { expectAll, type AccessRow } from './types.js';

// A calendar connection is its owner's; admins see all of their organization's (and may not change them).
// API keys act for no person: an admin key may read the organization list, nothing else.
const internal = expectAll(200, { client_user: 404, anonymous: 401 });
const noKeys = { read: 404, scheduling: 404, admin: 403 } as const;

/** A connection of the demo interviewer (Acme) or of Beta's admin, to a server that is not there. */
async function connection(f: Fixtures, org: 'acme' | 'beta'): Promise<string> {
  const owner = f.user(org === 'acme' ? 'interviewer1@acme.test' : 'admin@beta.test');
  const row = await f.db
    .insertInto('calendar_connections')
    .values({
      organization_id: owner.organization_id,
      user_id: owner.id,
      provider: 'caldav',
      server_url: 'http://127.0.0.1:1/',
      calendar_url: 'http://127.0.0.1:1/cal/',
      username: 'someone',
      credentials_sealed: 'v1.a.b.c',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  f.remember(org, row.id);
  return row.id;
}

const perRecord = (method: AccessRow['method'], route: string, suffix: string, status: number): AccessRow[] => [
  {
    method,
    route,
    record: 'own',
    url: async (f) => `/api/v1/calendar-connections/${await connection(f, 'acme')}${suffix}`,
    // The owner acts; the admin sees the connection but may not change it.
    expect: expectAll(404, { interviewer: status, admin: 403, anonymous: 401 }),
    apiKeys: noKeys,
  },
  {
    method,
    route,
    record: 'other_org',
    url: async (f) => `/api/v1/calendar-connections/${await connection(f, 'beta')}${suffix}`,
    expect: expectAll(404, { other_org_admin: status, anonymous: 401 }),
    apiKeys: { read: 404, scheduling: 404, admin: 404 },
  },
];

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/calendar-connections',
    url: async (f) => {
      await connection(f, 'acme');
      await connection(f, 'beta');
      return '/api/v1/calendar-connections';
    },
    expect: internal,
    apiKeys: noKeys,
  },
  {
    method: 'GET',
    route: '/api/v1/calendar-connections/organization',
    url: async (f) => {
      await connection(f, 'acme');
      await connection(f, 'beta');
      return '/api/v1/calendar-connections/organization';
    },
    expect: expectAll(404, { admin: 200, other_org_admin: 200, anonymous: 401 }),
    apiKeys: { read: 404, scheduling: 404, admin: 200 },
  },
  {
    method: 'POST',
    route: '/api/v1/calendar-connections',
    url: () => '/api/v1/calendar-connections',
    // Allowed callers get past authorization to the real check: nothing listens on port 1 (422).
    body: () => ({ serverUrl: 'http://127.0.0.1:1/', username: 'someone', password: 'secret' }),
    expect: expectAll(422, { client_user: 404, anonymous: 401 }),
    apiKeys: noKeys,
  },
  ...perRecord('POST', '/api/v1/calendar-connections/:id/sync', '/sync', 200),
  ...perRecord('DELETE', '/api/v1/calendar-connections/:id', '', 204),
];
