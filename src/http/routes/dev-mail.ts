import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { mailDirectory } from '../../integrations/smtp.js';
import { escapeHtml } from '../../services/email-outbox.js';
import { notFoundBody } from '../errors.js';
import { emailSchema, presentEmail } from '../presenters/email.js';

const shown = 200;
const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

async function latestEmails(db: Kysely<Database>) {
  const rows = await db.selectFrom('outbox_messages').selectAll().where('channel', '=', 'email').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(shown).execute();
  return rows.map(presentEmail);
}

/**
 * The development mailbox (DESIGN §5): every queued email, newest first, so invites and resets
 * can be followed without an SMTP server. Registered only outside production and answered only
 * on this machine: it shows every organization's reset links, so a remote caller must never reach it.
 */
export const devMailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (request, reply) => {
    // Both the socket and the client address (which differs behind a trusted proxy) must be local.
    if (!loopback.has(request.socket.remoteAddress ?? '') || !loopback.has(request.ip)) return reply.status(404).send(notFoundBody(request.method, request.url));
  });

  app.get(
    '/dev/mail.json',
    { schema: { tags: ['development'], summary: 'Queued emails, newest first (development only)', response: { 200: z.object({ items: z.array(emailSchema) }) } } },
    async () => ({ items: await latestEmails(app.deps.database.db) }),
  );

  app.get('/dev/mail', { schema: { hide: true } }, async (_request, reply) => {
    const emails = await latestEmails(app.deps.database.db);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderMailbox(emails));
  });

  // The message exactly as the worker wrote it (no SMTP_URL): open it in a mail client.
  app.get('/dev/mail/:file', { schema: { hide: true, params: z.object({ file: z.string().regex(/^[0-9a-f-]{36}\.eml$/) }) } }, async (request, reply) => {
    const file = path.join(mailDirectory(app.deps.config.dataDir), request.params.file);
    const content = await readFile(file).catch(() => null);
    if (!content) return reply.status(404).type('text/plain').send('No .eml for this message (yet): the worker writes it when it delivers without SMTP_URL.');
    return reply.type('message/rfc822').header('content-disposition', `attachment; filename="${request.params.file}"`).send(content);
  });
};

type Email = z.infer<typeof emailSchema>;

function renderMailbox(emails: Email[]): string {
  const items = emails.map(renderEmail).join('\n');
  const empty = '<p>No emails yet. Invite a user or request a password reset, then reload.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev mailbox · Loopwise</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 820px; margin: 2rem auto; padding: 0 1rem; color: #1a1b1e;">
<h1 style="font-size: 1.5rem;">Dev mailbox</h1>
<p style="color: #495057;">Emails Loopwise queued, newest first (${emails.length} shown). This page exists only outside production.</p>
${emails.length === 0 ? empty : `<ol style="list-style: none; padding: 0;">\n${items}\n</ol>`}
</body>
</html>`;
}

function renderEmail(email: Email): string {
  return `<li style="border: 1px solid #ced4da; border-radius: 6px; padding: 1rem; margin-bottom: 1rem;">
<h2 style="font-size: 1.1rem; margin: 0 0 .5rem;">${escapeHtml(email.subject)}</h2>
<dl style="display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 .75rem; font-size: .9rem;">
<dt style="font-weight: 600;">To</dt><dd style="margin: 0;">${escapeHtml(email.to)}</dd>
<dt style="font-weight: 600;">Created</dt><dd style="margin: 0;"><time datetime="${email.createdAt}">${email.createdAt.replace('T', ' ').slice(0, 19)} UTC</time></dd>
<dt style="font-weight: 600;">Template</dt><dd style="margin: 0;">${escapeHtml(email.template)}${email.calendarMethod ? ` · calendar invite (${escapeHtml(email.calendarMethod)})` : ''}</dd>
<dt style="font-weight: 600;">Delivery</dt><dd style="margin: 0;">${renderDelivery(email)}</dd>
</dl>
<pre style="white-space: pre-wrap; font-family: inherit; background: #f8f9fa; padding: .75rem; margin: 0;">${linkify(email.text)}</pre>
</li>`;
}

function renderDelivery(email: Email): string {
  const attempts = `${email.attempts} attempt${email.attempts === 1 ? '' : 's'}`;
  const error = email.lastError ? ` · last error: ${escapeHtml(email.lastError)}` : '';
  if (email.status === 'sent') return `sent ${escapeHtml((email.sentAt ?? '').replace('T', ' ').slice(0, 19))} UTC · <a href="${escapeHtml(email.emlUrl ?? '')}">.eml</a>`;
  if (email.status === 'pending') return `pending, ${attempts}, next try ${escapeHtml((email.nextAttemptAt ?? '').replace('T', ' ').slice(0, 19))} UTC${error}`;
  return `${escapeHtml(email.status)} after ${attempts}${error}`;
}

/** Escapes the text and turns http(s) URLs into links. */
function linkify(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"']+)/g)
    .map((part, index) => (index % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part)))
    .join('');
}
