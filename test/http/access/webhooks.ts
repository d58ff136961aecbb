import type { Fixtures } from './types.js';
import { expectAll, type AccessRow } from './types.js';

// Webhook endpoints are integration settings: admins only, 404 for everyone else.
const adminOnly = expectAll(404, { admin: 200, other_org_admin: 200, anonymous: 401 });
const ownOnly = expectAll(404, { admin: 200, anonymous: 401 });
const otherOrgOnly = expectAll(404, { other_org_admin: 200, anonymous: 401 });

async function endpoint(f: Fixtures, org: 'acme' | 'beta'): Promise<string> {
  const row = await f.db
    .insertInto('webhook_endpoints')
    .values({ organization_id: f.orgs[org], url: 'https://hooks.example.com/loopwise', event_types: ['interview.booked'], secret_sealed: 'v1.a.b.c' })
    .returning('id')
    .executeTakeFirstOrThrow();
  f.remember(org, row.id);
  return row.id;
}

const perRecord = (
  method: AccessRow['method'],
  route: string,
  suffix: string,
  options: { body?: AccessRow['body']; status?: number } = {},
): AccessRow[] => {
  const status = options.status ?? 200;
  return [
    {
      method,
      route,
      record: 'own',
      url: async (f) => `/api/v1/webhooks/${await endpoint(f, 'acme')}${suffix}`,
      ...(options.body ? { body: options.body } : {}),
      expect: { ...ownOnly, admin: status },
    },
    {
      method,
      route,
      record: 'other_org',
      url: async (f) => `/api/v1/webhooks/${await endpoint(f, 'beta')}${suffix}`,
      ...(options.body ? { body: options.body } : {}),
      expect: { ...otherOrgOnly, other_org_admin: status },
    },
  ];
};

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/webhooks',
    url: async (f) => {
      await endpoint(f, 'acme');
      await endpoint(f, 'beta');
      return '/api/v1/webhooks';
    },
    expect: adminOnly,
  },
  {
    method: 'POST',
    route: '/api/v1/webhooks',
    url: () => '/api/v1/webhooks',
    body: () => ({ url: 'https://hooks.example.com/new', eventTypes: ['interview.booked', 'interview.canceled'] }),
    expect: { ...adminOnly, admin: 201, other_org_admin: 201 },
  },
  { method: 'GET', route: '/api/v1/webhooks/event-types', url: () => '/api/v1/webhooks/event-types', expect: adminOnly },
  ...perRecord('GET', '/api/v1/webhooks/:id', ''),
  ...perRecord('PATCH', '/api/v1/webhooks/:id', '', { body: () => ({ active: false }) }),
  ...perRecord('DELETE', '/api/v1/webhooks/:id', '', { status: 204 }),
  ...perRecord('POST', '/api/v1/webhooks/:id/rotate-secret', '/rotate-secret'),
  ...perRecord('GET', '/api/v1/webhooks/:id/deliveries', '/deliveries'),
];
