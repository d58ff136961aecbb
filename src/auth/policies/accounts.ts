import { adminOnly, definePolicy, everyone, staff, type Condition } from './rules.js';

const isSelf: Condition<{ id: string }> = (actor, record) => actor.kind === 'user' && actor.id === record.id;
const ownClient: Condition<{ id: string }> = (actor, record) => actor.kind === 'user' && actor.clientId === record.id;

export const accountPolicies = {
  organization: definePolicy({
    label: 'Organization',
    actions: { read: [{ roles: everyone }], update: [{ roles: adminOnly }] },
  }),
  user: definePolicy<{ id: string }>({
    label: 'User',
    actions: {
      read: [{ roles: [...staff, 'hiring_manager'] }, { roles: everyone, when: isSelf }],
      create: [{ roles: adminOnly }],
      update: [{ roles: adminOnly }],
    },
  }),
  client: definePolicy<{ id: string }>({
    label: 'Client',
    actions: {
      read: [{ roles: staff }, { roles: ['client_user'], when: ownClient }],
      create: [{ roles: adminOnly }],
      update: [{ roles: adminOnly }],
    },
  }),
  apiKey: definePolicy({
    label: 'API key',
    actions: { read: [{ roles: adminOnly }], create: [{ roles: adminOnly }], revoke: [{ roles: adminOnly }] },
  }),
  audit: definePolicy({
    label: 'Audit trail',
    actions: { read: [{ roles: staff }] },
  }),
};
