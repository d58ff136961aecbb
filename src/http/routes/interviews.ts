import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { initiators } from '../../db/schema.js';
import {
  approveInterview,
  cancelInterview,
  declineAssignment,
  declineInterview,
  getInterview,
  listInterviews,
  rebookInterview,
  recordOutcome,
  rescheduleInterview,
} from '../../services/interviews.js';
import { contextOf } from '../auth.js';
import { registerIdempotency } from '../idempotency.js';
import { interviewSchema, presentInterview } from '../presenters/interview.js';
import { presentRequest, requestSchema } from '../presenters/scheduling.js';
import { errorResponses, idParams } from '../schemas.js';
import { bookingChoice } from './scheduling-requests.js';

const instant = z.iso.datetime({ offset: true });
const reason = z.string().trim().min(1).max(500);
const windows = z.array(z.object({ start: instant, end: instant }).strict()).min(1).max(20);

const listQuery = z
  .object({
    from: instant.transform((v) => new Date(v)).optional(),
    to: instant.transform((v) => new Date(v)).optional(),
    personId: z.uuid().optional(),
    clientId: z.uuid().optional(),
    poolId: z.uuid().optional().describe('interviews where a current interviewer is a member of this pool'),
    status: z.enum(['pending_approval', 'confirmed', 'canceled', 'completed', 'no_show']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();

const rescheduleBody = z.intersection(bookingChoice, z.object({ initiator: z.enum(initiators).default('staff'), reason: reason.optional() }));

export const interviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  registerIdempotency(app);
  const db = () => app.deps.database.db;
  const publicUrl = () => app.deps.config.publicUrl;
  const one = { 200: interviewSchema, ...errorResponses(400, 401, 403, 404, 409, 422) };

  app.get(
    '/interviews',
    {
      schema: {
        tags: ['interviews'],
        summary: 'Interviews by time range, person, pool or client, as far as you may see them; by start time, paginated',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(interviewSchema), nextCursor: z.string().nullable() }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const page = await listInterviews(db(), ctx, request.query);
      return { items: page.items.map((view) => presentInterview(view, ctx.actor, ctx.now)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/interviews/:id',
    { schema: { tags: ['interviews'], summary: 'One interview (interviewers get the brief)', params: idParams, response: { 200: interviewSchema, ...errorResponses(400, 401, 404) } } },
    async (request) => {
      const ctx = contextOf(request);
      return presentInterview(await getInterview(db(), ctx, request.params.id), ctx.actor, ctx.now);
    },
  );

  app.post(
    '/interviews/:id/reschedule',
    {
      schema: {
        tags: ['interviews'],
        summary: 'Move to an option or explicit times in one step, recording who asked (staff, interviewer, client, candidate)',
        params: idParams,
        body: rescheduleBody,
        response: one,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { override, initiator, reason: why, ...choice } = request.body;
      const moved = await rescheduleInterview(db(), ctx, request.params.id, { choice, initiator, reason: why, override, publicUrl: publicUrl() });
      return presentInterview(moved, ctx.actor, ctx.now);
    },
  );

  app.post(
    '/interviews/:id/cancel',
    {
      schema: {
        tags: ['interviews'],
        summary: 'Cancel the interview and its request; everyone gets a cancellation',
        params: idParams,
        body: z.object({ reason, initiator: z.enum(initiators).optional() }).strict(),
        response: one,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return presentInterview(await cancelInterview(db(), ctx, request.params.id, request.body), ctx.actor, ctx.now);
    },
  );

  app.post(
    '/interviews/:id/outcome',
    {
      schema: {
        tags: ['interviews'],
        summary: 'Record the outcome once the interview has started',
        params: idParams,
        body: z.object({ outcome: z.enum(['completed', 'candidate_no_show', 'interviewer_no_show']) }).strict(),
        response: one,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return presentInterview(await recordOutcome(db(), ctx, request.params.id, request.body.outcome), ctx.actor, ctx.now);
    },
  );

  app.post(
    '/interviews/:id/rebook',
    {
      schema: {
        tags: ['interviews'],
        summary: 'After a no-show: open a new request for the same stage',
        params: idParams,
        body: z.object({}).strict().default({}),
        response: { 201: requestSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const view = await rebookInterview(db(), ctx, request.params.id);
      return reply.status(201).send(presentRequest(view, { interviewId: null, transitions: [], now: ctx.now, actor: ctx.actor }));
    },
  );

  app.post(
    '/interviews/:id/approve',
    { schema: { tags: ['interviews'], summary: 'Client approval of the booked time', params: idParams, body: z.object({}).strict().default({}), response: one } },
    async (request) => {
      const ctx = contextOf(request);
      return presentInterview(await approveInterview(db(), ctx, request.params.id, publicUrl()), ctx.actor, ctx.now);
    },
  );

  app.post(
    '/interviews/:id/decline',
    { schema: { tags: ['interviews'], summary: 'Client declines the booked time with a reason; back to the coordinator', params: idParams, body: z.object({ reason }).strict(), response: one } },
    async (request) => {
      const ctx = contextOf(request);
      return presentInterview(await declineInterview(db(), ctx, request.params.id, request.body), ctx.actor, ctx.now);
    },
  );

  app.post(
    '/interviews/:id/propose',
    {
      schema: {
        tags: ['interviews'],
        summary: 'Client proposes other windows instead of the booked time; back to the coordinator',
        params: idParams,
        body: z.object({ windows, reason: reason.default('The client proposed other times.') }).strict(),
        response: one,
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const proposed = request.body.windows.map((w) => ({ start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString() }));
      return presentInterview(await declineInterview(db(), ctx, request.params.id, { reason: request.body.reason, windows: proposed }), ctx.actor, ctx.now);
    },
  );

  app.post(
    '/interviews/:id/decline-assignment',
    {
      schema: {
        tags: ['interviews'],
        summary: 'An interviewer steps out; the coordinator gets replacement suggestions from the same pool',
        params: idParams,
        body: z.object({ reason }).strict(),
        response: {
          200: z.object({ interview: interviewSchema, suggestions: z.array(z.object({ session: z.string(), start: z.string(), people: z.array(z.object({ id: z.uuid(), name: z.string() })) })) }),
          ...errorResponses(400, 401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { view, suggestions } = await declineAssignment(db(), ctx, request.params.id, request.body.reason);
      return { interview: presentInterview(view, ctx.actor, ctx.now), suggestions };
    },
  );
};
