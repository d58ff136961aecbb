import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { stageKinds } from '../../db/schema.js';
import {
  createRequisition,
  getRequisition,
  listRequisitions,
  updateRequisition,
  upsertRequisitionByExternalId,
} from '../../services/requisitions.js';
import { stageRulesSchema } from '../../services/stage-rules.js';
import { createStage, deleteStage, listStages, reorderStages, updateStage } from '../../services/stages.js';
import { contextOf, requireActor } from '../auth.js';
import { anyRequisitionSchema, anyStageSchema, presentRequisitionFor, presentStage, presentStageFor, stageSchema } from '../presenters/requisition.js';
import { errorResponses, idParams, pageQuery } from '../schemas.js';

export const statuses = z.enum(['open', 'on_hold', 'closed']);
const externalId = z.string().trim().min(1).max(200);
export const stageKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, 'must be 1–50 lower-case letters, digits, - or _');

const newStage = z
  .object({
    key: stageKey.optional(),
    name: z.string().trim().min(1).max(100),
    kind: z.enum(stageKinds),
    rules: stageRulesSchema,
  })
  .strict();

const requisitionFields = {
  title: z.string().trim().min(1).max(200),
  clientId: z.uuid().nullable().optional(),
  hiringManagerId: z.uuid(),
  recruiterId: z.uuid(),
  coordinatorIds: z.array(z.uuid()).max(20).default([]),
  status: statuses.optional(),
  stages: z.array(newStage).min(1).max(12).optional(),
};

const newRequisition = z.object({ ...requisitionFields, externalId: externalId.nullable().optional() }).strict();
// An ATS rarely knows the coordinators: left out, an update keeps the current ones.
const upsertBody = z.object({ ...requisitionFields, coordinatorIds: z.array(z.uuid()).max(20).optional() }).strict();
const requisitionChanges = z
  .object({
    title: requisitionFields.title.optional(),
    clientId: z.uuid().nullable().optional(),
    hiringManagerId: z.uuid().optional(),
    recruiterId: z.uuid().optional(),
    coordinatorIds: z.array(z.uuid()).max(20).optional(),
    externalId: externalId.nullable().optional(),
    status: statuses.optional(),
  })
  .strict();

const requisitionQuery = pageQuery.extend({
  status: statuses.optional(),
  clientId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  includeStages: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('each requisition with the stages you may see (client users: client-visible ones)'),
});

const stageParams = z.object({ id: z.uuid({ error: 'must be an id' }), stageId: z.uuid({ error: 'must be an id' }) });
const stageChanges = z.object({ key: stageKey.optional(), name: newStage.shape.name.optional(), kind: z.enum(stageKinds).optional(), rules: stageRulesSchema.optional() }).strict();
const requisitionPage = z.object({ items: z.array(anyRequisitionSchema), nextCursor: z.string().nullable() });
const tags = ['requisitions'];

export const requisitionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/requisitions',
    {
      schema: {
        tags,
        summary: 'Requisitions: all for staff, managed ones for hiring managers, their client’s for client users',
        querystring: requisitionQuery,
        response: { 200: requisitionPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await listRequisitions(db(), contextOf(request), request.query);
      return { items: page.items.map((details) => presentRequisitionFor(requireActor(request), details, request.query.includeStages ?? false)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/requisitions/:id',
    { schema: { tags, summary: 'One requisition with the stages you may see', params: idParams, response: { 200: anyRequisitionSchema, ...errorResponses(400, 401, 404) } } },
    async (request) => presentRequisitionFor(requireActor(request), await getRequisition(db(), contextOf(request), request.params.id)),
  );

  app.post(
    '/requisitions',
    {
      schema: {
        tags,
        summary: 'Open a requisition; without stages it gets the default workflow (staff)',
        body: newRequisition,
        response: { 201: anyRequisitionSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const details = await createRequisition(db(), contextOf(request), request.body);
      return reply.status(201).send(presentRequisitionFor(requireActor(request), details));
    },
  );

  app.patch(
    '/requisitions/:id',
    {
      schema: {
        tags,
        summary: 'Change a requisition’s title, people, client, status or external id (staff)',
        params: idParams,
        body: requisitionChanges,
        response: { 200: anyRequisitionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => presentRequisitionFor(requireActor(request), await updateRequisition(db(), contextOf(request), request.params.id, request.body)),
  );

  app.put(
    '/requisitions/by-external-id/:externalId',
    {
      schema: {
        tags,
        summary: 'Create or update the requisition with this ATS id (stages only on creation; staff)',
        params: z.object({ externalId }),
        body: upsertBody,
        response: { 200: anyRequisitionSchema, 201: anyRequisitionSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await upsertRequisitionByExternalId(db(), contextOf(request), request.params.externalId, request.body);
      return reply.status(result.created ? 201 : 200).send(presentRequisitionFor(requireActor(request), result.details));
    },
  );

  app.get(
    '/requisitions/:id/stages',
    {
      schema: { tags, summary: 'The stages in order (client users: client-visible ones)', params: idParams, response: { 200: z.object({ items: z.array(anyStageSchema) }), ...errorResponses(400, 401, 404) } },
    },
    async (request) => ({ items: (await listStages(db(), contextOf(request), request.params.id)).map(presentStageFor(requireActor(request))) }),
  );

  app.post(
    '/requisitions/:id/stages',
    {
      schema: {
        tags,
        summary: 'Add a stage, at the end or at a position (staff)',
        params: idParams,
        body: newStage.extend({ position: z.number().int().min(1).max(12).optional() }),
        response: { 201: stageSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(presentStage(await createStage(db(), contextOf(request), request.params.id, request.body))),
  );

  app.patch(
    '/requisitions/:id/stages/:stageId',
    {
      schema: {
        tags,
        summary: 'Rename a stage or replace its rules (staff)',
        params: stageParams,
        body: stageChanges,
        response: { 200: stageSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => presentStage(await updateStage(db(), contextOf(request), request.params.id, request.params.stageId, request.body)),
  );

  app.delete(
    '/requisitions/:id/stages/:stageId',
    {
      schema: { tags, summary: 'Remove a stage nobody is at (staff)', params: stageParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request, reply) => {
      await deleteStage(db(), contextOf(request), request.params.id, request.params.stageId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/requisitions/:id/stages/reorder',
    {
      schema: {
        tags,
        summary: 'Put the stages in a new order: list every stage id once (staff)',
        params: idParams,
        body: z.object({ stageIds: z.array(z.uuid()).min(1).max(12) }).strict(),
        response: { 200: z.object({ items: z.array(stageSchema) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: (await reorderStages(db(), contextOf(request), request.params.id, request.body.stageIds)).map(presentStage) }),
  );
};
