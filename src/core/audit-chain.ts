import { createHash } from 'node:crypto';

/** The hash that precedes the first event of every organization's chain. */
export const genesisHash = '0'.repeat(64);

/** The fields of an audit event that its hash covers. */
export interface AuditContent {
  organizationId: string;
  seq: number;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
}

/**
 * JSON with object keys sorted at every depth, so the same content always hashes the same way
 * regardless of the order a database returned jsonb keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 over the previous event's hash and this event's canonical content. */
export function chainHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export interface ChainLink {
  id: string;
  prevHash: string;
  hash: string;
  content: AuditContent;
}

export type ChainBreak = {
  seq: number;
  id: string | null;
  reason: 'edited' | 'missing' | 'out_of_order' | 'relinked';
  message: string;
};

/**
 * Walks one organization's events in `seq` order and returns the first broken link: an edited
 * row (hash mismatch), a gap (deleted row), a row whose predecessor hash does not match (inserted
 * or reordered), or null when the chain is intact. `after` starts the walk behind a known event
 * (its position and hash) instead of at the beginning.
 */
export function findChainBreak(links: Iterable<ChainLink>, after: { seq: number; hash: string } = { seq: 0, hash: genesisHash }): ChainBreak | null {
  let expectedSeq = after.seq + 1;
  let previous = after.hash;
  for (const link of links) {
    const { seq } = link.content;
    if (seq < expectedSeq) {
      return { seq, id: link.id, reason: 'out_of_order', message: `Event ${seq} appears after event ${expectedSeq - 1}.` };
    }
    if (seq > expectedSeq) {
      return { seq: expectedSeq, id: null, reason: 'missing', message: `Event ${expectedSeq} is missing (next is ${seq}).` };
    }
    if (link.prevHash !== previous) {
      return { seq, id: link.id, reason: 'relinked', message: `Event ${seq} does not follow event ${seq - 1}.` };
    }
    if (chainHash(link.prevHash, link.content) !== link.hash) {
      return { seq, id: link.id, reason: 'edited', message: `Event ${seq} was changed after it was written.` };
    }
    previous = link.hash;
    expectedSeq += 1;
  }
  return null;
}
