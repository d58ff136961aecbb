import { randomUUID } from 'node:crypto';
import { makePool } from '../../helpers/directory-factories.js';
import { makeUser } from '../../helpers/factories.js';
import { expectAll, type AccessRow, type Fixtures } from './types.js';

// Staff read pools, only admins change them; hiring managers, interviewers and client users see none.
type Variant = 'own' | 'other_org';
const org = (f: Fixtures, variant: Variant) => (variant === 'own' ? f.orgs.acme : f.orgs.beta);
const poolOf = (f: Fixtures, variant: Variant, memberIds: string[] = []) => makePool(f.db, org(f, variant), { name: `Matrix pool ${randomUUID()}`, memberIds });
/** A fresh interviewer of the organization to add or remove (Beta's demo has none). */
const interviewerOf = (f: Fixtures, variant: Variant) => makeUser(f.db, org(f, variant), { role: 'interviewer' });

function expectFor(variant: Variant, read: boolean, ok: number) {
  if (variant === 'other_org') return expectAll(404, { other_org_admin: ok, anonymous: 401 });
  return expectAll(404, { admin: ok, recruiter: read ? ok : 403, coordinator: read ? ok : 403, anonymous: 401 });
}

function recordRows(variant: Variant): AccessRow[] {
  let memberId = '';
  return [
    { method: 'GET', route: '/api/v1/pools/:id', record: variant, url: async (f) => `/api/v1/pools/${(await poolOf(f, variant)).id}`, expect: expectFor(variant, true, 200) },
    {
      method: 'PATCH',
      route: '/api/v1/pools/:id',
      record: variant,
      url: async (f) => `/api/v1/pools/${(await poolOf(f, variant)).id}`,
      body: () => ({ requiredTag: null }),
      expect: expectFor(variant, false, 200),
    },
    { method: 'DELETE', route: '/api/v1/pools/:id', record: variant, url: async (f) => `/api/v1/pools/${(await poolOf(f, variant)).id}`, expect: expectFor(variant, false, 204) },
    {
      method: 'POST',
      route: '/api/v1/pools/:id/members',
      record: variant,
      url: async (f) => {
        memberId = (await interviewerOf(f, variant)).id;
        return `/api/v1/pools/${(await poolOf(f, variant)).id}/members`;
      },
      body: () => ({ userId: memberId }),
      expect: expectFor(variant, false, 200),
    },
    {
      method: 'DELETE',
      route: '/api/v1/pools/:id/members/:userId',
      record: variant,
      url: async (f) => {
        const member = await interviewerOf(f, variant);
        return `/api/v1/pools/${(await poolOf(f, variant, [member.id])).id}/members/${member.id}`;
      },
      expect: expectFor(variant, false, 200),
    },
  ];
}

export const rows: AccessRow[] = [
  { method: 'GET', route: '/api/v1/pools', url: () => '/api/v1/pools', expect: expectAll(403, { admin: 200, recruiter: 200, coordinator: 200, other_org_admin: 200, anonymous: 401 }) },
  {
    method: 'POST',
    route: '/api/v1/pools',
    url: () => '/api/v1/pools',
    body: () => ({ name: `Matrix pool ${randomUUID()}`, requiredTag: 'technical' }),
    expect: expectAll(403, { admin: 201, other_org_admin: 201, anonymous: 401 }),
  },
  ...recordRows('own'),
  ...recordRows('other_org'),
];
