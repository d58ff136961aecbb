import type { Kysely } from 'kysely';
import { deriveAnchorKey } from '../core/audit-anchor.js';
import type { Database } from '../db/schema.js';
import { verifyAuditTrail, type TrailVerification } from '../services/audit-anchors.js';

export interface OrganizationVerification extends TrailVerification {
  name: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown for an `--organization` that names no organization; the CLI prints its message. */
export class UnknownOrganization extends Error {}

/**
 * Verifies the audit trail (hash chain and anchors) of every organization, or of the one given,
 * in a stable order. Anchors are checked with the key derived from `encryptionKey`, the same
 * `ENCRYPTION_KEY` the server writes them with.
 */
export async function verifyOrganizations(db: Kysely<Database>, encryptionKey: Buffer, organizationId?: string): Promise<OrganizationVerification[]> {
  if (organizationId !== undefined && !uuidPattern.test(organizationId)) {
    throw new UnknownOrganization(`"${organizationId}" is not an organization id (expected a UUID).`);
  }
  let query = db.selectFrom('organizations').select(['id', 'name']).orderBy('name').orderBy('id');
  if (organizationId !== undefined) query = query.where('id', '=', organizationId);
  const organizations = await query.execute();
  if (organizationId !== undefined && organizations.length === 0) {
    throw new UnknownOrganization(`No organization has the id ${organizationId}.`);
  }
  const key = deriveAnchorKey(encryptionKey);
  const results: OrganizationVerification[] = [];
  for (const organization of organizations) {
    results.push({ ...(await verifyAuditTrail(db, key, organization.id)), name: organization.name });
  }
  return results;
}

/**
 * One line per organization: `ok` with the event count, head and anchor coverage, or `BROKEN`
 * with the first broken link; then one indented line per failed anchor check.
 */
export function describeVerification(result: OrganizationVerification): string {
  const who = `${result.organizationId} ${JSON.stringify(result.name)}`;
  const { anchors } = result;
  const coverage = `${anchors.coveredEvents} covered by anchors, ${anchors.unanchoredEvents} not yet anchored`;
  let line: string;
  if (result.firstBreak) {
    const { seq, reason, message, id } = result.firstBreak;
    line = `BROKEN  ${who}: first broken link at event ${seq} (${reason}${id ? `, row ${id}` : ''}): ${message}`;
  } else if (anchors.problems.length > 0) {
    line = `BROKEN  ${who}: ${result.events} events, chain links intact but ${anchors.problems.length} of ${anchors.count} anchors fail`;
  } else {
    const head = result.head ? `, head ${result.head.seq} ${result.head.hash}` : '';
    line = `ok      ${who}: ${result.events} events, chain intact${head}, ${coverage}`;
  }
  const problems = anchors.problems.map((problem) => `        anchor ${problem.reason} at event ${problem.seq}: ${problem.message}`);
  return [line, ...problems].join('\n');
}
