import type { Kysely } from 'kysely';
import { TooManyRequests, Unauthenticated } from '../core/errors.js';
import type { RequestContext, UserActor } from '../auth/actor.js';
import { verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Database, User } from '../db/schema.js';
import { recordAudit } from './audit.js';

export const sessionPolicy = {
  /** A session unused this long ends. */
  idleMinutes: 8 * 60,
  /** No session outlives this, used or not. */
  absoluteHours: 7 * 24,
  /** last_seen_at is refreshed at most this often, to keep reads cheap. */
  touchSeconds: 60,
};

export const loginThrottle = { windowMinutes: 15, perAccount: 5, perIp: 30 };

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  now: Date;
}

export interface LoginResult {
  token: string;
  sessionId: string;
  user: User;
  expiresAt: Date;
}

const badCredentials = 'That email and password do not match an active account.';

/**
 * Checks credentials with throttling per account and per IP, then opens a fresh session (a new
 * token on every login, so a planted session cookie is never promoted).
 */
export async function login(db: Kysely<Database>, input: LoginInput): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  await assertNotThrottled(db, email, input.ip, input.now);
  const candidates = await db.selectFrom('users').selectAll().where('email', '=', email).where('active', '=', true).execute();
  let user: User | undefined;
  for (const candidate of candidates) {
    if (await verifyPassword(candidate.password_hash, input.password)) user = candidate;
  }
  if (candidates.length === 0) await verifyPassword(null, input.password);
  await db.insertInto('login_attempts').values({ email, ip: input.ip, succeeded: user !== undefined, attempted_at: input.now }).execute();
  if (!user) throw new Unauthenticated(badCredentials);

  const found = user;
  const opened = await db.transaction().execute((trx) => openSession(trx, found, input));
  return { ...opened, user: found };
}

export interface OpenedSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

/**
 * Opens a fresh session for a user whose identity was just proven (password, invite or reset
 * link), inside the caller's transaction, and records it in the audit trail.
 */
export async function openSession(
  trx: Kysely<Database>,
  user: User,
  input: { ip: string | null; userAgent: string | null; now: Date },
): Promise<OpenedSession> {
  const token = newToken();
  const sessionId = hashToken(token);
  const expiresAt = new Date(input.now.getTime() + sessionPolicy.absoluteHours * 3_600_000);
  await trx
    .insertInto('sessions')
    .values({
      id: sessionId,
      organization_id: user.organization_id,
      user_id: user.id,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent,
    })
    .execute();
  await trx.updateTable('users').set({ last_login_at: input.now }).where('id', '=', user.id).execute();
  await recordAudit(trx, { actor: userActor(user, sessionId), ip: input.ip, userAgent: input.userAgent, now: input.now }, {
    action: 'session.created',
    entityType: 'user',
    entityId: user.id,
  });
  return { token, sessionId, expiresAt };
}

/** Ends every session of a user (deactivation, password reset); returns how many ended. */
export async function endAllSessions(trx: Kysely<Database>, userId: string): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

async function assertNotThrottled(db: Kysely<Database>, email: string, ip: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - loginThrottle.windowMinutes * 60_000);
  const failures = (column: 'email' | 'ip', value: string) =>
    db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(column, '=', value)
      .where('succeeded', '=', false)
      .where('attempted_at', '>', since)
      .executeTakeFirstOrThrow();
  const [byAccount, byIp] = await Promise.all([failures('email', email), failures('ip', ip)]);
  if (byAccount.n >= loginThrottle.perAccount || byIp.n >= loginThrottle.perIp) {
    throw new TooManyRequests(
      `Too many failed sign-in attempts. Wait ${loginThrottle.windowMinutes} minutes or reset your password.`,
      { retryAfterSeconds: loginThrottle.windowMinutes * 60 },
    );
  }
}

export function userActor(user: User, sessionId: string | null): UserActor {
  return {
    kind: 'user',
    id: user.id,
    organizationId: user.organization_id,
    role: user.role,
    clientId: user.client_id,
    name: user.name,
    sessionId,
  };
}

/** The signed-in user for a session token, or null when it is unknown, expired, idle too long or deactivated. */
export async function resolveSession(db: Kysely<Database>, token: string, now: Date): Promise<UserActor | null> {
  const sessionId = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.last_seen_at', 'sessions.expires_at'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || !row.active) return null;
  const idleUntil = row.last_seen_at.getTime() + sessionPolicy.idleMinutes * 60_000;
  if (row.expires_at <= now || idleUntil <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > sessionPolicy.touchSeconds * 1000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
  }
  return userActor(row, sessionId);
}

/** Ends one session, or every session of the user (`everywhere`). */
export async function logout(db: Kysely<Database>, ctx: RequestContext, everywhere: boolean): Promise<number> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !actor.sessionId) return 0;
  const sessionId = actor.sessionId;
  return db.transaction().execute(async (trx) => {
    const query = trx.deleteFrom('sessions');
    const result = await (everywhere ? query.where('user_id', '=', actor.id) : query.where('id', '=', sessionId)).executeTakeFirst();
    await recordAudit(trx, ctx, {
      action: everywhere ? 'session.ended_everywhere' : 'session.ended',
      entityType: 'user',
      entityId: actor.id,
    });
    return Number(result.numDeletedRows);
  });
}
