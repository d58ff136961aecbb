import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Webhook endpoints of the organization and their delivery log (DESIGN §5). */
export const webhooksRoutes: FastifyPluginAsyncZod = async () => {};
