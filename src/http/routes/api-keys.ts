import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiKeyScopes } from '../../db/schema.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../services/api-keys.js';
import { contextOf } from '../auth.js';
import { apiKeySchema, createdApiKeySchema, presentApiKey } from '../presenters/api-key.js';
import { errorResponses, idParams, pageQuery } from '../schemas.js';

const newApiKey = z
  .object({
    name: z.string().trim().min(1).max(100),
    scope: z.enum(apiKeyScopes).describe('read: read-only; scheduling: acts as a coordinator; admin: acts as an admin'),
  })
  .strict();

export const apiKeysRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'The organization’s API keys, newest first (admins); secrets are never shown again',
        querystring: pageQuery.strict(),
        response: { 200: z.object({ items: z.array(apiKeySchema), nextCursor: z.string().nullable() }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const page = await listApiKeys(db(), contextOf(request), request.query);
      return { items: page.items.map(presentApiKey), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key (admins); the response holds the secret, shown only this once',
        body: newApiKey,
        response: { 201: createdApiKeySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { apiKey, secret } = await createApiKey(db(), contextOf(request), request.body);
      return reply.status(201).send({ apiKey: presentApiKey(apiKey), secret });
    },
  );

  app.post(
    '/api-keys/:id/revoke',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key (admins); requests with it answer 401 from now on',
        params: idParams,
        response: { 200: apiKeySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => presentApiKey(await revokeApiKey(db(), contextOf(request), request.params.id)),
  );
};
