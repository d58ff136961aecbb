import type { ApiKeyScope, Role } from '../db/schema.js';

/** Who is acting. Every service call and every audit event carries one. */
export type Actor = UserActor | ApiKeyActor | CandidateActor | SystemActor;

export interface UserActor {
  kind: 'user';
  id: string;
  organizationId: string;
  role: Role;
  /** The client a `client_user` belongs to; null for everyone else. */
  clientId: string | null;
  name: string;
  sessionId: string | null;
}

export interface ApiKeyActor {
  kind: 'api_key';
  id: string;
  organizationId: string;
  scope: ApiKeyScope;
  name: string;
}

export interface CandidateActor {
  kind: 'candidate';
  /** The candidate link the candidate used. */
  id: string;
  organizationId: string;
  schedulingRequestId: string;
  name: string;
}

export interface SystemActor {
  kind: 'system';
  organizationId: string;
  name: string;
}

/** What a command needs to know about the request that caused it, for rules and the audit trail. */
export interface RequestContext {
  actor: Actor;
  ip: string | null;
  userAgent: string | null;
  now: Date;
}

export const staffRoles: readonly Role[] = ['admin', 'recruiter', 'coordinator'];

/**
 * The role an actor acts with. API keys act as an admin (admin scope), a coordinator
 * (scheduling scope) or a read-only recruiter (read scope; writes are refused separately).
 */
export function effectiveRole(actor: Actor): Role | 'candidate' | 'system' {
  switch (actor.kind) {
    case 'user':
      return actor.role;
    case 'api_key':
      return actor.scope === 'admin' ? 'admin' : actor.scope === 'scheduling' ? 'coordinator' : 'recruiter';
    default:
      return actor.kind;
  }
}

export function systemContext(organizationId: string, now: Date): RequestContext {
  return { actor: { kind: 'system', organizationId, name: 'Loopwise' }, ip: null, userAgent: null, now };
}
