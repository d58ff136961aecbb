import { expectAll, type AccessRow } from './types.js';

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/me',
    url: () => '/api/v1/me',
    expect: expectAll(200, { anonymous: 401 }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/logout',
    url: () => '/api/v1/auth/logout',
    body: () => ({}),
    freshSession: true,
    expect: expectAll(200, { anonymous: 401 }),
    // A key has no session: signing out ends nothing (`endedSessions: 0`) and changes nothing.
    apiKeys: { read: 200, scheduling: 200, admin: 200 },
  },
];
