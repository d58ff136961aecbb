import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addPoolMember, createPool, deletePool, getPool, listPools, removePoolMember, updatePool } from '../../services/pools.js';
import { contextOf } from '../auth.js';
import { poolSchema, presentPool } from '../presenters/pool.js';
import { errorResponses, idParams } from '../schemas.js';

/** Tags are short lower-case words such as `technical`, `culture`, `spanish`. */
export const tagSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, 'must be 1–50 lower-case letters, digits, - or _');

const poolName = z.string().trim().min(1).max(100);
const newPool = z.object({ name: poolName, requiredTag: tagSchema.nullable().optional(), memberIds: z.array(z.uuid()).max(200).optional() }).strict();
const poolChanges = z.object({ name: poolName.optional(), requiredTag: tagSchema.nullable().optional() }).strict();
const memberParams = z.object({ id: z.uuid({ error: 'must be an id' }), userId: z.uuid({ error: 'must be an id' }) });
const tags = ['pools'];

export const poolsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/pools',
    { schema: { tags, summary: 'Interviewer pools with their members (staff)', response: { 200: z.object({ items: z.array(poolSchema) }), ...errorResponses(401, 403) } } },
    async (request) => ({ items: (await listPools(db(), contextOf(request))).map(presentPool) }),
  );

  app.get(
    '/pools/:id',
    { schema: { tags, summary: 'One pool with its members (staff)', params: idParams, response: { 200: poolSchema, ...errorResponses(400, 401, 404) } } },
    async (request) => presentPool(await getPool(db(), contextOf(request), request.params.id)),
  );

  app.post(
    '/pools',
    { schema: { tags, summary: 'Create a pool, optionally with a required tag and members (admins)', body: newPool, response: { 201: poolSchema, ...errorResponses(400, 401, 403, 409) } } },
    async (request, reply) => reply.status(201).send(presentPool(await createPool(db(), contextOf(request), request.body))),
  );

  app.patch(
    '/pools/:id',
    {
      schema: {
        tags,
        summary: 'Rename a pool or change its required tag; every member must carry a new tag (admins)',
        params: idParams,
        body: poolChanges,
        response: { 200: poolSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => presentPool(await updatePool(db(), contextOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/pools/:id',
    { schema: { tags, summary: 'Delete a pool that no stage uses (admins)', params: idParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) } } },
    async (request, reply) => {
      await deletePool(db(), contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/pools/:id/members',
    {
      schema: {
        tags,
        summary: 'Add an active interviewer or hiring manager who carries the pool’s tag (admins)',
        params: idParams,
        body: z.object({ userId: z.uuid() }).strict(),
        response: { 200: poolSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => presentPool(await addPoolMember(db(), contextOf(request), request.params.id, request.body.userId)),
  );

  app.delete(
    '/pools/:id/members/:userId',
    { schema: { tags, summary: 'Remove a member from the pool (admins)', params: memberParams, response: { 200: poolSchema, ...errorResponses(400, 401, 403, 404) } } },
    async (request) => presentPool(await removePoolMember(db(), contextOf(request), request.params.id, request.params.userId)),
  );
};
