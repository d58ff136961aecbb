import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ApiKeyScope, Database, User } from '../../../src/db/schema.js';

/**
 * The columns of the access matrix: one signed-in person per role of Acme Staffing (the client
 * user belongs to Northwind), the admin of the other organization (Beta Talent), and nobody.
 */
export const actors = [
  'admin',
  'recruiter',
  'coordinator',
  'hiring_manager',
  'interviewer',
  'client_user',
  'other_org_admin',
  'anonymous',
] as const;
export type ActorName = (typeof actors)[number];

/** The HTTP status each actor must get. */
export type Expect = Record<ActorName, number>;

/**
 * Which record a row with an id in its route points at, seen from Acme Staffing:
 * - `own`: a record of Acme that belongs to Northwind where records belong to a client
 *   (the client user's own client), otherwise any Acme record;
 * - `other_client`: a record of Acme that belongs to Globex;
 * - `other_org`: a record of Beta Talent.
 */
export type RecordVariant = 'own' | 'other_client' | 'other_org';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AccessRow {
  method: Method;
  /** The route exactly as registered, e.g. `/api/v1/api-keys/:id/revoke`. */
  route: string;
  /** Required (`own` and `other_org` at least) when the route has a parameter. */
  record?: RecordVariant;
  /**
   * The concrete URL. Called once per actor, so a row that changes state can make a fresh
   * record for each request (`f.make…`) and the order of actors does not matter.
   */
  url: (f: Fixtures) => string | Promise<string>;
  /** A valid body: validation runs before authorization, so an invalid one would answer 400. */
  body?: (f: Fixtures) => unknown;
  /** Sign each actor in anew for this row (for routes that end the session, like logout). */
  freshSession?: boolean;
  expect: Expect;
  /**
   * Exact statuses for Acme API keys of these scopes. Without them the runner still checks that
   * a key is never more powerful than the role it acts as, and that a read key never writes.
   */
  apiKeys?: Partial<Record<ApiKeyScope, number>>;
}

/** The role each API key scope acts as (`effectiveRole`). */
export const keyRoles: Record<ApiKeyScope, ActorName> = { read: 'recruiter', scheduling: 'coordinator', admin: 'admin' };

/** Demo data and helpers the rows build their URLs and bodies from. */
export interface Fixtures {
  app: FastifyInstance;
  db: Kysely<Database>;
  orgs: { acme: string; beta: string };
  clients: { northwind: string; globex: string };
  /** A demo user by email, e.g. `f.user('hm@acme.test').id`. */
  user(email: string): User;
  /** Request headers for the actor (a signed-in, CSRF-valid session; none for `anonymous`). */
  headers(actor: ActorName, options?: { fresh?: boolean }): Promise<Record<string, string>>;
  /** `Authorization: Bearer` headers of an active Acme API key with the scope. */
  keyHeaders(scope: ApiKeyScope): Promise<Record<string, string>>;
  /**
   * Adds a record id to the leak check: responses to `other_org_admin` may never contain an
   * `acme` id, responses to Acme's people and keys never a `beta` one, responses to
   * `client_user` never a `globex` one. The `make` factories call it.
   */
  remember(owner: 'acme' | 'globex' | 'beta', id: string): void;
  /** The ids the actor (or an Acme API key) may never receive. */
  hiddenFrom(actor: ActorName | 'api_key'): string[];
  make: {
    /** A new, active API key of the organization (read scope unless told). */
    apiKey(org: 'acme' | 'beta', scope?: ApiKeyScope): Promise<{ id: string; secret: string }>;
  };
}

/** Every actor gets `status`, except the ones overridden: `expectAll(404, { admin: 200, anonymous: 401 })`. */
export function expectAll(status: number, overrides: Partial<Expect> = {}): Expect {
  return { ...(Object.fromEntries(actors.map((actor) => [actor, status])) as Expect), ...overrides };
}
