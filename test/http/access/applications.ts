import { makeCandidate, makeRequisition } from '../../helpers/directory-factories.js';
import { candidateOf } from './candidates.js';
import { expectAll, type AccessRow, type Fixtures, type RecordVariant } from './types.js';

const variants: RecordVariant[] = ['own', 'other_client', 'other_org'];

/** `own` is submitted to Northwind and managed by `hm@acme.test`, so both may read it (see candidates.ts). */
function expectFor(variant: RecordVariant, ok: number, seen: { hiring_manager: number; client_user: number }) {
  if (variant === 'other_org') return expectAll(404, { other_org_admin: ok, anonymous: 401 });
  const base = { admin: ok, recruiter: ok, coordinator: ok, anonymous: 401 };
  return expectAll(404, variant === 'own' ? { ...base, ...seen } : base);
}

const moves: { path: string; body?: () => unknown }[] = [
  { path: 'advance', body: () => ({}) },
  { path: 'reject', body: () => ({ reason: 'Matrix' }) },
  { path: 'withdraw', body: () => ({ reason: 'Matrix' }) },
  { path: 'submit-to-client' },
];

function recordRows(variant: RecordVariant): AccessRow[] {
  // A fresh application per request, so one actor's move never changes another's answer.
  const url = (suffix = '') => async (f: Fixtures) => `/api/v1/applications/${(await candidateOf(f, variant)).application.id}${suffix}`;
  return [
    { method: 'GET', route: '/api/v1/applications/:id', record: variant, url: url(), expect: expectFor(variant, 200, { hiring_manager: 200, client_user: 200 }) },
    ...moves.map((move): AccessRow => {
      // Beta's requisitions have no client: submitting there is a rule violation even for its admin.
      const ok = variant === 'other_org' && move.path === 'submit-to-client' ? 422 : 200;
      return {
        method: 'POST',
        route: `/api/v1/applications/:id/${move.path}`,
        record: variant,
        url: url(`/${move.path}`),
        ...(move.body ? { body: move.body } : {}),
        expect: expectFor(variant, ok, { hiring_manager: 403, client_user: 403 }),
      };
    }),
  ];
}

let next: { candidateId: string; requisitionId: string } | null = null;

export const rows: AccessRow[] = [
  { method: 'GET', route: '/api/v1/applications', url: () => '/api/v1/applications', expect: expectAll(200, { interviewer: 403, anonymous: 401 }) },
  {
    method: 'POST',
    route: '/api/v1/applications',
    url: async (f) => {
      const { requisition } = await makeRequisition(f.db, f.orgs.acme, { clientId: f.clients.northwind, hiringManagerId: f.user('hm@acme.test').id });
      next = { candidateId: (await makeCandidate(f.db, f.orgs.acme)).id, requisitionId: requisition.id };
      return '/api/v1/applications';
    },
    body: () => next,
    // Beta's admin may add applications, but not with Acme's candidate and requisition.
    expect: expectAll(403, { admin: 201, recruiter: 201, coordinator: 201, other_org_admin: 400, anonymous: 401 }),
  },
  ...variants.flatMap(recordRows),
];
