import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Outbox deliveries as admins see them: failed ones can be retried (DESIGN §2, §5). */
export const deliveriesRoutes: FastifyPluginAsyncZod = async () => {};
