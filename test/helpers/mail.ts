import type { DatabaseHandle } from '../../src/db/connection.js';

export interface SentEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  template: string;
}

/** Emails queued in the outbox for an address, oldest first. */
export async function emailsTo(database: DatabaseHandle, to: string): Promise<SentEmail[]> {
  const rows = await database.db.selectFrom('outbox_messages').select(['payload']).where('channel', '=', 'email').orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => row.payload as unknown as SentEmail).filter((email) => email.to === to);
}

/** The token of the last `/invite/…` or `/reset-password/…` link emailed to an address. */
export async function lastLinkToken(database: DatabaseHandle, to: string, kind: 'invite' | 'reset-password'): Promise<string> {
  const emails = await emailsTo(database, to);
  const text = emails.at(-1)?.text ?? '';
  const token = new RegExp(`/${kind}/([A-Za-z0-9_-]+)`).exec(text)?.[1];
  if (!token) throw new Error(`no ${kind} link emailed to ${to}`);
  return token;
}
