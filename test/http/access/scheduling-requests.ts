import { makeSchedulingRecord, type Variant } from '../../helpers/scheduling-access.js';
import { expectAll, type AccessRow, type Fixtures } from './types.js';

// Bodies are built in `url` (which runs first for each actor) and read back in `body`.
let pending: unknown = null;
const stash = (value: unknown) => (pending = value);

const read = (variant: Variant): AccessRow['expect'] =>
  variant === 'own'
    ? expectAll(200, { interviewer: 404, other_org_admin: 404, anonymous: 401 })
    : variant === 'other_client'
      ? expectAll(200, { interviewer: 404, client_user: 404, other_org_admin: 404, anonymous: 401 })
      : expectAll(404, { other_org_admin: 200, anonymous: 401 });

async function firstOption(f: Fixtures, variant: Variant, requestId: string): Promise<string> {
  const headers = await f.headers(variant === 'other_org' ? 'other_org_admin' : 'admin');
  const res = await f.app.inject({ method: 'GET', url: `/api/v1/scheduling-requests/${requestId}/options`, headers });
  const id = res.json<{ options?: { id: string }[] }>().options?.[0]?.id;
  if (!id) throw new Error(`no option for the access row: ${res.body}`);
  return id;
}

const variants: Variant[] = ['own', 'other_client', 'other_org'];

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/scheduling-requests',
    url: () => '/api/v1/scheduling-requests',
    expect: expectAll(200, { interviewer: 403, anonymous: 401 }),
  },
  ...variants.map(
    (variant): AccessRow => ({
      method: 'POST',
      route: '/api/v1/scheduling-requests',
      url: async (f) => {
        const r = await makeSchedulingRecord(f, variant);
        await f.db.deleteFrom('scheduling_requests').where('id', '=', r.requestId).execute();
        stash({ applicationId: r.applicationId, stageId: r.stageId });
        return '/api/v1/scheduling-requests';
      },
      body: () => pending,
      expect:
        variant === 'own'
          ? expectAll(201, { interviewer: 404, client_user: 403, other_org_admin: 404, anonymous: 401 })
          : variant === 'other_client'
            ? expectAll(201, { interviewer: 404, client_user: 404, other_org_admin: 404, anonymous: 401 })
            : expectAll(404, { other_org_admin: 201, anonymous: 401 }),
    }),
  ),
  ...variants.flatMap((variant): AccessRow[] => [
    {
      method: 'GET',
      route: '/api/v1/scheduling-requests/:id',
      record: variant,
      url: async (f) => `/api/v1/scheduling-requests/${(await makeSchedulingRecord(f, variant)).requestId}`,
      expect: read(variant),
    },
    {
      method: 'GET',
      route: '/api/v1/scheduling-requests/:id/options',
      record: variant,
      url: async (f) => `/api/v1/scheduling-requests/${(await makeSchedulingRecord(f, variant)).requestId}/options`,
      expect: variant === 'own' ? { ...read(variant), client_user: 403 } : read(variant),
    },
    {
      method: 'POST',
      route: '/api/v1/scheduling-requests/:id/offer',
      record: variant,
      url: async (f) => `/api/v1/scheduling-requests/${(await makeSchedulingRecord(f, variant)).requestId}/offer`,
      body: () => ({}),
      expect: variant === 'other_org' ? read(variant) : { ...read(variant), hiring_manager: 403, ...(variant === 'own' ? { client_user: 403 } : {}) },
    },
    {
      method: 'POST',
      route: '/api/v1/scheduling-requests/:id/book',
      record: variant,
      url: async (f) => {
        const r = await makeSchedulingRecord(f, variant);
        stash({ optionId: await firstOption(f, variant, r.requestId) });
        return `/api/v1/scheduling-requests/${r.requestId}/book`;
      },
      body: () => pending,
      expect:
        variant === 'other_org'
          ? expectAll(404, { other_org_admin: 201, anonymous: 401 })
          : { ...read(variant), admin: 201, recruiter: 201, coordinator: 201, hiring_manager: 403, ...(variant === 'own' ? { client_user: 403 } : {}) },
    },
  ]),
];
