import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const requisitionsRoutes: FastifyPluginAsyncZod = async (_app) => {};
