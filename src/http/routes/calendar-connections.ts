import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { connectCalendar, disconnectCalendar, listOrganizationConnections, listOwnConnections, syncCalendarNow } from '../../services/calendar-connections.js';
import { createOrRotateFeed, feedCalendar, getOwnFeed, revokeFeed } from '../../services/calendar-feeds.js';
import { calendarSettingsOf } from '../../services/calendar-sync.js';
import { contextOf } from '../auth.js';
import { databaseRateLimitStore } from '../rate-limit-store.js';
import { calendarConnectionSchema, calendarFeedSchema, organizationConnectionSchema, presentCalendarConnection, presentCalendarFeed, presentOrganizationConnection } from '../presenters/calendar.js';
import { errorResponses, idParams } from '../schemas.js';

/** Feed requests per IP and token per minute (calendar apps poll every few minutes at most). */
export const feedRateLimit = 30;

const connectBody = z
  .object({
    provider: z.literal('caldav').default('caldav'),
    serverUrl: z.string().trim().min(1).max(2000),
    calendarUrl: z.string().trim().max(2000).nullable().optional(),
    username: z.string().trim().min(1).max(200),
    password: z.string().min(1).max(500),
  })
  .strict();

/**
 * Connected calendars (DESIGN §5): each person connects their own, whose busy times the engine
 * avoids and into which their interviews are written; admins see all of them. Plus each person's
 * private ICS feed and its public, token-guarded `.ics` URL.
 */
export const calendarConnectionsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(connectionRoutes);
  await app.register(feedRoutes);
  await app.register(publicFeedRoutes);
};

const connectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const settings = () => calendarSettingsOf(app.deps.config);
  const present = (now: Date) => (c: Parameters<typeof presentCalendarConnection>[0]) => presentCalendarConnection(c, now, settings().staleMinutes);
  const tags = ['calendars'];

  app.get(
    '/calendar-connections',
    { schema: { tags, summary: 'Your connected calendars with their sync status', response: { 200: z.object({ items: z.array(calendarConnectionSchema) }), ...errorResponses(401, 403, 404) } } },
    async (request) => {
      const ctx = contextOf(request);
      return { items: (await listOwnConnections(db(), ctx)).map(present(ctx.now)) };
    },
  );

  app.get(
    '/calendar-connections/organization',
    {
      schema: {
        tags,
        summary: 'Admins: every connected calendar of the organization with its owner, status, last sync and error',
        response: { 200: z.object({ items: z.array(organizationConnectionSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return { items: (await listOrganizationConnections(db(), ctx)).map((c) => presentOrganizationConnection(c, ctx.now, settings().staleMinutes)) };
    },
  );

  app.post(
    '/calendar-connections',
    {
      schema: {
        tags,
        summary: 'Connect your CalDAV calendar; the account is checked by signing in (422 with the reason when refused)',
        body: connectBody,
        response: { 201: calendarConnectionSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const connection = await connectCalendar(db(), ctx, settings(), request.body);
      return reply.status(201).send(present(ctx.now)(connection));
    },
  );

  app.post(
    '/calendar-connections/:id/sync',
    {
      schema: {
        tags,
        summary: 'Read your calendar again now; a failure shows in status and lastError',
        params: idParams,
        response: { 200: calendarConnectionSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return present(ctx.now)(await syncCalendarNow(db(), ctx, settings(), request.params.id));
    },
  );

  app.delete(
    '/calendar-connections/:id',
    { schema: { tags, summary: 'Disconnect your calendar: its password and busy times are deleted', params: idParams, response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      await disconnectCalendar(db(), contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

const feedRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const tags = ['calendars'];

  app.get(
    '/calendar-feed',
    { schema: { tags, summary: 'Whether your private ICS feed is on (its URL is shown only when created)', response: { 200: calendarFeedSchema, ...errorResponses(401, 404) } } },
    async (request) => presentCalendarFeed(await getOwnFeed(db(), contextOf(request))),
  );

  app.post(
    '/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Create your private ICS feed URL, or replace it (the old URL stops working); shown only in this answer',
        response: { 201: z.object({ feed: calendarFeedSchema, url: z.string() }), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { feed, url } = await createOrRotateFeed(db(), contextOf(request), app.deps.config.publicUrl);
      return reply.status(201).send({ feed: presentCalendarFeed(feed), url });
    },
  );

  app.delete(
    '/calendar-feed',
    { schema: { tags, summary: 'Turn your ICS feed off: its URL answers 404 from now on', response: { 204: z.null(), ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      await revokeFeed(db(), contextOf(request));
      return reply.status(204).send(null);
    },
  );
};

const publicFeedRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(rateLimit, {
    max: feedRateLimit,
    timeWindow: '1 minute',
    store: databaseRateLimitStore(app),
    keyGenerator: (request) => `${request.ip}:${(request.params as { token?: string } | undefined)?.token ?? ''}`,
  });
  app.get(
    '/public/calendar-feeds/:token.ics',
    {
      schema: {
        tags: ['calendars'],
        summary: 'A person’s private ICS feed of their upcoming interviews (no sign-in: the URL is the secret)',
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'is not a feed token') }),
        response: { 200: z.string(), ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const ics = await feedCalendar(app.deps.database.db, request.params.token, app.deps.now(), new URL(app.deps.config.publicUrl).hostname);
      return reply.header('cache-control', 'private, no-store').type('text/calendar; charset=utf-8').send(ics);
    },
  );
};
