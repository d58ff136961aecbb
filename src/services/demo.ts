import type { Kysely } from 'kysely';
import { systemContext } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import type { Database, Role } from '../db/schema.js';
import { recordAudit } from './audit.js';
import { seedDemoHistory, type HistoryResult } from './demo-history.js';
import { seedDirectory } from './demo-directory.js';

export const demoPassword = 'loopwise-demo';

export interface DemoLogin {
  email: string;
  role: Role;
  organization: string;
}

interface DemoUser {
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  client?: string;
}

interface DemoOrganization {
  name: string;
  timeZone: string;
  clients: string[];
  users: DemoUser[];
  /** Seed pools, working hours, requisitions, candidates and applications too. */
  directory?: boolean;
}

// Mostly US, with one interviewer in London and one in India so panels cross real offsets.
const interviewerZones = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London', 'America/New_York', 'America/Chicago', 'Asia/Kolkata', 'America/Denver'];

const demoOrganizations: DemoOrganization[] = [
  {
    name: 'Acme Staffing',
    timeZone: 'America/New_York',
    clients: ['Northwind', 'Globex'],
    directory: true,
    users: [
      { email: 'admin@acme.test', name: 'Avery Admin', role: 'admin', timeZone: 'America/New_York' },
      { email: 'recruiter@acme.test', name: 'Riley Recruiter', role: 'recruiter', timeZone: 'America/New_York' },
      { email: 'coordinator@acme.test', name: 'Casey Coordinator', role: 'coordinator', timeZone: 'America/Chicago' },
      { email: 'hm@acme.test', name: 'Harper Manager', role: 'hiring_manager', timeZone: 'America/New_York' },
      ...Array.from({ length: 8 }, (_, i): DemoUser => ({
        email: `interviewer${i + 1}@acme.test`,
        name: ['Ines Park', 'Omar Diaz', 'Mei Chen', 'Sam Okafor', 'Lena Novak', 'Raj Iyer', 'Ada Brooks', 'Tom Weber'][i] ?? `Interviewer ${i + 1}`,
        role: 'interviewer',
        timeZone: interviewerZones[i % interviewerZones.length] ?? 'America/New_York',
      })),
      { email: 'client@northwind.test', name: 'Nora Northwind', role: 'client_user', timeZone: 'America/Chicago', client: 'Northwind' },
      { email: 'client@globex.test', name: 'Gus Globex', role: 'client_user', timeZone: 'America/Los_Angeles', client: 'Globex' },
    ],
  },
  {
    name: 'Beta Talent',
    timeZone: 'America/Los_Angeles',
    clients: [],
    users: [{ email: 'admin@beta.test', name: 'Blair Beta', role: 'admin', timeZone: 'America/Los_Angeles' }],
  },
];

/** True when the database holds no organization yet: the signal to seed demo data. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Creates the demo organizations, clients and users in one transaction and returns the logins. */
export async function seedDemo(db: Kysely<Database>, now = new Date()): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(demoPassword);
  return db.transaction().execute(async (trx) => {
    const logins: DemoLogin[] = [];
    for (const org of demoOrganizations) {
      const { id: organizationId } = await trx
        .insertInto('organizations')
        .values({ name: org.name, default_time_zone: org.timeZone })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ctx = systemContext(organizationId, now);
      await recordAudit(trx, ctx, { action: 'organization.created', entityType: 'organization', entityId: organizationId, changes: { demo: true } });
      const clientIds = new Map<string, string>();
      for (const name of org.clients) {
        const client = await trx.insertInto('clients').values({ organization_id: organizationId, name }).returning('id').executeTakeFirstOrThrow();
        clientIds.set(name, client.id);
      }
      const userIds = new Map<string, string>();
      for (const user of org.users) {
        const { id } = await trx
          .insertInto('users')
          .values({
            organization_id: organizationId,
            email: user.email,
            name: user.name,
            role: user.role,
            time_zone: user.timeZone,
            client_id: user.client ? (clientIds.get(user.client) ?? null) : null,
            password_hash: passwordHash,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        userIds.set(user.email, id);
        logins.push({ email: user.email, role: user.role, organization: org.name });
      }
      if (org.directory) await seedDirectory(trx, { organizationId, now, userIds, clientIds });
    }
    return logins;
  });
}

/** How far back the demo's scheduling history reaches. */
const historyWeeks = 8;

/**
 * What `serve --demo` and `seed --demo` create: the demo organizations as they were eight weeks
 * ago, then eight weeks of scheduling through the real commands up to `now`.
 */
export async function seedDemoWithHistory(
  db: Kysely<Database>,
  options: { publicUrl: string; now?: Date; history?: boolean },
): Promise<{ logins: DemoLogin[]; history: HistoryResult | null }> {
  const now = options.now ?? new Date();
  if (options.history === false) return { logins: await seedDemo(db, now), history: null };
  const logins = await seedDemo(db, new Date(now.getTime() - historyWeeks * 7 * 86_400_000));
  const acme = await db.selectFrom('organizations').select('id').where('name', '=', 'Acme Staffing').executeTakeFirstOrThrow();
  const history = await seedDemoHistory(db, { organizationId: acme.id, now, publicUrl: options.publicUrl });
  return { logins, history };
}
