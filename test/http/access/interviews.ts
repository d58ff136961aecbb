import type { InterviewStatus } from '../../../src/db/schema.js';
import { makeSchedulingRecord, type Variant } from '../../helpers/scheduling-access.js';
import { expectAll, type AccessRow, type Expect, type Fixtures } from './types.js';

let pending: unknown = null;

const variants: Variant[] = ['own', 'other_client', 'other_org'];

/** Who can see an interview held by the recruiter and interviewer1 on a client-visible stage. */
const read = (variant: Variant): Expect =>
  variant === 'own'
    ? expectAll(200, { other_org_admin: 404, anonymous: 401 })
    : variant === 'other_client'
      ? expectAll(200, { client_user: 404, other_org_admin: 404, anonymous: 401 })
      : expectAll(404, { other_org_admin: 200, anonymous: 401 });

/** Staff (and who else is named) may act; everyone else who can see it gets 403. */
function act(variant: Variant, ok: number, allowed: Partial<Expect>): Expect {
  if (variant === 'other_org') return expectAll(404, { other_org_admin: ok, anonymous: 401 });
  const visible = read(variant);
  const out = { ...visible };
  for (const actor of ['hiring_manager', 'interviewer', 'client_user'] as const) if (visible[actor] === 200) out[actor] = 403;
  for (const actor of ['admin', 'recruiter', 'coordinator'] as const) out[actor] = ok;
  for (const [actor, status] of Object.entries(allowed)) if (visible[actor as keyof Expect] === 200) out[actor as keyof Expect] = status;
  return out;
}

const interviewUrl = (status: InterviewStatus, suffix: string, options: { past?: boolean } = {}) => (variant: Variant) => async (f: Fixtures) =>
  `/api/v1/interviews/${(await makeSchedulingRecord(f, variant, { interview: status, ...options })).interviewId}${suffix}`;

function rowsFor(route: string, url: (v: Variant) => (f: Fixtures) => Promise<string>, body: (() => unknown) | undefined, expect: (v: Variant) => Expect): AccessRow[] {
  return variants.map((variant) => ({ method: 'POST', route, record: variant, url: url(variant), ...(body ? { body } : {}), expect: expect(variant) }));
}

export const rows: AccessRow[] = [
  { method: 'GET', route: '/api/v1/interviews', url: () => '/api/v1/interviews', expect: expectAll(200, { anonymous: 401 }) },
  ...variants.map((variant): AccessRow => ({ method: 'GET', route: '/api/v1/interviews/:id', record: variant, url: interviewUrl('confirmed', '')(variant), expect: read(variant) })),
  ...rowsFor(
    '/api/v1/interviews/:id/reschedule',
    (variant) => async (f) => {
      const r = await makeSchedulingRecord(f, variant, { interview: 'confirmed' });
      const headers = await f.headers(variant === 'other_org' ? 'other_org_admin' : 'admin');
      const res = await f.app.inject({ method: 'GET', url: `/api/v1/scheduling-requests/${r.requestId}/options`, headers });
      pending = { optionId: res.json<{ options: { id: string }[] }>().options[0]?.id ?? 'none', initiator: 'candidate', reason: 'asked by phone' };
      return `/api/v1/interviews/${r.interviewId}/reschedule`;
    },
    () => pending,
    (v) => act(v, 200, {}),
  ),
  ...rowsFor('/api/v1/interviews/:id/cancel', interviewUrl('confirmed', '/cancel'), () => ({ reason: 'Position filled' }), (v) => act(v, 200, {})),
  ...rowsFor('/api/v1/interviews/:id/outcome', interviewUrl('confirmed', '/outcome', { past: true }), () => ({ outcome: 'completed' }), (v) => act(v, 200, { hiring_manager: 200, interviewer: 200 })),
  ...rowsFor('/api/v1/interviews/:id/rebook', interviewUrl('no_show', '/rebook'), () => ({}), (v) => act(v, 201, { hiring_manager: 201 })),
  ...rowsFor('/api/v1/interviews/:id/approve', interviewUrl('pending_approval', '/approve'), () => ({}), (v) => act(v, 200, { client_user: 200 })),
  ...rowsFor('/api/v1/interviews/:id/decline', interviewUrl('pending_approval', '/decline'), () => ({ reason: 'Panel unavailable' }), (v) => act(v, 200, { client_user: 200 })),
  ...rowsFor(
    '/api/v1/interviews/:id/propose',
    interviewUrl('pending_approval', '/propose'),
    () => ({ windows: [{ start: '2030-01-07T15:00:00Z', end: '2030-01-07T18:00:00Z' }] }),
    (v) => act(v, 200, { client_user: 200 }),
  ),
  ...rowsFor('/api/v1/interviews/:id/decline-assignment', interviewUrl('confirmed', '/decline-assignment'), () => ({ reason: 'Out sick' }), (v) =>
    v === 'other_org' ? expectAll(404, { other_org_admin: 403, anonymous: 401 }) : { ...act(v, 403, { interviewer: 200 }) },
  ),
];
