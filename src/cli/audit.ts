import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { verifyAuditChain, type VerifyResult } from '../services/audit.js';

export interface OrganizationVerification extends VerifyResult {
  name: string;
  /**
   * The newest event. The chain has no secret, so someone who can write to the database could
   * drop its tail or rewrite it end to end; a head recorded outside the database exposes both.
   */
  head: { seq: number; hash: string } | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown for an `--organization` that names no organization; the CLI prints its message. */
export class UnknownOrganization extends Error {}

/** Verifies the audit chain of every organization, or of the one given, in a stable order. */
export async function verifyOrganizations(db: Kysely<Database>, organizationId?: string): Promise<OrganizationVerification[]> {
  if (organizationId !== undefined && !uuidPattern.test(organizationId)) {
    throw new UnknownOrganization(`"${organizationId}" is not an organization id (expected a UUID).`);
  }
  let query = db.selectFrom('organizations').select(['id', 'name']).orderBy('name').orderBy('id');
  if (organizationId !== undefined) query = query.where('id', '=', organizationId);
  const organizations = await query.execute();
  if (organizationId !== undefined && organizations.length === 0) {
    throw new UnknownOrganization(`No organization has the id ${organizationId}.`);
  }
  const results: OrganizationVerification[] = [];
  for (const organization of organizations) {
    const result = await verifyAuditChain(db, organization.id);
    const head = await db
      .selectFrom('audit_events')
      .select(['seq', 'hash'])
      .where('organization_id', '=', organization.id)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    results.push({ ...result, name: organization.name, head: head ?? null });
  }
  return results;
}

/** One line per organization: `ok` with the event count and head, or `BROKEN` with the first broken link. */
export function describeVerification(result: OrganizationVerification): string {
  const who = `${result.organizationId} ${JSON.stringify(result.name)}`;
  if (!result.firstBreak) {
    const head = result.head ? `, head ${result.head.seq} ${result.head.hash}` : '';
    return `ok      ${who}: ${result.events} events, chain intact${head}`;
  }
  const { seq, reason, message, id } = result.firstBreak;
  return `BROKEN  ${who}: first broken link at event ${seq} (${reason}${id ? `, row ${id}` : ''}): ${message}`;
}
