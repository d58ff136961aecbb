import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const schedulingRequestsRoutes: FastifyPluginAsyncZod = async (_app) => {};
