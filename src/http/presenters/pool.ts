import { z } from 'zod';
import { roles } from '../../db/schema.js';
import type { PoolDetails } from '../../services/pools.js';

export const poolSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  requiredTag: z.string().nullable(),
  members: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(roles), tags: z.array(z.string()), active: z.boolean() })),
  createdAt: z.iso.datetime(),
});

/** A pool as staff see it, with its members' tags so a coordinator can tell who fits. */
export function presentPool({ pool, members }: PoolDetails): z.infer<typeof poolSchema> {
  return { id: pool.id, name: pool.name, requiredTag: pool.required_tag, members, createdAt: pool.created_at.toISOString() };
}
