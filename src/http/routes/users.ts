import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../../db/schema.js';
import { getUser, inviteUser, listUsers, resendInvite, updateUser } from '../../services/users.js';
import { contextOf } from '../auth.js';
import { directoryUserSchema, presentDirectoryUser } from '../presenters/directory-user.js';
import { errorResponses, idParams, pageQuery } from '../schemas.js';
import { timeZoneSchema } from './organization.js';

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');
const personName = z.string().trim().min(1).max(200);

const userQuery = pageQuery.extend({
  role: z.enum(roles).optional(),
  active: booleanQuery.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});

const invitation = z
  .object({
    email: z.email().max(320).transform((email) => email.toLowerCase()),
    name: personName,
    role: z.enum(roles),
    timeZone: timeZoneSchema,
    clientId: z.uuid().nullable().optional(),
  })
  .strict();

const userChanges = z
  .object({
    name: personName.optional(),
    role: z.enum(roles).optional(),
    timeZone: timeZoneSchema.optional(),
    active: z.boolean().optional(),
    clientId: z.uuid().nullable().optional(),
  })
  .strict();

const userPage = z.object({ items: z.array(directoryUserSchema), nextCursor: z.string().nullable() });

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const publicUrl = () => app.deps.config.publicUrl;

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Users you may see: the organization for staff and hiring managers, yourself otherwise',
        querystring: userQuery,
        response: { 200: userPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const page = await listUsers(db(), contextOf(request), request.query);
      return { items: page.items.map(presentDirectoryUser), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags: ['users'], summary: 'One user', params: idParams, response: { 200: directoryUserSchema, ...errorResponses(400, 401, 404) } } },
    async (request) => presentDirectoryUser(await getUser(db(), contextOf(request), request.params.id)),
  );

  app.post(
    '/users/invites',
    {
      schema: {
        tags: ['users'],
        summary: 'Invite someone by email to set a password (admins); client users need a clientId',
        body: invitation,
        response: { 201: directoryUserSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const user = await inviteUser(db(), contextOf(request), request.body, publicUrl());
      return reply.status(201).send(presentDirectoryUser(user));
    },
  );

  app.post(
    '/users/:id/invites/resend',
    {
      schema: {
        tags: ['users'],
        summary: 'Email a fresh invite link to someone who has not accepted yet (admins)',
        params: idParams,
        response: { 200: directoryUserSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => presentDirectoryUser(await resendInvite(db(), contextOf(request), request.params.id, publicUrl())),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change role, name, time zone, client or active flag (admins); deactivating ends their sessions',
        params: idParams,
        body: userChanges,
        response: { 200: directoryUserSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => presentDirectoryUser(await updateUser(db(), contextOf(request), request.params.id, request.body)),
  );
};
