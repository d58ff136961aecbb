import { randomUUID } from 'node:crypto';
import { makeCandidateFor } from '../../helpers/directory-factories.js';
import { expectAll, type AccessRow, type Fixtures, type RecordVariant } from './types.js';

/**
 * `own`: a candidate submitted to a Northwind requisition that `hm@acme.test` manages;
 * `other_client`: one submitted to Globex, managed by the recruiter; `other_org`: one of Beta.
 */
export async function candidateOf(f: Fixtures, variant: RecordVariant) {
  if (variant === 'other_org') return makeCandidateFor(f.db, f.orgs.beta, { hiringManagerId: f.user('admin@beta.test').id });
  return makeCandidateFor(f.db, f.orgs.acme, {
    clientId: variant === 'own' ? f.clients.northwind : f.clients.globex,
    hiringManagerId: variant === 'own' ? f.user('hm@acme.test').id : f.user('recruiter@acme.test').id,
    submitted: true,
  });
}

const staff = { admin: 200, recruiter: 200, coordinator: 200, anonymous: 401 };
const variants: RecordVariant[] = ['own', 'other_client', 'other_org'];

/** Who gets `ok` for an action on the candidate; readers without the right get 403, the rest 404. */
function expectFor(variant: RecordVariant, ok: number, seen: { hiring_manager: number; client_user: number }) {
  if (variant === 'other_org') return expectAll(404, { other_org_admin: ok, anonymous: 401 });
  const base = { admin: ok, recruiter: ok, coordinator: ok, anonymous: 401 };
  return expectAll(404, variant === 'own' ? { ...base, ...seen } : base);
}

const person = () => ({ name: 'Matrix Candidate', email: 'matrix@example.com', timeZone: 'Europe/London' });

function recordRows(variant: RecordVariant): AccessRow[] {
  const url = (suffix = '') => async (f: Fixtures) => `/api/v1/candidates/${(await candidateOf(f, variant)).candidate.id}${suffix}`;
  return [
    { method: 'GET', route: '/api/v1/candidates/:id', record: variant, url: url(), expect: expectFor(variant, 200, { hiring_manager: 200, client_user: 200 }) },
    { method: 'PATCH', route: '/api/v1/candidates/:id', record: variant, url: url(), body: () => ({ source: 'referral' }), expect: expectFor(variant, 200, { hiring_manager: 403, client_user: 403 }) },
    { method: 'GET', route: '/api/v1/candidates/:id/notes', record: variant, url: url('/notes'), expect: expectFor(variant, 200, { hiring_manager: 200, client_user: 403 }) },
    {
      method: 'POST',
      route: '/api/v1/candidates/:id/notes',
      record: variant,
      url: url('/notes'),
      body: () => ({ body: 'Matrix note' }),
      expect: expectFor(variant, 201, { hiring_manager: 201, client_user: 403 }),
    },
  ];
}

export const rows: AccessRow[] = [
  { method: 'GET', route: '/api/v1/candidates', url: () => '/api/v1/candidates', expect: expectAll(200, { interviewer: 403, anonymous: 401 }) },
  {
    method: 'POST',
    route: '/api/v1/candidates',
    url: () => '/api/v1/candidates',
    body: person,
    expect: expectAll(403, { admin: 201, recruiter: 201, coordinator: 201, other_org_admin: 201, anonymous: 401 }),
  },
  {
    method: 'PUT',
    route: '/api/v1/candidates/by-external-id/:externalId',
    record: 'own',
    url: async (f) => {
      const { candidate } = await candidateOf(f, 'own');
      const externalId = `MX-${randomUUID()}`;
      await f.db.updateTable('candidates').set({ external_id: externalId }).where('id', '=', candidate.id).execute();
      return `/api/v1/candidates/by-external-id/${externalId}`;
    },
    body: person,
    // Beta's admin has no candidate with Acme's external id, so theirs is a new one.
    expect: expectAll(403, { ...staff, other_org_admin: 201 }),
  },
  {
    method: 'PUT',
    route: '/api/v1/candidates/by-external-id/:externalId',
    record: 'other_org',
    url: async (f) => {
      const { candidate } = await candidateOf(f, 'other_org');
      const externalId = `BX-${randomUUID()}`;
      await f.db.updateTable('candidates').set({ external_id: externalId }).where('id', '=', candidate.id).execute();
      return `/api/v1/candidates/by-external-id/${externalId}`;
    },
    body: person,
    expect: expectAll(403, { admin: 201, recruiter: 201, coordinator: 201, other_org_admin: 200, anonymous: 401 }),
  },
  ...variants.flatMap(recordRows),
];
