import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDeliveries, retryDelivery } from '../../services/deliveries.js';
import { contextOf } from '../auth.js';
import { deliverySchema, presentDelivery } from '../presenters/delivery.js';
import { errorResponses, idParams, pageQuery } from '../schemas.js';

const deliveryQuery = pageQuery
  .extend({
    status: z.enum(['pending', 'sent', 'failed', 'canceled']).optional(),
    channel: z.enum(['email', 'webhook', 'calendar']).optional(),
  })
  .strict();

/** Outbox deliveries as admins see them: failed ones can be retried (DESIGN §2, §5). */
export const deliveriesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/deliveries',
    {
      schema: {
        tags: ['deliveries'],
        summary: 'Emails and webhooks of the organization with their delivery state, newest first (admins)',
        querystring: deliveryQuery,
        response: { 200: z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const page = await listDeliveries(db(), contextOf(request), request.query);
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/deliveries/:id/retry',
    {
      schema: {
        tags: ['deliveries'],
        summary: 'Queue a failed delivery again with a fresh attempt budget (admins)',
        params: idParams,
        response: { 200: deliverySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => presentDelivery(await retryDelivery(db(), contextOf(request), request.params.id)),
  );
};
