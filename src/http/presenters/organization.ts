import { z } from 'zod';
import type { Organization } from '../../db/schema.js';

export const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  defaultTimeZone: z.string(),
  createdAt: z.iso.datetime(),
});

export function presentOrganization(organization: Organization): z.infer<typeof organizationSchema> {
  return {
    id: organization.id,
    name: organization.name,
    defaultTimeZone: organization.default_time_zone,
    createdAt: organization.created_at.toISOString(),
  };
}
