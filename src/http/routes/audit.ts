import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deriveAnchorKey } from '../../core/audit-anchor.js';
import { listAuditEvents } from '../../services/audit.js';
import { verifyOwnAuditTrail } from '../../services/audit-anchors.js';
import { contextOf } from '../auth.js';
import { auditEventSchema, auditVerificationSchema, presentAuditEvent, presentAuditVerification } from '../presenters/audit.js';
import { errorResponses, pageQuery } from '../schemas.js';

const auditQuery = pageQuery
  .extend({
    entityType: z.string().regex(/^[a-z][a-z0-9_.]*$/, 'must be an entity type such as user or api_key').max(60).optional(),
    entityId: z.string().min(1).max(200).optional(),
    actorId: z.string().min(1).max(200).optional(),
    from: z.iso.datetime({ offset: true }).transform((value) => new Date(value)).optional().describe('events at or after this time'),
    to: z.iso.datetime({ offset: true }).transform((value) => new Date(value)).optional().describe('events before this time'),
  })
  .strict();

const auditPage = z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() });

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const anchorKey = deriveAnchorKey(app.deps.config.encryptionKey);

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The organization’s audit trail, newest first (admins, recruiters, coordinators)',
        querystring: auditQuery,
        response: { 200: auditPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const page = await listAuditEvents(db(), ctx, request.query);
      return { items: page.items.map((event) => presentAuditEvent(event, ctx.actor)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Re-compute the organization’s hash chain and check its anchors: the first broken link, anchor failures, and how many events anchors cover',
        response: { 200: auditVerificationSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => presentAuditVerification(await verifyOwnAuditTrail(db(), contextOf(request), anchorKey)),
  );
};
