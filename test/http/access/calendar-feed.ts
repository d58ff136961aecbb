import { expectAll, type AccessRow } from './types.js';

// Each person's own private ICS feed; client users have none. API keys act for no person.
const noKeys = { read: 404, scheduling: 404, admin: 404 } as const;

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/calendar-feed',
    url: () => '/api/v1/calendar-feed',
    expect: expectAll(200, { client_user: 404, anonymous: 401 }),
    apiKeys: noKeys,
  },
  {
    method: 'POST',
    route: '/api/v1/calendar-feed',
    url: () => '/api/v1/calendar-feed',
    expect: expectAll(201, { client_user: 404, anonymous: 401 }),
    apiKeys: noKeys,
  },
  {
    method: 'DELETE',
    route: '/api/v1/calendar-feed',
    url: () => '/api/v1/calendar-feed',
    expect: expectAll(204, { client_user: 404, anonymous: 401 }),
    apiKeys: noKeys,
  },
];
