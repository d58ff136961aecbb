import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { login, logout } from '../../services/sessions.js';
import { clearSessionCookies, contextOf, requireActor, setSessionCookies } from '../auth.js';
import { errorResponses } from '../schemas.js';
import { meSchema, presentMe } from '../presenters/user.js';
import { Forbidden } from '../../core/errors.js';

const credentials = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1000),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: credentials,
        response: { 200: meSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const result = await login(app.deps.database.db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        now: app.deps.now(),
      });
      setSessionCookies(reply, result.token, result.sessionId);
      return presentMe(app.deps.database.db, result.user.id);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out this browser, or every session of the account',
        body: z.object({ everywhere: z.boolean().default(false) }).default({ everywhere: false }),
        response: { 200: z.object({ endedSessions: z.number().int() }), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const endedSessions = await logout(app.deps.database.db, contextOf(request), request.body.everywhere);
      clearSessionCookies(reply);
      return { endedSessions };
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: meSchema, ...errorResponses(401) } } },
    async (request) => {
      const actor = requireActor(request);
      if (actor.kind !== 'user') throw new Forbidden('Only people signed in with a session have a profile.');
      return presentMe(app.deps.database.db, actor.id);
    },
  );
};
