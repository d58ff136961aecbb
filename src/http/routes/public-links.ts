import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bookFromLink, cancelFromLink, confirmFromLink, candidatePage, interviewCalendarFromLink, rescheduleFromLink, submitAvailability, validZone } from '../../services/candidate-links.js';
import { registerIdempotency } from '../idempotency.js';
import { databaseRateLimitStore } from '../rate-limit-store.js';
import { candidatePageSchema, presentCandidatePage } from '../presenters/public-link.js';
import { errorResponses } from '../schemas.js';

/** Candidate-link requests per IP and token per minute. */
export const linkRateLimit = 60;

const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a link token') });
const instant = z.iso.datetime({ offset: true });

function meta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 300) ?? null, now: request.server.deps.now(), publicUrl: request.server.deps.config.publicUrl };
}

/** The candidate's pages behind a signed link: no account, rate-limited, nothing internal. */
export const publicLinksRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(rateLimit, {
    max: linkRateLimit,
    timeWindow: '1 minute',
    store: databaseRateLimitStore(app),
    keyGenerator: (request) => `${request.ip}:${(request.params as { token?: string } | undefined)?.token ?? ''}`,
  });
  registerIdempotency(app);
  const db = () => app.deps.database.db;
  const page = async (request: FastifyRequest, token: string, tz?: string) => presentCandidatePage(await candidatePage(db(), token, meta(request)), tz);

  app.get(
    '/public/links/:token',
    {
      schema: {
        tags: ['candidate'],
        summary: 'The candidate’s page: offered times in their zone (or ?tz=), their interview, who they meet, where',
        params: tokenParams,
        querystring: z.object({ tz: z.string().max(64).optional() }).strict(),
        response: { 200: candidatePageSchema, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => page(request, request.params.token, validZone(request.query.tz)),
  );

  app.get(
    '/public/links/:token/interview.ics',
    {
      schema: {
        tags: ['candidate'],
        summary: 'The confirmed interview as an iCalendar file (same UID and SEQUENCE as the emailed invite)',
        params: tokenParams,
        response: { 200: z.string().describe('text/calendar'), ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const ics = await interviewCalendarFromLink(db(), request.params.token, { ...meta(request), host: new URL(request.server.deps.config.publicUrl).host });
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="interview.ics"').header('cache-control', 'no-store').send(ics);
    },
  );

  app.post(
    '/public/links/:token/book',
    {
      schema: {
        tags: ['candidate'],
        summary: 'Book one of the offered times (confirmed at once unless the client approves it first)',
        params: tokenParams,
        body: z.object({ optionId: z.string().min(1).max(64) }).strict(),
        response: { 200: candidatePageSchema, ...errorResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request) => {
      await bookFromLink(db(), request.params.token, request.body.optionId, meta(request));
      return page(request, request.params.token);
    },
  );

  app.post(
    '/public/links/:token/availability',
    {
      schema: {
        tags: ['candidate'],
        summary: 'Send the times you are free; we book one or your recruiter proposes a time',
        params: tokenParams,
        body: z.object({ windows: z.array(z.object({ start: instant, end: instant }).strict()).min(1).max(50) }).strict(),
        response: { 200: candidatePageSchema, ...errorResponses(400, 404, 422, 429) },
      },
    },
    async (request) => {
      const windows = request.body.windows.map((w) => ({ start: new Date(w.start).toISOString(), end: new Date(w.end).toISOString() }));
      await submitAvailability(db(), request.params.token, windows, meta(request));
      return page(request, request.params.token);
    },
  );

  app.post(
    '/public/links/:token/reschedule',
    {
      schema: {
        tags: ['candidate'],
        summary: 'Move your interview to another offered time, within the reschedule policy',
        params: tokenParams,
        body: z.object({ optionId: z.string().min(1).max(64), reason: z.string().trim().max(500).optional() }).strict(),
        response: { 200: candidatePageSchema, ...errorResponses(400, 404, 409, 422, 429) },
      },
    },
    async (request) => {
      await rescheduleFromLink(db(), request.params.token, request.body, meta(request));
      return page(request, request.params.token);
    },
  );

  app.post(
    '/public/links/:token/confirm',
    {
      schema: {
        tags: ['candidate'],
        summary: '"I\'ll be there": confirm your upcoming interview (asking again changes nothing)',
        params: tokenParams,
        body: z.object({}).strict().optional(),
        response: { 200: candidatePageSchema, ...errorResponses(400, 404, 422, 429) },
      },
    },
    async (request) => {
      await confirmFromLink(db(), request.params.token, meta(request));
      return page(request, request.params.token);
    },
  );

  app.post(
    '/public/links/:token/cancel',
    {
      schema: {
        tags: ['candidate'],
        summary: 'Cancel your interview; this link stops working',
        params: tokenParams,
        body: z.object({ reason: z.string().trim().min(1).max(500) }).strict(),
        response: { 200: z.object({ status: z.literal('canceled') }), ...errorResponses(400, 404, 422, 429) },
      },
    },
    async (request) => {
      await cancelFromLink(db(), request.params.token, request.body.reason, meta(request));
      return { status: 'canceled' as const };
    },
  );
};
