import type { Kysely } from 'kysely';
import type { Database, NewOrganization, NewUser } from '../../src/db/schema.js';

let sequence = 0;

export async function makeOrganization(db: Kysely<Database>, overrides: Partial<NewOrganization> = {}) {
  return db
    .insertInto('organizations')
    .values({ name: `Org ${++sequence}`, default_time_zone: 'America/New_York', ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeUser(db: Kysely<Database>, organizationId: string, overrides: Partial<NewUser> = {}) {
  const n = ++sequence;
  return db
    .insertInto('users')
    .values({
      organization_id: organizationId,
      email: `user${n}@example.test`,
      name: `User ${n}`,
      role: 'interviewer',
      time_zone: 'America/New_York',
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
