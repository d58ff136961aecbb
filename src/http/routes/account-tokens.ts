import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { minPasswordLength } from '../../auth/passwords.js';
import { acceptInvite, confirmPasswordReset, requestPasswordReset } from '../../services/account-tokens.js';
import { setSessionCookies } from '../auth.js';
import { meSchema, presentMe } from '../presenters/user.js';
import { errorResponses } from '../schemas.js';

const linkToken = z.string().trim().min(20).max(200);
const newPassword = z.string().min(minPasswordLength, `must have at least ${minPasswordLength} characters`).max(1000);
const tokenAndPassword = z.object({ token: linkToken, password: newPassword }).strict();
const accepted = z.object({ status: z.literal('accepted') });

/** The emailed-link flows: accepting an invite and resetting a forgotten password. No session needed. */
export const accountTokensRoutes: FastifyPluginAsyncZod = async (app) => {
  const meta = (request: { ip: string; headers: { 'user-agent'?: string | undefined } }) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
    now: app.deps.now(),
  });

  app.post(
    '/auth/invites/accept',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set the first password from an invite link; signs the new user in',
        body: tokenAndPassword,
        response: { 200: meSchema, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { user, session } = await acceptInvite(app.deps.database.db, { ...request.body, ...meta(request) });
      setSessionCookies(reply, session.token, session.sessionId);
      return presentMe(app.deps.database.db, user.id);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        tags: ['auth'],
        summary: 'Email a password reset link; answers 202 whether or not the account exists',
        body: z.object({ email: z.string().trim().min(3).max(320) }).strict(),
        response: { 202: accepted, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(app.deps.database.db, { email: request.body.email, publicUrl: app.deps.config.publicUrl, ...meta(request) });
      return reply.status(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password from a reset link; ends every session of the account',
        body: tokenAndPassword,
        response: { 204: z.null(), ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(app.deps.database.db, { ...request.body, ...meta(request) });
      return reply.status(204).send(null);
    },
  );
};
