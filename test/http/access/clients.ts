import { randomUUID } from 'node:crypto';
import type { Fixtures } from './types.js';
import { expectAll, type AccessRow } from './types.js';

/** A fresh client of Beta Talent (the demo gives Beta none). */
async function betaClient(f: Fixtures): Promise<string> {
  const row = await f.db.insertInto('clients').values({ organization_id: f.orgs.beta, name: `Beta client ${randomUUID()}` }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

// Staff read every client, a client user only their own; hiring managers and interviewers none.
const staff = { admin: 200, recruiter: 200, coordinator: 200, anonymous: 401 };
const otherOrgOnly = expectAll(404, { other_org_admin: 200, anonymous: 401 });

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/clients',
    url: () => '/api/v1/clients',
    expect: expectAll(404, { ...staff, client_user: 200, other_org_admin: 200 }),
  },
  {
    method: 'POST',
    route: '/api/v1/clients',
    url: () => '/api/v1/clients',
    body: () => ({ name: `Matrix client ${randomUUID()}`, externalId: 'ATS-1' }),
    expect: expectAll(404, { admin: 201, recruiter: 403, coordinator: 403, other_org_admin: 201, anonymous: 401 }),
  },
  ...(['', '/users'] as const).flatMap((suffix): AccessRow[] => [
    {
      method: 'GET',
      route: `/api/v1/clients/:id${suffix}`,
      record: 'own',
      url: (f) => `/api/v1/clients/${f.clients.northwind}${suffix}`,
      expect: expectAll(404, { ...staff, client_user: 200 }),
    },
    {
      method: 'GET',
      route: `/api/v1/clients/:id${suffix}`,
      record: 'other_client',
      url: (f) => `/api/v1/clients/${f.clients.globex}${suffix}`,
      expect: expectAll(404, staff),
    },
    {
      method: 'GET',
      route: `/api/v1/clients/:id${suffix}`,
      record: 'other_org',
      url: async (f) => `/api/v1/clients/${await betaClient(f)}${suffix}`,
      expect: otherOrgOnly,
    },
  ]),
  {
    method: 'PATCH',
    route: '/api/v1/clients/:id',
    record: 'own',
    url: (f) => `/api/v1/clients/${f.clients.northwind}`,
    body: () => ({ externalId: 'NW-001' }),
    // The Northwind client user sees their client but may not change it.
    expect: expectAll(404, { admin: 200, recruiter: 403, coordinator: 403, client_user: 403, anonymous: 401 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/clients/:id',
    record: 'other_client',
    url: (f) => `/api/v1/clients/${f.clients.globex}`,
    body: () => ({ externalId: 'GX-001' }),
    expect: expectAll(404, { admin: 200, recruiter: 403, coordinator: 403, anonymous: 401 }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/clients/:id',
    record: 'other_org',
    url: async (f) => `/api/v1/clients/${await betaClient(f)}`,
    body: () => ({ externalId: 'BT-001' }),
    expect: otherOrgOnly,
  },
];
