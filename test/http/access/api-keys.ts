import { expectAll, type AccessRow } from './types.js';

// API keys are admin-only: everyone else in the organization cannot see them at all (404).
const adminOnly = expectAll(404, { admin: 200, other_org_admin: 200, anonymous: 401 });

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/api-keys',
    url: async (f) => {
      await f.make.apiKey('acme');
      return '/api/v1/api-keys';
    },
    expect: adminOnly,
  },
  {
    method: 'POST',
    route: '/api/v1/api-keys',
    url: () => '/api/v1/api-keys',
    body: () => ({ name: 'Matrix integration', scope: 'read' }),
    expect: { ...adminOnly, admin: 201, other_org_admin: 201 },
  },
  {
    method: 'POST',
    route: '/api/v1/api-keys/:id/revoke',
    record: 'own',
    url: async (f) => `/api/v1/api-keys/${(await f.make.apiKey('acme')).id}/revoke`,
    expect: expectAll(404, { admin: 200, anonymous: 401 }),
  },
  {
    method: 'POST',
    route: '/api/v1/api-keys/:id/revoke',
    record: 'other_org',
    url: async (f) => `/api/v1/api-keys/${(await f.make.apiKey('beta')).id}/revoke`,
    expect: expectAll(404, { other_org_admin: 200, anonymous: 401 }),
  },
];
