import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const interviewsRoutes: FastifyPluginAsyncZod = async (_app) => {};
