import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const poolsRoutes: FastifyPluginAsyncZod = async (_app) => {};
