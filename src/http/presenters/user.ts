import type { Kysely } from 'kysely';
import { z } from 'zod';
import { roles, type Database, type User } from '../../db/schema.js';

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  timeZone: z.string(),
  active: z.boolean(),
  clientId: z.uuid().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

/** A user as staff see them; password hashes and tokens never leave the server. */
export function presentUser(user: User): z.infer<typeof userSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    timeZone: user.time_zone,
    active: user.active,
    clientId: user.client_id,
    lastLoginAt: user.last_login_at?.toISOString() ?? null,
    createdAt: user.created_at.toISOString(),
  };
}

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    timeZone: z.string(),
    organization: z.object({ id: z.uuid(), name: z.string(), defaultTimeZone: z.string() }),
    client: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  }),
});

/** The signed-in user with their organization and (for client users) their client. */
export async function presentMe(db: Kysely<Database>, userId: string): Promise<z.infer<typeof meSchema>> {
  const row = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .leftJoin('clients', 'clients.id', 'users.client_id')
    .select([
      'users.id', 'users.email', 'users.name', 'users.role', 'users.time_zone',
      'organizations.id as org_id', 'organizations.name as org_name', 'organizations.default_time_zone',
      'clients.id as client_id', 'clients.name as client_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      timeZone: row.time_zone,
      organization: { id: row.org_id, name: row.org_name, defaultTimeZone: row.default_time_zone },
      client: row.client_id && row.client_name ? { id: row.client_id, name: row.client_name } : null,
    },
  };
}
