import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * HKDF `info` for the anchor key. `ENCRYPTION_KEY` also seals secrets with AES-GCM; deriving a
 * separate key for each purpose keeps a MAC from ever being computed with the sealing key.
 */
const keyInfo = 'loopwise/audit-anchor/hmac-sha256/v1';
const macPrefix = 'loopwise-audit-anchor-v1';

/** The 32-byte HMAC key for audit anchors, derived from `ENCRYPTION_KEY` with HKDF-SHA256. */
export function deriveAnchorKey(encryptionKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), keyInfo, 32));
}

/** What an anchor vouches for: this organization's chain had this event, with this hash, at `seq`. */
export interface AnchorContent {
  organizationId: string;
  seq: number;
  eventId: string;
  eventHash: string;
  anchoredAt: string;
}

/** HMAC-SHA256 (hex) over the anchor's fields, one per line after a version prefix. */
export function anchorMac(key: Buffer, content: AnchorContent): string {
  const message = [macPrefix, content.organizationId, String(content.seq), content.eventId, content.eventHash, content.anchoredAt].join('\n');
  return createHmac('sha256', key).update(message).digest('hex');
}

/** Whether `mac` is the anchor's HMAC under `key`, compared in constant time. */
export function anchorMacValid(key: Buffer, content: AnchorContent, mac: string): boolean {
  const expected = Buffer.from(anchorMac(key, content), 'hex');
  const actual = Buffer.from(mac, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface StoredAnchor extends AnchorContent {
  id: string;
  mac: string;
}

export type AnchorProblem = {
  reason: 'forged' | 'rewritten' | 'truncated';
  /** The anchored event position. */
  seq: number;
  anchorId: string;
  message: string;
};

export interface AnchorCheck {
  /** Anchors whose HMAC is valid. */
  validAnchors: number;
  /** Events up to the newest valid anchor whose event still has the anchored hash. */
  coveredEvents: number;
  /** The newest valid anchor that still matches the chain. */
  lastAnchor: { seq: number; anchoredAt: string } | null;
  problems: AnchorProblem[];
}

/**
 * Checks anchors against the chain as stored now. `eventAt(seq)` gives the stored event at that
 * position (or undefined); `headSeq` is the newest position (0 for an empty chain). A valid anchor
 * whose event hash no longer matches means the events up to it were rewritten and re-hashed; one
 * beyond the head means the newest events were removed; an invalid HMAC means the anchor was not
 * written with this key.
 */
export function checkAnchors(
  key: Buffer,
  anchors: readonly StoredAnchor[],
  eventAt: (seq: number) => { id: string; hash: string } | undefined,
  headSeq: number,
): AnchorCheck {
  const problems: AnchorProblem[] = [];
  let validAnchors = 0;
  let lastAnchor: AnchorCheck['lastAnchor'] = null;
  for (const anchor of anchors) {
    const at = (reason: AnchorProblem['reason'], message: string) => problems.push({ reason, seq: anchor.seq, anchorId: anchor.id, message });
    if (!anchorMacValid(key, anchor, anchor.mac)) {
      at('forged', `The anchor at event ${anchor.seq} has no valid signature: it was not written by Loopwise with this ENCRYPTION_KEY.`);
      continue;
    }
    validAnchors += 1;
    if (anchor.seq > headSeq) {
      at('truncated', `Newest events were removed: event ${anchor.seq} was anchored at ${anchor.anchoredAt}, but the chain now ends at event ${headSeq}.`);
      continue;
    }
    const event = eventAt(anchor.seq);
    if (!event || event.id !== anchor.eventId || event.hash !== anchor.eventHash) {
      at('rewritten', `Event ${anchor.seq} no longer has the hash anchored at ${anchor.anchoredAt}: events up to it were edited and their hashes recomputed.`);
      continue;
    }
    if (!lastAnchor || anchor.seq > lastAnchor.seq) lastAnchor = { seq: anchor.seq, anchoredAt: anchor.anchoredAt };
  }
  return { validAnchors, coveredEvents: lastAnchor?.seq ?? 0, lastAnchor, problems };
}
