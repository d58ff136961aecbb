import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const health = z.object({ status: z.literal('ok'), version: z.string(), uptimeSeconds: z.number() });
const ready = z.object({ status: z.enum(['ready', 'not_ready']), database: z.enum(['ok', 'unavailable']) });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/healthz',
    { schema: { tags: ['system'], summary: 'Liveness: the process is up', response: { 200: health } } },
    () => ({ status: 'ok' as const, version: app.deps.config.version, uptimeSeconds: Math.round(process.uptime()) }),
  );

  app.get(
    '/readyz',
    { schema: { tags: ['system'], summary: 'Readiness: the database answers', response: { 200: ready, 503: ready } } },
    async (request, reply) => {
      try {
        await app.deps.database.ping();
        return { status: 'ready' as const, database: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        return reply.status(503).send({ status: 'not_ready', database: 'unavailable' });
      }
    },
  );
};
