import { z } from 'zod';
import type { Client } from '../../db/schema.js';

export const clientSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  externalId: z.string().nullable(),
  archived: z.boolean(),
  archivedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

/** A client as staff and its own portal users see it. */
export function presentClient(client: Client): z.infer<typeof clientSchema> {
  return {
    id: client.id,
    name: client.name,
    externalId: client.external_id,
    archived: client.archived_at !== null,
    archivedAt: client.archived_at?.toISOString() ?? null,
    createdAt: client.created_at.toISOString(),
  };
}
