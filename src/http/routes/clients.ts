import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createClient, getClient, listClients, listClientUsers, updateClient } from '../../services/clients.js';
import { contextOf } from '../auth.js';
import { clientSchema, presentClient } from '../presenters/client.js';
import { directoryUserSchema, presentDirectoryUser } from '../presenters/directory-user.js';
import { errorResponses, idParams, pageQuery } from '../schemas.js';

const clientName = z.string().trim().min(1).max(200);
const externalId = z.string().trim().min(1).max(200).nullable();

const clientQuery = pageQuery.extend({
  archived: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  q: z.string().trim().min(1).max(100).optional(),
});

const newClient = z.object({ name: clientName, externalId: externalId.optional() }).strict();
const clientChanges = z.object({ name: clientName.optional(), externalId: externalId.optional(), archived: z.boolean().optional() }).strict();
const clientPage = z.object({ items: z.array(clientSchema), nextCursor: z.string().nullable() });

export const clientsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/clients',
    {
      schema: {
        tags: ['clients'],
        summary: 'Clients: all of them for staff, their own for a client user',
        querystring: clientQuery,
        response: { 200: clientPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const page = await listClients(db(), contextOf(request), request.query);
      return { items: page.items.map(presentClient), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/clients/:id',
    { schema: { tags: ['clients'], summary: 'One client', params: idParams, response: { 200: clientSchema, ...errorResponses(400, 401, 404) } } },
    async (request) => presentClient(await getClient(db(), contextOf(request), request.params.id)),
  );

  app.get(
    '/clients/:id/users',
    {
      schema: {
        tags: ['clients'],
        summary: "The client's portal users (as far as you may see users)",
        params: idParams,
        response: { 200: z.object({ items: z.array(directoryUserSchema) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({ items: (await listClientUsers(db(), contextOf(request), request.params.id)).map(presentDirectoryUser) }),
  );

  app.post(
    '/clients',
    {
      schema: {
        tags: ['clients'],
        summary: 'Add a client company (admins)',
        body: newClient,
        response: { 201: clientSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(presentClient(await createClient(db(), contextOf(request), request.body))),
  );

  app.patch(
    '/clients/:id',
    {
      schema: {
        tags: ['clients'],
        summary: 'Rename, change the external id, archive or unarchive a client (admins)',
        params: idParams,
        body: clientChanges,
        response: { 200: clientSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => presentClient(await updateClient(db(), contextOf(request), request.params.id, request.body)),
  );
};
