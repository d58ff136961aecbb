import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema.js';

export interface DemoLogin {
  email: string;
  role: Role;
  organization: string;
}

const acmeUsers: { email: string; name: string; role: Role }[] = [
  { email: 'admin@acme.test', name: 'Avery Admin', role: 'admin' },
  { email: 'recruiter@acme.test', name: 'Riley Recruiter', role: 'recruiter' },
  { email: 'coordinator@acme.test', name: 'Casey Coordinator', role: 'coordinator' },
  { email: 'hm@acme.test', name: 'Harper Manager', role: 'hiring_manager' },
  ...Array.from({ length: 8 }, (_, i) => ({
    email: `interviewer${i + 1}@acme.test`,
    name: `Interviewer ${i + 1}`,
    role: 'interviewer' as const,
  })),
];

/** True when the database holds no organization yet: the signal to seed demo data. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Creates the demo organizations and users in one transaction and returns the logins. */
export async function seedDemo(db: Kysely<Database>): Promise<DemoLogin[]> {
  return db.transaction().execute(async (trx) => {
    const acme = await trx
      .insertInto('organizations')
      .values({ name: 'Acme Staffing', default_time_zone: 'America/New_York' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('users')
      .values(acmeUsers.map((user) => ({ ...user, organization_id: acme.id, time_zone: 'America/New_York' })))
      .execute();
    return acmeUsers.map(({ email, role }) => ({ email, role, organization: 'Acme Staffing' }));
  });
}
