import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  listWebhookEventTypes,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  webhookEventTypes,
  type WebhookSettings,
} from '../../services/webhooks.js';
import { contextOf } from '../auth.js';
import { presentWebhookDelivery, webhookDeliverySchema } from '../presenters/delivery.js';
import { endpointWithSecretSchema, presentWebhookEndpoint, webhookEndpointSchema } from '../presenters/webhook.js';
import { errorResponses, idParams } from '../schemas.js';

const endpointFields = z.object({
  url: z.string().trim().min(1).max(2000),
  description: z.string().trim().max(500).nullable().optional(),
  eventTypes: z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length),
  active: z.boolean().optional(),
});

/** Webhook endpoints of the organization and their delivery log (DESIGN §5); admins only. */
export const webhooksRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const settings = (): WebhookSettings => ({ encryptionKey: app.deps.config.encryptionKey, allowPrivateUrls: app.deps.config.env !== 'production' });
  const tags = ['webhooks'];

  app.get(
    '/webhooks',
    { schema: { tags, summary: 'Webhook endpoints, newest first', response: { 200: z.object({ items: z.array(webhookEndpointSchema) }), ...errorResponses(401, 404) } } },
    async (request) => ({ items: (await listWebhookEndpoints(db(), contextOf(request))).map(presentWebhookEndpoint) }),
  );

  app.get(
    '/webhooks/event-types',
    {
      schema: {
        tags,
        summary: 'The event types an endpoint can subscribe to, each with a one-line description',
        response: { 200: z.object({ items: z.array(z.object({ type: z.enum(webhookEventTypes), description: z.string() })) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ items: listWebhookEventTypes(contextOf(request)) }),
  );

  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Register an endpoint; the response holds its signing secret, shown only this once',
        body: endpointFields.strict(),
        response: { 201: endpointWithSecretSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { endpoint, secret } = await createWebhookEndpoint(db(), contextOf(request), settings(), request.body);
      return reply.status(201).send({ endpoint: presentWebhookEndpoint(endpoint), secret });
    },
  );

  app.get(
    '/webhooks/:id',
    { schema: { tags, summary: 'One webhook endpoint', params: idParams, response: { 200: webhookEndpointSchema, ...errorResponses(400, 401, 404) } } },
    async (request) => presentWebhookEndpoint(await getWebhookEndpoint(db(), contextOf(request), request.params.id)),
  );

  app.patch(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change the URL, event types, description, or disable/enable an endpoint',
        params: idParams,
        body: endpointFields.partial().strict(),
        response: { 200: webhookEndpointSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => presentWebhookEndpoint(await updateWebhookEndpoint(db(), contextOf(request), settings(), request.params.id, request.body)),
  );

  app.delete(
    '/webhooks/:id',
    { schema: { tags, summary: 'Delete an endpoint; its pending deliveries are canceled', params: idParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      await deleteWebhookEndpoint(db(), contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/webhooks/:id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Replace the signing secret at once; the new one is shown only in this response',
        params: idParams,
        response: { 200: endpointWithSecretSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { endpoint, secret } = await rotateWebhookSecret(db(), contextOf(request), settings(), request.params.id);
      return { endpoint: presentWebhookEndpoint(endpoint), secret };
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Delivery log of an endpoint, newest first: every attempt with its response code and time',
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }).strict(),
        response: { 200: z.object({ items: z.array(webhookDeliverySchema) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const deliveries = await listWebhookDeliveries(db(), contextOf(request), request.params.id, request.query.limit);
      return { items: deliveries.map(({ message, attempts }) => presentWebhookDelivery(message, attempts)) };
    },
  );
};
