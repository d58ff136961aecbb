import { makeSchedulingRecord, type Variant } from '../../helpers/scheduling-access.js';
import { expectAll, type AccessRow, type Expect, type Fixtures } from './types.js';

/**
 * Dashboards: staff, hiring managers and client users see metrics (each within their scope);
 * interviewers have none (404). A requisition filter names a record: one of another client is
 * not found for the client user, one of another organization for everyone in Acme.
 */
const expected: Record<Variant, Expect> = {
  own: expectAll(200, { interviewer: 404, other_org_admin: 404, anonymous: 401 }),
  other_client: expectAll(200, { interviewer: 404, client_user: 404, other_org_admin: 404, anonymous: 401 }),
  other_org: expectAll(404, { other_org_admin: 200, anonymous: 401 }),
};

const owners = { own: 'acme', other_client: 'globex', other_org: 'beta' } as const;

/** Pipeline aging of one requisition (Northwind, Globex or Beta Talent) with an open request, grouped by requisition. */
const agingOf = (variant: Variant) => async (f: Fixtures) => {
  const { applicationId } = await makeSchedulingRecord(f, variant);
  const { requisition_id } = await f.db.selectFrom('applications').select('requisition_id').where('id', '=', applicationId).executeTakeFirstOrThrow();
  f.remember(owners[variant], requisition_id);
  return `/api/v1/metrics/pipeline-aging?requisitionId=${requisition_id}&groupBy=requisition`;
};

export const rows: AccessRow[] = [
  { method: 'GET', route: '/api/v1/metrics', url: () => '/api/v1/metrics', expect: expectAll(200, { interviewer: 404, anonymous: 401 }) },
  ...(['own', 'other_client', 'other_org'] as const).map((variant): AccessRow => ({ method: 'GET', route: '/api/v1/metrics/:metric', record: variant, url: agingOf(variant), expect: expected[variant] })),
];
