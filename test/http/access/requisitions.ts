import { randomUUID } from 'node:crypto';
import { makeRequisition, rulesFor } from '../../helpers/directory-factories.js';
import { expectAll, type AccessRow, type Fixtures, type RecordVariant } from './types.js';

/**
 * Staff see and change every requisition; the hiring manager sees the ones they manage (made
 * with `hm@acme.test` here) but changes nothing; the Northwind user sees Northwind's requisitions
 * and client-visible stages only; interviewers see none.
 */
async function requisitionOf(f: Fixtures, variant: RecordVariant) {
  if (variant === 'other_org') {
    const admin = f.user('admin@beta.test').id;
    return makeRequisition(f.db, f.orgs.beta, { hiringManagerId: admin, recruiterId: admin, stages: ['recruiter_screen'] });
  }
  const clientId = variant === 'own' ? f.clients.northwind : f.clients.globex;
  return makeRequisition(f.db, f.orgs.acme, {
    clientId,
    hiringManagerId: variant === 'own' ? f.user('hm@acme.test').id : f.user('recruiter@acme.test').id,
    recruiterId: f.user('recruiter@acme.test').id,
    externalId: `MX-${randomUUID()}`,
    stages: ['recruiter_screen', 'client'],
  });
}

const staff = { admin: 200, recruiter: 200, coordinator: 200, anonymous: 401 };
const readers: Record<RecordVariant, Partial<Record<string, number>>> = {
  own: { ...staff, hiring_manager: 200, client_user: 200 },
  other_client: staff,
  other_org: { other_org_admin: 200, anonymous: 401 },
};
/** Staff may change; readers who are not staff get 403; everyone else 404. */
function writers(variant: RecordVariant, ok: number) {
  if (variant === 'other_org') return expectAll(404, { other_org_admin: ok, anonymous: 401 });
  const seen = variant === 'own' ? { hiring_manager: 403, client_user: 403 } : {};
  return expectAll(404, { admin: ok, recruiter: ok, coordinator: ok, ...seen, anonymous: 401 });
}
const variants: RecordVariant[] = ['own', 'other_client', 'other_org'];
const personOf = (f: Fixtures, variant: RecordVariant) => (variant === 'other_org' ? f.user('admin@beta.test').id : f.user('interviewer1@acme.test').id);

function recordRows(variant: RecordVariant): AccessRow[] {
  let stageIds: string[] = [];
  return [
    ...['', '/stages'].map((suffix): AccessRow => ({
      method: 'GET',
      route: `/api/v1/requisitions/:id${suffix}`,
      record: variant,
      url: async (f) => `/api/v1/requisitions/${(await requisitionOf(f, variant)).requisition.id}${suffix}`,
      expect: expectAll(404, readers[variant]),
    })),
    {
      method: 'PATCH',
      route: '/api/v1/requisitions/:id',
      record: variant,
      url: async (f) => `/api/v1/requisitions/${(await requisitionOf(f, variant)).requisition.id}`,
      body: () => ({ title: 'Renamed by the matrix' }),
      expect: writers(variant, 200),
    },
    {
      method: 'POST',
      route: '/api/v1/requisitions/:id/stages',
      record: variant,
      url: async (f) => `/api/v1/requisitions/${(await requisitionOf(f, variant)).requisition.id}/stages`,
      body: (f) => ({ name: 'Matrix stage', kind: 'other', rules: rulesFor([personOf(f, variant)]) }),
      expect: writers(variant, 201),
    },
    {
      method: 'PATCH',
      route: '/api/v1/requisitions/:id/stages/:stageId',
      record: variant,
      // The last stage: the client interview (client-visible) for Acme's requisitions.
      url: async (f) => {
        const { requisition, stages } = await requisitionOf(f, variant);
        return `/api/v1/requisitions/${requisition.id}/stages/${stages.at(-1)?.id}`;
      },
      body: () => ({ name: 'Renamed stage' }),
      expect: writers(variant, 200),
    },
    {
      method: 'DELETE',
      route: '/api/v1/requisitions/:id/stages/:stageId',
      record: variant,
      url: async (f) => {
        const { requisition, stages } = await requisitionOf(f, variant);
        return `/api/v1/requisitions/${requisition.id}/stages/${stages.at(-1)?.id}`;
      },
      expect: writers(variant, 204),
    },
    {
      method: 'POST',
      route: '/api/v1/requisitions/:id/stages/reorder',
      record: variant,
      url: async (f) => {
        const { requisition, stages } = await requisitionOf(f, variant);
        stageIds = stages.map((stage) => stage.id).reverse();
        return `/api/v1/requisitions/${requisition.id}/stages/reorder`;
      },
      body: () => ({ stageIds }),
      // A client user sees the requisition but not its internal screen stage: refused as a change.
      expect: writers(variant, 200),
    },
  ];
}

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/requisitions',
    url: () => '/api/v1/requisitions',
    expect: expectAll(200, { interviewer: 403, anonymous: 401 }),
  },
  {
    method: 'POST',
    route: '/api/v1/requisitions',
    url: () => '/api/v1/requisitions',
    body: (f) => ({ title: 'Matrix requisition', hiringManagerId: f.user('hm@acme.test').id, recruiterId: f.user('recruiter@acme.test').id }),
    // Beta's admin may create, but Acme's people are not theirs: a validation error, nothing more.
    expect: expectAll(403, { admin: 201, recruiter: 201, coordinator: 201, other_org_admin: 400, anonymous: 401 }),
  },
  {
    method: 'PUT',
    route: '/api/v1/requisitions/by-external-id/:externalId',
    record: 'own',
    url: async (f) => `/api/v1/requisitions/by-external-id/${(await requisitionOf(f, 'own')).requisition.external_id}`,
    body: (f) => ({ title: 'Upserted', hiringManagerId: f.user('hm@acme.test').id, recruiterId: f.user('recruiter@acme.test').id }),
    expect: expectAll(403, { admin: 200, recruiter: 200, coordinator: 200, other_org_admin: 400, anonymous: 401 }),
  },
  {
    method: 'PUT',
    route: '/api/v1/requisitions/by-external-id/:externalId',
    record: 'other_org',
    url: async (f) => {
      const admin = f.user('admin@beta.test').id;
      const { requisition } = await makeRequisition(f.db, f.orgs.beta, { hiringManagerId: admin, recruiterId: admin, externalId: `BX-${randomUUID()}` });
      return `/api/v1/requisitions/by-external-id/${requisition.external_id}`;
    },
    // Acme's staff would create their own requisition with that id, but Beta's admin is not their user.
    body: (f) => ({ title: 'Upserted', hiringManagerId: f.user('admin@beta.test').id, recruiterId: f.user('admin@beta.test').id }),
    expect: expectAll(403, { admin: 400, recruiter: 400, coordinator: 400, other_org_admin: 200, anonymous: 401 }),
  },
  ...variants.flatMap(recordRows),
];
