import { expectAll, type AccessRow } from './types.js';

// The audit trail is for admins, recruiters and coordinators; other roles cannot see it (404).
const staff = expectAll(404, { admin: 200, recruiter: 200, coordinator: 200, other_org_admin: 200, anonymous: 401 });

export const rows: AccessRow[] = [
  { method: 'GET', route: '/api/v1/audit', url: () => '/api/v1/audit', expect: staff },
  { method: 'GET', route: '/api/v1/audit/verify', url: () => '/api/v1/audit/verify', expect: staff },
];
