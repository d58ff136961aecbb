import type { Fixtures } from './types.js';
import { expectAll, type AccessRow } from './types.js';

// Imports are for staff (admins, recruiters, coordinators); other roles cannot see them (404).
const staff = expectAll(404, { admin: 200, recruiter: 200, coordinator: 200, other_org_admin: 200, anonymous: 401 });
const ownOnly = expectAll(404, { admin: 200, recruiter: 200, coordinator: 200, anonymous: 401 });
const otherOrgOnly = expectAll(404, { other_org_admin: 200, anonymous: 401 });

async function storedImport(f: Fixtures, org: 'acme' | 'beta'): Promise<string> {
  const row = await f.db
    .insertInto('imports')
    .values({
      organization_id: f.orgs[org], kind: 'candidates', file_name: 'people.csv', status: 'succeeded', row_count: 1, created_count: 1, updated_count: 0,
      skipped_count: 0, report: JSON.stringify({ rows: 1, created: 1, updated: 0, skipped: 0, errorCount: 0, errors: [] }), created_by: null, created_by_label: 'ATS',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  f.remember(org, row.id);
  return row.id;
}

export const rows: AccessRow[] = [
  {
    method: 'GET',
    route: '/api/v1/imports',
    url: async (f) => {
      await storedImport(f, 'acme');
      await storedImport(f, 'beta');
      return '/api/v1/imports';
    },
    expect: staff,
  },
  {
    method: 'POST',
    route: '/api/v1/imports',
    url: () => '/api/v1/imports',
    // A dry run: the same authorization as a real import, and nothing is written.
    body: () => ({ kind: 'candidates', csv: 'external_id,name,email,time_zone\nX-1,Access Test,access@example.com,UTC\n', dryRun: true }),
    expect: staff,
    apiKeys: { read: 403, scheduling: 200, admin: 200 },
  },
  { method: 'GET', route: '/api/v1/imports/:id', record: 'own', url: async (f) => `/api/v1/imports/${await storedImport(f, 'acme')}`, expect: ownOnly },
  { method: 'GET', route: '/api/v1/imports/:id', record: 'other_org', url: async (f) => `/api/v1/imports/${await storedImport(f, 'beta')}`, expect: otherOrgOnly },
];
