import type { Kysely } from 'kysely';
import { systemContext, type RequestContext } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { NotFound } from '../core/errors.js';
import type { Database, User, UserTokenPurpose } from '../db/schema.js';
import { passwordResetEmail } from './account-emails.js';
import { recordAudit } from './audit.js';
import { enqueueEmail } from './email-outbox.js';
import { endAllSessions, openSession, userActor, type OpenedSession } from './sessions.js';

/** How long each kind of emailed link works. */
export const tokenLifetimeMinutes: Record<UserTokenPurpose, number> = { invite: 7 * 24 * 60, password_reset: 60 };
/** Reset emails per account per hour beyond which requests are silently dropped (no mail bombing). */
export const resetEmailsPerHour = 3;

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  now: Date;
}

const deadLink = {
  invite: 'This invite link is invalid, already used or expired. Ask your admin to send a new one.',
  password_reset: 'This password reset link is invalid, already used or expired. Request a new one from the sign-in page.',
} satisfies Record<UserTokenPurpose, string>;

/**
 * Creates a single-use link token for the user and returns the secret. Only its hash is stored;
 * older open links of the same purpose stop working, so only the newest email is valid.
 */
export async function issueUserToken(trx: Kysely<Database>, user: User, purpose: UserTokenPurpose, now: Date): Promise<{ id: string; token: string }> {
  await trx
    .updateTable('user_tokens')
    .set({ expires_at: now })
    .where('user_id', '=', user.id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  const token = newToken();
  const row = await trx
    .insertInto('user_tokens')
    .values({
      organization_id: user.organization_id,
      user_id: user.id,
      purpose,
      token_hash: hashToken(token),
      expires_at: new Date(now.getTime() + tokenLifetimeMinutes[purpose] * 60_000),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/**
 * Uses up a link: locks the token row, checks it is open and its user active, sets the password,
 * and closes every other open link of the user (any password change makes old links moot).
 */
async function redeem(trx: Kysely<Database>, purpose: UserTokenPurpose, token: string, passwordHash: string, now: Date): Promise<User> {
  const row = await trx
    .selectFrom('user_tokens')
    .select(['id', 'user_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.used_at || row.expires_at <= now) throw new NotFound(deadLink[purpose]);
  const user = await trx.selectFrom('users').selectAll().where('id', '=', row.user_id).where('active', '=', true).executeTakeFirst();
  if (!user) throw new NotFound(deadLink[purpose]);
  await trx.updateTable('user_tokens').set({ used_at: now }).where('id', '=', row.id).execute();
  await trx.updateTable('user_tokens').set({ expires_at: now }).where('user_id', '=', user.id).where('used_at', 'is', null).where('expires_at', '>', now).execute();
  return trx.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', user.id).returningAll().executeTakeFirstOrThrow();
}

function contextFor(user: User, meta: RequestMeta, sessionId: string | null = null): RequestContext {
  return { actor: userActor(user, sessionId), ip: meta.ip, userAgent: meta.userAgent, now: meta.now };
}

/** Accepts an invitation: sets the first password and signs the new user in. */
export async function acceptInvite(
  db: Kysely<Database>,
  input: { token: string; password: string } & RequestMeta,
): Promise<{ user: User; session: OpenedSession }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const user = await redeem(trx, 'invite', input.token, passwordHash, input.now);
    await recordAudit(trx, contextFor(user, input), { action: 'user.invite_accepted', entityType: 'user', entityId: user.id });
    const session = await openSession(trx, user, input);
    return { user, session };
  });
}

/**
 * Emails a reset link to every active account with this email. The caller answers the same way
 * whether or not one exists, so the endpoint never tells who has an account.
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  input: { email: string; publicUrl: string } & RequestMeta,
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const accounts = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .selectAll('users')
    .select('organizations.name as organization_name')
    .where('users.email', '=', email)
    .where('users.active', '=', true)
    .execute();
  for (const { organization_name: organization, ...user } of accounts) {
    await db.transaction().execute(async (trx) => {
      if (await recentResets(trx, user.id, input.now) >= resetEmailsPerHour) return;
      const { id, token } = await issueUserToken(trx, user, 'password_reset', input.now);
      const link = `${input.publicUrl}/reset-password/${token}`;
      await enqueueEmail(trx, {
        organizationId: user.organization_id,
        dedupeKey: `user_token:${id}`,
        now: input.now,
        message: passwordResetEmail({ to: user.email, name: user.name, organization, link, minutes: tokenLifetimeMinutes.password_reset }),
      });
      const ctx = { ...systemContext(user.organization_id, input.now), ip: input.ip, userAgent: input.userAgent };
      await recordAudit(trx, ctx, { action: 'user.password_reset_requested', entityType: 'user', entityId: user.id });
    });
  }
}

async function recentResets(trx: Kysely<Database>, userId: string, now: Date): Promise<number> {
  const row = await trx
    .selectFrom('user_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('purpose', '=', 'password_reset')
    .where('created_at', '>', new Date(now.getTime() - 3_600_000))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sets a new password from a reset link and ends every session of the account. */
export async function confirmPasswordReset(
  db: Kysely<Database>,
  input: { token: string; password: string } & RequestMeta,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    const user = await redeem(trx, 'password_reset', input.token, passwordHash, input.now);
    const endedSessions = await endAllSessions(trx, user.id);
    await recordAudit(trx, contextFor(user, input), { action: 'user.password_reset', entityType: 'user', entityId: user.id, changes: { endedSessions } });
  });
}
