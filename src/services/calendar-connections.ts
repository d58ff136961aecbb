import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { authorize } from '../auth/policies.js';
import { Invalid, NotFound, RuleViolation } from '../core/errors.js';
import type { CalendarConnection, CalendarProvider as ProviderName, Database } from '../db/schema.js';
import { CalendarAccessError } from '../integrations/calendar-provider.js';
import { seal } from '../integrations/secret-box.js';
import { webhookUrlProblem } from '../integrations/webhooks.js';
import { recordAudit } from './audit.js';
import { credentialContext, openProvider, syncConnection, type CalendarSettings } from './calendar-sync.js';

export interface ConnectInput {
  provider: ProviderName;
  serverUrl: string;
  /** Optional: without it the account's first event calendar is used. */
  calendarUrl?: string | null | undefined;
  username: string;
  password: string;
}

export interface ConnectionWithOwner extends CalendarConnection {
  user_name: string;
  user_email: string;
}

const userIdOf = (ctx: RequestContext): string => (ctx.actor.kind === 'user' ? ctx.actor.id : '');
const own = (ctx: RequestContext) => ({ organization_id: ctx.actor.organizationId, user_id: userIdOf(ctx) });

function checkUrl(value: string, field: string, settings: CalendarSettings): void {
  // Same rules as webhook URLs: the server fetches what users type, so no private addresses in production.
  const problem = webhookUrlProblem(value, settings.allowPrivateUrls);
  if (problem) throw new Invalid(`The ${field === 'body.serverUrl' ? 'server' : 'calendar'} URL ${problem}.`, [{ path: field, message: problem }]);
}

/** The caller's own connected calendars. */
export async function listOwnConnections(db: Kysely<Database>, ctx: RequestContext): Promise<CalendarConnection[]> {
  authorize(ctx.actor, 'connect', 'calendarConnection', own(ctx));
  return db.selectFrom('calendar_connections').selectAll().where('organization_id', '=', ctx.actor.organizationId).where('user_id', '=', userIdOf(ctx)).orderBy('created_at').orderBy('id').execute();
}

/** Every connection of the organization with its owner, for admins helping people fix them. */
export async function listOrganizationConnections(db: Kysely<Database>, ctx: RequestContext): Promise<ConnectionWithOwner[]> {
  authorize(ctx.actor, 'list_all', 'calendarConnection', { organization_id: ctx.actor.organizationId });
  return db
    .selectFrom('calendar_connections')
    .innerJoin('users', 'users.id', 'calendar_connections.user_id')
    .selectAll('calendar_connections')
    .select(['users.name as user_name', 'users.email as user_email'])
    .where('calendar_connections.organization_id', '=', ctx.actor.organizationId)
    .orderBy('users.name')
    .orderBy('calendar_connections.created_at')
    .execute();
}

async function ownedConnection(db: Kysely<Database>, ctx: RequestContext, id: string, action: 'sync' | 'delete'): Promise<CalendarConnection> {
  const connection = await db.selectFrom('calendar_connections').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).executeTakeFirst();
  if (!connection) throw new NotFound('Calendar connection not found.');
  authorize(ctx.actor, action, 'calendarConnection', connection);
  return connection;
}

/**
 * Connects the caller's calendar: the account is checked by actually signing in and finding the
 * calendar (a refusal answers 422 with the server's reason), the password is stored sealed, and
 * the busy times are read once right away.
 */
export async function connectCalendar(db: Kysely<Database>, ctx: RequestContext, settings: CalendarSettings, input: ConnectInput): Promise<CalendarConnection> {
  authorize(ctx.actor, 'connect', 'calendarConnection', own(ctx));
  checkUrl(input.serverUrl, 'body.serverUrl', settings);
  if (input.calendarUrl) checkUrl(input.calendarUrl, 'body.calendarUrl', settings);
  const user = await db.selectFrom('users').select('time_zone').where('id', '=', userIdOf(ctx)).executeTakeFirstOrThrow();
  let found: { calendarUrl: string; calendarName: string | null };
  try {
    const provider = openProvider(settings, { provider: input.provider }, { serverUrl: input.serverUrl, calendarUrl: input.calendarUrl ?? '', username: input.username, secret: input.password, timeZone: user.time_zone });
    found = await provider.verify();
  } catch (error) {
    if (error instanceof CalendarAccessError) throw new RuleViolation(error.message);
    throw error;
  }
  const id = randomUUID();
  const connection = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('calendar_connections')
      .values({
        id,
        organization_id: ctx.actor.organizationId,
        user_id: userIdOf(ctx),
        provider: input.provider,
        server_url: input.serverUrl,
        calendar_url: found.calendarUrl,
        calendar_name: found.calendarName,
        username: input.username,
        credentials_sealed: seal(settings.encryptionKey, input.password, credentialContext(id)),
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'calendar_connection.connected',
      entityType: 'calendar_connection',
      entityId: id,
      changes: { provider: input.provider, server_url: { from: null, to: row.server_url }, calendar_url: { from: null, to: row.calendar_url }, username: { from: null, to: row.username } },
    });
    return row;
  });
  await syncConnection(db, settings, connection, ctx.now);
  return db.selectFrom('calendar_connections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Reads the calendar again now; a failure is recorded on the connection and shown, not thrown. */
export async function syncCalendarNow(db: Kysely<Database>, ctx: RequestContext, settings: CalendarSettings, id: string): Promise<CalendarConnection> {
  const connection = await ownedConnection(db, ctx, id, 'sync');
  await syncConnection(db, settings, connection, ctx.now);
  return db.selectFrom('calendar_connections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Disconnects: the sealed password, the busy times read from it and the written-event records go. */
export async function disconnectCalendar(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const connection = await ownedConnection(trx, ctx, id, 'delete');
    await trx.deleteFrom('calendar_connections').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'calendar_connection.disconnected',
      entityType: 'calendar_connection',
      entityId: id,
      changes: { provider: connection.provider, server_url: { from: connection.server_url, to: null }, calendar_url: { from: connection.calendar_url, to: null } },
    });
  });
}
