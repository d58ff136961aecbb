import { z } from 'zod';
import type { WebhookEndpoint } from '../../db/schema.js';

export const webhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** An endpoint as admins see it: its secret (sealed or not) never leaves the server. */
export function presentWebhookEndpoint(endpoint: WebhookEndpoint): z.infer<typeof webhookEndpointSchema> {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.event_types,
    active: endpoint.active,
    createdAt: endpoint.created_at.toISOString(),
    updatedAt: endpoint.updated_at.toISOString(),
  };
}

export const endpointWithSecretSchema = z.object({
  endpoint: webhookEndpointSchema,
  secret: z.string().describe('The signing secret (whsec_…). Shown only in this response: store it now.'),
});
