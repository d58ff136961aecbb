import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const devMailRoutes: FastifyPluginAsyncZod = async (_app) => {};
