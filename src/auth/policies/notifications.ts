import { adminOnly, definePolicy } from './rules.js';

/** Webhook endpoints and outbox deliveries are integration settings: admins only (DESIGN §1). */
export const notificationPolicies = {
  webhookEndpoint: definePolicy({
    label: 'Webhook endpoint',
    actions: { read: [{ roles: adminOnly }], create: [{ roles: adminOnly }], update: [{ roles: adminOnly }], delete: [{ roles: adminOnly }] },
  }),
  delivery: definePolicy({
    label: 'Delivery',
    actions: { read: [{ roles: adminOnly }], retry: [{ roles: adminOnly }] },
  }),
};
