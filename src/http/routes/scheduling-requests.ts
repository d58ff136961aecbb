import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestStatuses } from '../../db/schema.js';
import {
  bookSchedulingRequest,
  createSchedulingRequest,
  getSchedulingRequest,
  listSchedulingRequests,
  offerSchedulingRequest,
  requestOptions,
} from '../../services/scheduling-requests.js';
import { contextOf } from '../auth.js';
import { registerIdempotency } from '../idempotency.js';
import { interviewSchema, presentInterview } from '../presenters/interview.js';
import { optionsResultSchema, presentOptions, presentRequest, presentRequestSummary, presentStaleCalendar, requestSchema, requestSummarySchema, staleCalendarSchema } from '../presenters/scheduling.js';
import { staleCalendarsByRequest, staleCalendarsOf } from '../../services/calendar-staleness.js';
import { effectiveRole } from '../../auth/actor.js';
import { errorResponses, idParams, pageQuery } from '../schemas.js';

const listQuery = pageQuery
  .extend({
    status: z.enum(requestStatuses).optional(),
    waitingOn: z.enum(['coordinator', 'candidate', 'interviewers', 'client']).optional(),
    requisitionId: z.uuid().optional(),
    candidateId: z.uuid().optional(),
    applicationId: z.uuid().optional(),
    mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  })
  .strict();

const instant = z.iso.datetime({ offset: true });
export const override = z.object({ reason: z.string().trim().min(3).max(500) }).strict();
/** An option id from `…/options`, or explicit sessions (each with its interviewers). */
export const bookingChoice = z.union([
  z.object({ optionId: z.string().min(1).max(64), override: override.optional() }).strict(),
  z
    .object({
      sessions: z.array(z.object({ start: instant, end: instant.optional(), interviewerIds: z.array(z.uuid()).min(1).max(10) }).strict()).min(1).max(8),
      override: override.optional(),
    })
    .strict(),
]);

export const schedulingRequestsRoutes: FastifyPluginAsyncZod = async (app) => {
  registerIdempotency(app);
  const db = () => app.deps.database.db;
  const publicUrl = () => app.deps.config.publicUrl;

  app.get(
    '/scheduling-requests',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Scheduling requests you may see, oldest first (filter by status, waitingOn, requisition, candidate, application, mine)',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(requestSummarySchema), nextCursor: z.string().nullable() }), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const page = await listSchedulingRequests(db(), ctx, request.query);
      // Client users never see internal interviewers, so not their calendars' state either.
      const stale = effectiveRole(ctx.actor) === 'client_user' ? null : await staleCalendarsByRequest(db(), ctx.actor.organizationId, page.items.map((row) => row.id), ctx.now, app.deps.config.calendarStaleMinutes);
      return { items: page.items.map((row) => presentRequestSummary(row, ctx.now, stale?.get(row.id))), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/scheduling-requests',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Open a scheduling request for an application and one of its requisition’s stages',
        body: z.object({ applicationId: z.uuid(), stageId: z.uuid() }).strict(),
        response: { 201: requestSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const view = await createSchedulingRequest(db(), ctx, request.body);
      return reply.status(201).send(presentRequest(view, { interviewId: null, transitions: [], now: ctx.now, actor: ctx.actor }));
    },
  );

  app.get(
    '/scheduling-requests/:id',
    { schema: { tags: ['scheduling'], summary: 'One scheduling request with its history', params: idParams, response: { 200: requestSchema, ...errorResponses(400, 401, 404) } } },
    async (request) => {
      const ctx = contextOf(request);
      const { view, interview, transitions } = await getSchedulingRequest(db(), ctx, request.params.id);
      return presentRequest(view, { interviewId: interview?.interview.id ?? null, interview: interview?.interview ?? null, transitions, now: ctx.now, actor: ctx.actor });
    },
  );

  app.get(
    '/scheduling-requests/:id/options',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Solver options for the stage, with times in the candidate’s and interviewers’ zones, or why none fit',
        params: idParams,
        querystring: z.object({ count: z.coerce.number().int().min(1).max(10).optional() }).strict(),
        response: { 200: optionsResultSchema.extend({ staleCalendars: z.array(staleCalendarSchema) }), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const result = await requestOptions(db(), ctx, request.params.id, request.query.count);
      // Everyone the stage could assign: their options rest on calendars that may be out of date.
      const stale = await staleCalendarsOf(db(), ctx.actor.organizationId, [...result.people.keys()], ctx.now, app.deps.config.calendarStaleMinutes);
      return { ...presentOptions(result, result.view.candidate.time_zone), staleCalendars: stale.map(presentStaleCalendar) };
    },
  );

  app.post(
    '/scheduling-requests/:id/offer',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Send the candidate a link: N frozen options (self-schedule) or a form for their availability',
        params: idParams,
        body: z.object({ optionsCount: z.number().int().min(1).max(10).optional() }).strict().default({}),
        response: { 200: requestSchema.extend({ linkExpiresAt: z.iso.datetime() }), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const { view, expiresAt } = await offerSchedulingRequest(db(), ctx, request.params.id, { optionsCount: request.body.optionsCount, publicUrl: publicUrl() });
      return { ...presentRequest(view, { interviewId: null, transitions: [], now: ctx.now, actor: ctx.actor }), linkExpiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/scheduling-requests/:id/book',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Book an option or explicit times (all sessions and interviewers at once); 409 with fresh options when taken',
        params: idParams,
        body: bookingChoice,
        response: { 201: interviewSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const { override: limitOverride, ...choice } = request.body;
      const booked = await bookSchedulingRequest(db(), ctx, request.params.id, { choice, override: limitOverride, publicUrl: publicUrl() });
      return reply.status(201).send(presentInterview(booked, ctx.actor, ctx.now));
    },
  );
};
