import type { Kysely } from 'kysely';
import type { RequestContext } from '../auth/actor.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { CandidateLinkPurpose, Database } from '../db/schema.js';

/** The candidate page of a link token. */
export function linkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/s/${token}`;
}

/**
 * Issues a candidate link for a request (256-bit token, only its SHA-256 stored), revoking the
 * request's earlier links so only the newest one works, unless `keepOthers` (a reminder's link must
 * not break the link the candidate already has). Returns the token: the only time it exists.
 */
export async function issueCandidateLink(
  trx: Kysely<Database>,
  ctx: RequestContext,
  input: { requestId: string; purpose: CandidateLinkPurpose; expiresAt: Date; publicUrl: string; keepOthers?: boolean },
): Promise<{ id: string; token: string; url: string }> {
  if (!input.keepOthers) await trx.updateTable('candidate_links').set({ revoked_at: ctx.now }).where('request_id', '=', input.requestId).where('revoked_at', 'is', null).execute();
  const token = newToken();
  const link = await trx
    .insertInto('candidate_links')
    .values({
      organization_id: ctx.actor.organizationId,
      request_id: input.requestId,
      purpose: input.purpose,
      token_hash: hashToken(token),
      expires_at: input.expiresAt,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: link.id, token, url: linkUrl(input.publicUrl, token) };
}

/** Keeps the request's live links valid at least until `until` (e.g. the end of the booked interview). */
export async function extendCandidateLinks(trx: Kysely<Database>, requestId: string, until: Date): Promise<void> {
  await trx
    .updateTable('candidate_links')
    .set({ expires_at: until })
    .where('request_id', '=', requestId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '<', until)
    .execute();
}

export async function revokeCandidateLinks(trx: Kysely<Database>, requestId: string, now: Date): Promise<void> {
  await trx.updateTable('candidate_links').set({ revoked_at: now }).where('request_id', '=', requestId).where('revoked_at', 'is', null).execute();
}
