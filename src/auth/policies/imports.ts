import { definePolicy, staff } from './rules.js';

/**
 * CSV imports create and change candidates, requisitions and applications, which staff (admins,
 * recruiters and coordinators) may each do one by one; so staff may import them, and see past
 * imports. Each row still goes through the same commands and their own policy checks.
 */
export const importPolicies = {
  import: definePolicy({
    label: 'Import',
    actions: { read: [{ roles: staff }], create: [{ roles: staff }] },
  }),
};
