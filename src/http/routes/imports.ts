import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Placeholder: routes land here. */
export const importsRoutes: FastifyPluginAsyncZod = async () => {};
