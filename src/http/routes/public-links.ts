import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const publicLinksRoutes: FastifyPluginAsyncZod = async (_app) => {};
