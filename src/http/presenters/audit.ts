import { z } from 'zod';
import { effectiveRole, type Actor } from '../../auth/actor.js';
import type { TrailVerification } from '../../services/audit-anchors.js';
import type { AuditEvent } from '../../db/schema.js';

export const auditEventSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  occurredAt: z.iso.datetime(),
  actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
  action: z.string(),
  entity: z.object({ type: z.string(), id: z.string().nullable() }),
  changes: z.record(z.string(), z.unknown()).nullable(),
  /** Network details of the request: admins only. */
  ip: z.string().nullable().optional(),
  userAgent: z.string().nullable().optional(),
  prevHash: z.string(),
  hash: z.string(),
});

/**
 * An audit event for staff. The IP address and user agent of whoever acted are shown to admins
 * only: recruiters and coordinators need what happened, not where their colleagues sat.
 */
export function presentAuditEvent(event: AuditEvent, viewer: Actor): z.infer<typeof auditEventSchema> {
  const network = effectiveRole(viewer) === 'admin' ? { ip: event.ip, userAgent: event.user_agent } : {};
  return {
    id: event.id,
    seq: event.seq,
    occurredAt: event.occurred_at.toISOString(),
    actor: { type: event.actor_type, id: event.actor_id, label: event.actor_label },
    action: event.action,
    entity: { type: event.entity_type, id: event.entity_id },
    changes: event.changes,
    ...network,
    prevHash: event.prev_hash,
    hash: event.hash,
  };
}

export const auditVerificationSchema = z.object({
  ok: z.boolean().describe('true when the chain links and every anchor hold'),
  events: z.number().int(),
  firstBreak: z
    .object({
      seq: z.number().int(),
      id: z.string().nullable(),
      reason: z.enum(['edited', 'missing', 'out_of_order', 'relinked']),
      message: z.string(),
    })
    .nullable(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  anchors: z.object({
    count: z.number().int(),
    valid: z.number().int().describe('anchors whose HMAC is valid under this server’s key'),
    coveredEvents: z.number().int().describe('events up to the newest anchor that still matches the chain'),
    unanchoredEvents: z.number().int().describe('newer events, not yet protected against a rewrite or removal'),
    lastAnchoredAt: z.iso.datetime().nullable(),
    problems: z.array(
      z.object({
        reason: z.enum(['forged', 'rewritten', 'truncated']),
        seq: z.number().int(),
        anchorId: z.string(),
        message: z.string(),
      }),
    ),
  }),
});

export function presentAuditVerification(result: TrailVerification): z.infer<typeof auditVerificationSchema> {
  return { ok: result.ok, events: result.events, firstBreak: result.firstBreak, head: result.head, anchors: result.anchors };
}
