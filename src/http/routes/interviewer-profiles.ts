import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const interviewerProfilesRoutes: FastifyPluginAsyncZod = async (_app) => {};
