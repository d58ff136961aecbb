import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addBlock,
  addOverride,
  canEditAvailability,
  deleteBlock,
  deleteOverride,
  getProfile,
  listBlocks,
  listOverrides,
  updateProfile,
} from '../../services/interviewer-profiles.js';
import { contextOf } from '../auth.js';
import { blockSchema, localRangeSchema, overrideSchema, presentBlock, presentOverride, presentProfile, profileSchema, weeklyHoursSchema } from '../presenters/interviewer-profile.js';
import { errorResponses, idParams } from '../schemas.js';
import { tagSchema } from './pools.js';

const profileBody = z
  .object({
    weeklyHours: weeklyHoursSchema,
    maxInterviewsPerDay: z.number().int().min(1).max(20).nullable(),
    maxInterviewsPerWeek: z.number().int().min(1).max(100).nullable(),
    tags: z.array(tagSchema).max(20).optional(),
  })
  .strict();
const overrideBody = z
  .object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)'), kind: z.enum(['day_off', 'replace', 'extra']), hours: z.array(localRangeSchema).max(6).optional() })
  .strict();
const blockBody = z.object({ startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }), reason: z.string().trim().min(1).max(200).nullable().optional() }).strict();
const dateQuery = z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() });
const instantQuery = z.object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });
const anId = z.uuid({ error: 'must be an id' });
const overrideParams = z.object({ id: anId, overrideId: anId });
const blockParams = z.object({ id: anId, blockId: anId });
const tags = ['interviewer profiles'];
const who = '(yourself, or anyone for staff)';

export const interviewerProfilesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/users/:id/working-hours',
    {
      schema: { tags, summary: `Weekly hours in the person’s zone, limits, tags and pools ${who}`, params: idParams, response: { 200: profileSchema, ...errorResponses(400, 401, 404) } },
    },
    async (request) => {
      const ctx = contextOf(request);
      const profile = await getProfile(db(), ctx, request.params.id);
      return presentProfile(profile, canEditAvailability(ctx, profile.user));
    },
  );

  app.put(
    '/users/:id/working-hours',
    {
      schema: {
        tags,
        summary: `Replace weekly hours and limits ${who}; tags are for staff`,
        params: idParams,
        body: profileBody,
        response: { 200: profileSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const profile = await updateProfile(db(), ctx, request.params.id, request.body);
      return presentProfile(profile, true);
    },
  );

  app.get(
    '/users/:id/overrides',
    {
      schema: {
        tags,
        summary: `One-off day overrides from a date (default: yesterday in the person’s zone) ${who}`,
        params: idParams,
        querystring: dateQuery,
        response: { 200: z.object({ items: z.array(overrideSchema) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({ items: (await listOverrides(db(), contextOf(request), request.params.id, request.query)).map(presentOverride) }),
  );

  app.post(
    '/users/:id/overrides',
    {
      schema: {
        tags,
        summary: `Add a day off, replacement hours or extra hours on a local date ${who}`,
        params: idParams,
        body: overrideBody,
        response: { 201: overrideSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(presentOverride(await addOverride(db(), contextOf(request), request.params.id, request.body))),
  );

  app.delete(
    '/users/:id/overrides/:overrideId',
    { schema: { tags, summary: `Remove an override ${who}`, params: overrideParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      await deleteOverride(db(), contextOf(request), request.params.id, request.params.overrideId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/users/:id/blocks',
    {
      schema: {
        tags,
        summary: `Blocked times that end after \`from\` (default: a day ago) ${who}`,
        params: idParams,
        querystring: instantQuery,
        response: { 200: z.object({ items: z.array(blockSchema) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const items = await listBlocks(db(), contextOf(request), request.params.id, { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined });
      return { items: items.map(presentBlock) };
    },
  );

  app.post(
    '/users/:id/blocks',
    { schema: { tags, summary: `Block a time range ${who}`, params: idParams, body: blockBody, response: { 201: blockSchema, ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      const { startsAt, endsAt, reason } = request.body;
      const block = await addBlock(db(), contextOf(request), request.params.id, { startsAt: new Date(startsAt), endsAt: new Date(endsAt), reason });
      return reply.status(201).send(presentBlock(block));
    },
  );

  app.delete(
    '/users/:id/blocks/:blockId',
    { schema: { tags, summary: `Remove a block ${who}`, params: blockParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      await deleteBlock(db(), contextOf(request), request.params.id, request.params.blockId);
      return reply.status(204).send(null);
    },
  );
};
