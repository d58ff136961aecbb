import type { Kysely } from 'kysely';
import { deriveAnchorKey } from '../core/audit-anchor.js';
import type { Database } from '../db/schema.js';
import { anchorAuditHeads } from '../services/audit-anchors.js';
import type { Job } from './worker.js';

/**
 * Anchors each organization's audit head once it has moved (src/services/audit-anchors.ts).
 * Checking costs two index probes per organization, and runs at most every `everyMs` (a minute by
 * default), so events stay unprotected for about that long.
 */
export function auditAnchorsJob(db: Kysely<Database>, options: { encryptionKey: Buffer; everyMs?: number }): Job {
  const key = deriveAnchorKey(options.encryptionKey);
  const everyMs = options.everyMs ?? 60_000;
  let lastRun: number | undefined;
  return {
    name: 'audit-anchors',
    runOnce: async (now) => {
      if (lastRun !== undefined && Math.abs(now.getTime() - lastRun) < everyMs) return 0;
      lastRun = now.getTime();
      const { written, refused } = await anchorAuditHeads(db, key, now);
      // Thrown so the worker logs it at every run until someone looks: a chain that broke is never anchored.
      if (refused.size > 0) {
        const reasons = [...refused].map(([organizationId, reason]) => `${organizationId} (${reason})`).join('; ');
        throw new Error(`Audit chain not anchored for ${reasons}: run \`loopwise audit verify\`.`);
      }
      return written;
    },
  };
}
