import type { Role } from '../../db/schema.js';
import { adminOnly, definePolicy, type Condition } from './rules.js';

/** People who can sit on interviews and so have a calendar worth reading; client users do not. */
const internal: Role[] = ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'interviewer'];
const isOwner: Condition<{ user_id?: unknown }> = (actor, record) => actor.kind === 'user' && actor.id === record.user_id;

/**
 * A calendar connection or feed is its owner's: only they connect, sync, rotate or remove it.
 * Admins see every connection of the organization (status, last sync, error) to help people fix them.
 */
export const calendarPolicies = {
  calendarConnection: definePolicy<{ user_id?: unknown }>({
    label: 'Calendar connection',
    actions: {
      read: [{ roles: adminOnly }, { roles: internal, when: isOwner }],
      connect: [{ roles: internal, when: isOwner }],
      sync: [{ roles: internal, when: isOwner }],
      delete: [{ roles: internal, when: isOwner }],
      list_all: [{ roles: adminOnly }],
    },
  }),
  calendarFeed: definePolicy<{ user_id?: unknown }>({
    label: 'Calendar feed',
    actions: {
      read: [{ roles: internal, when: isOwner }],
      manage: [{ roles: internal, when: isOwner }],
    },
  }),
};
