import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { hashToken, newToken } from '../../../src/auth/tokens.js';
import type { ApiKeyScope, Database, User } from '../../../src/db/schema.js';
import { apiKeyPrefix } from '../../../src/services/api-keys.js';
import { signIn } from '../../helpers/app.js';
import type { ActorName, Fixtures } from './types.js';

const emails: Record<Exclude<ActorName, 'anonymous'>, string> = {
  admin: 'admin@acme.test',
  recruiter: 'recruiter@acme.test',
  coordinator: 'coordinator@acme.test',
  hiring_manager: 'hm@acme.test',
  interviewer: 'interviewer1@acme.test',
  client_user: 'client@northwind.test',
  other_org_admin: 'admin@beta.test',
};

/** Fixtures over an app seeded with the demo data (`openTestApp(backend, { demo: true })`). */
export async function loadFixtures(app: FastifyInstance, db: Kysely<Database>): Promise<Fixtures> {
  const orgs = await db.selectFrom('organizations').select(['id', 'name']).execute();
  const clients = await db.selectFrom('clients').select(['id', 'name']).execute();
  const users = new Map((await db.selectFrom('users').selectAll().execute()).map((u) => [u.email, u]));
  const orgId = (name: string) => must(orgs.find((o) => o.name === name)?.id, `organization ${name}`);
  const clientId = (name: string) => must(clients.find((c) => c.name === name)?.id, `client ${name}`);
  const sessions = new Map<ActorName, Record<string, string>>();
  const remembered = { acme: new Set<string>(), globex: new Set<string>(), beta: new Set<string>() };
  const keys = new Map<ApiKeyScope, Record<string, string>>();
  const idsOf = (org: 'acme' | 'beta') => {
    const ids = [fixtures.orgs[org], ...remembered[org]];
    for (const user of users.values()) if (user.organization_id === fixtures.orgs[org]) ids.push(user.id);
    return org === 'acme' ? [...ids, fixtures.clients.northwind, fixtures.clients.globex] : ids;
  };
  const fixtures: Fixtures = {
    app,
    db,
    orgs: { acme: orgId('Acme Staffing'), beta: orgId('Beta Talent') },
    clients: { northwind: clientId('Northwind'), globex: clientId('Globex') },
    user: (email: string): User => must(users.get(email), `demo user ${email}`),
    headers: async (actor, options = {}) => {
      if (actor === 'anonymous') return {};
      const cached = sessions.get(actor);
      if (cached && !options.fresh) return cached;
      const { headers } = await signIn(app, emails[actor]);
      if (!options.fresh) sessions.set(actor, headers);
      return headers;
    },
    keyHeaders: async (scope) => {
      const cached = keys.get(scope);
      if (cached) return cached;
      const { secret } = await fixtures.make.apiKey('acme', scope);
      keys.set(scope, { authorization: `Bearer ${secret}` });
      return { authorization: `Bearer ${secret}` };
    },
    remember: (owner, id) => remembered[owner].add(id),
    hiddenFrom: (actor) => {
      if (actor === 'other_org_admin') return idsOf('acme');
      if (actor === 'anonymous') return [...idsOf('acme'), ...idsOf('beta')];
      if (actor === 'client_user') return [...idsOf('beta'), fixtures.clients.globex, fixtures.user('client@globex.test').id, ...remembered.globex];
      return idsOf('beta');
    },
    make: {
      apiKey: async (org, scope = 'read') => {
        const secret = newToken(apiKeyPrefix);
        const row = await db
          .insertInto('api_keys')
          .values({ organization_id: fixtures.orgs[org], name: `Matrix key ${secret.slice(3, 9)}`, scope, prefix: secret.slice(0, 9), key_hash: hashToken(secret) })
          .returning('id')
          .executeTakeFirstOrThrow();
        fixtures.remember(org, row.id);
        return { id: row.id, secret };
      },
    },
  };
  return fixtures;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The demo data has no ${what}.`);
  return value;
}
