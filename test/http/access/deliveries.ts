import type { Fixtures } from './types.js';
import { expectAll, type AccessRow } from './types.js';

// Deliveries carry recipients of every kind (candidates, clients): admins only, 404 for everyone else.
const adminOnly = expectAll(404, { admin: 200, other_org_admin: 200, anonymous: 401 });

async function failedDelivery(f: Fixtures, org: 'acme' | 'beta'): Promise<string> {
  const row = await f.db
    .insertInto('outbox_messages')
    .values({
      organization_id: f.orgs[org],
      channel: 'email',
      dedupe_key: `matrix:${org}:${Math.random().toString(36).slice(2)}`,
      payload: JSON.stringify({ to: 'someone@example.com', subject: 'Matrix', text: 'x', html: 'x', template: 'test' }),
      status: 'failed',
      attempts: 8,
      last_error: 'ECONNREFUSED',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  f.remember(org, row.id);
  return row.id;
}

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/deliveries',
    url: async (f) => {
      await failedDelivery(f, 'acme');
      await failedDelivery(f, 'beta');
      return '/api/v1/deliveries?status=failed';
    },
    expect: adminOnly,
  },
  {
    method: 'POST',
    route: '/api/v1/deliveries/:id/retry',
    record: 'own',
    url: async (f) => `/api/v1/deliveries/${await failedDelivery(f, 'acme')}/retry`,
    expect: expectAll(404, { admin: 200, anonymous: 401 }),
  },
  {
    method: 'POST',
    route: '/api/v1/deliveries/:id/retry',
    record: 'other_org',
    url: async (f) => `/api/v1/deliveries/${await failedDelivery(f, 'beta')}/retry`,
    expect: expectAll(404, { other_org_admin: 200, anonymous: 401 }),
  },
];
