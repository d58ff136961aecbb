import { expectAll, type AccessRow } from './types.js';

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/organization',
    url: () => '/api/v1/organization',
    expect: expectAll(200, { anonymous: 401 }),
  },
  {
    // Everyone sees their organization; only its admins change it. An empty change is valid.
    method: 'PATCH',
    route: '/api/v1/organization',
    url: () => '/api/v1/organization',
    body: () => ({}),
    expect: expectAll(403, { admin: 200, other_org_admin: 200, anonymous: 401 }),
  },
];
