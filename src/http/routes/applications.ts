import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  advanceApplication,
  closeApplication,
  createApplication,
  getApplication,
  listApplications,
  submitToClient,
} from '../../services/applications.js';
import { contextOf, requireActor } from '../auth.js';
import { anyApplicationSchema, applicationSchema, presentApplication, presentApplicationFor } from '../presenters/candidate.js';
import { errorResponses, idParams, pageQuery } from '../schemas.js';

const applicationQuery = pageQuery.extend({
  requisitionId: z.uuid().optional(),
  candidateId: z.uuid().optional(),
  status: z.enum(['active', 'rejected', 'withdrawn', 'hired']).optional(),
});
const newApplication = z.object({ candidateId: z.uuid(), requisitionId: z.uuid(), externalId: z.string().trim().min(1).max(200).nullable().optional() }).strict();
const reasonBody = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();
const applicationPage = z.object({ items: z.array(anyApplicationSchema), nextCursor: z.string().nullable() });
const tags = ['applications'];
const moved = { 200: applicationSchema, ...errorResponses(400, 401, 403, 404, 422) };

export const applicationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/applications',
    {
      schema: {
        tags,
        summary: 'Applications, newest first, as far as you may see them (client users: submitted ones)',
        querystring: applicationQuery,
        response: { 200: applicationPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await listApplications(db(), contextOf(request), request.query);
      return { items: page.items.map(presentApplicationFor(requireActor(request))), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/applications/:id',
    { schema: { tags, summary: 'One application', params: idParams, response: { 200: anyApplicationSchema, ...errorResponses(400, 401, 404) } } },
    async (request) => presentApplicationFor(requireActor(request))(await getApplication(db(), contextOf(request), request.params.id)),
  );

  app.post(
    '/applications',
    {
      schema: {
        tags,
        summary: 'Put a candidate on a requisition, at its first stage (staff)',
        body: newApplication,
        response: { 201: applicationSchema, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(presentApplication(await createApplication(db(), contextOf(request), request.body))),
  );

  app.post(
    '/applications/:id/advance',
    {
      schema: {
        tags,
        summary: 'Move to the next stage, or to the named stage of the requisition (staff)',
        params: idParams,
        body: z.object({ stageId: z.uuid().optional() }).strict().default({}),
        response: moved,
      },
    },
    async (request) => presentApplication(await advanceApplication(db(), contextOf(request), request.params.id, request.body.stageId)),
  );

  app.post(
    '/applications/:id/reject',
    { schema: { tags, summary: 'Reject the candidate for this requisition, with a reason (staff)', params: idParams, body: reasonBody, response: moved } },
    async (request) => presentApplication(await closeApplication(db(), contextOf(request), request.params.id, 'rejected', request.body.reason)),
  );

  app.post(
    '/applications/:id/withdraw',
    { schema: { tags, summary: 'Record that the candidate withdrew, with a reason (staff)', params: idParams, body: reasonBody, response: moved } },
    async (request) => presentApplication(await closeApplication(db(), contextOf(request), request.params.id, 'withdrawn', request.body.reason)),
  );

  app.post(
    '/applications/:id/submit-to-client',
    {
      schema: {
        tags,
        summary: 'Share the candidate with the requisition’s client; their users see them from now on (staff)',
        params: idParams,
        response: moved,
      },
    },
    async (request) => presentApplication(await submitToClient(db(), contextOf(request), request.params.id)),
  );
};
