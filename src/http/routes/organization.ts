import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { getOrganization, updateOrganization } from '../../services/organization.js';
import { contextOf } from '../auth.js';
import { organizationSchema, presentOrganization } from '../presenters/organization.js';
import { errorResponses } from '../schemas.js';

/** An IANA time zone name such as `Europe/London`, checked against the zone database. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => IANAZone.isValidZone(zone), { message: 'must be an IANA time zone such as America/New_York' });

const organizationChanges = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    defaultTimeZone: timeZoneSchema.optional(),
  })
  .strict();

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organization',
    {
      schema: {
        tags: ['organization'],
        summary: 'Your organization: name and default time zone',
        response: { 200: organizationSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => presentOrganization(await getOrganization(app.deps.database.db, contextOf(request))),
  );

  app.patch(
    '/organization',
    {
      schema: {
        tags: ['organization'],
        summary: 'Rename the organization or change its default time zone (admins)',
        body: organizationChanges,
        response: { 200: organizationSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => presentOrganization(await updateOrganization(app.deps.database.db, contextOf(request), request.body)),
  );
};
