import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const organizationRoutes: FastifyPluginAsyncZod = async (_app) => {};
