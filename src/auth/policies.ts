import { Forbidden, NotFound } from '../core/errors.js';
import type { Role } from '../db/schema.js';
import { effectiveRole, type Actor } from './actor.js';

/**
 * Who may do what to which record, in one place (DESIGN §1). Each resource lists, per action,
 * the roles allowed and an optional condition on the record. `read` decides visibility: a record
 * the actor may not read answers 404, a readable record with a refused action answers 403.
 */
export interface OrgRecord {
  organization_id: string;
}

type Condition<R> = (actor: Actor, record: R) => boolean;
type Rule<R> = { roles: readonly Role[]; when?: Condition<R> };
type ResourcePolicy<R> = Record<string, Rule<R>[]>;

const everyone: Role[] = ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'interviewer', 'client_user'];
const staff: Role[] = ['admin', 'recruiter', 'coordinator'];
const admin: Role[] = ['admin'];
const isSelf: Condition<{ id: string }> = (actor, record) => actor.kind === 'user' && actor.id === record.id;
const ownClient: Condition<{ id: string }> = (actor, record) => actor.kind === 'user' && actor.clientId === record.id;

export const policies = {
  organization: {
    read: [{ roles: everyone }],
    update: [{ roles: admin }],
  },
  user: {
    read: [{ roles: [...staff, 'hiring_manager'] }, { roles: everyone, when: isSelf }],
    create: [{ roles: admin }],
    update: [{ roles: admin }],
  },
  client: {
    read: [{ roles: staff }, { roles: ['client_user'], when: ownClient }],
    create: [{ roles: admin }],
    update: [{ roles: admin }],
  },
  apiKey: {
    read: [{ roles: admin }],
    create: [{ roles: admin }],
    revoke: [{ roles: admin }],
  },
  audit: {
    read: [{ roles: staff }],
  },
} satisfies Record<string, ResourcePolicy<never>>;

export type Resource = keyof typeof policies;
export type Action<R extends Resource> = keyof (typeof policies)[R] & string;

const writeActions = new Set(['create', 'update', 'revoke', 'delete']);

/** Whether the actor may perform the action on the record (or on the resource type, without one). */
export function can<R extends Resource>(actor: Actor, action: Action<R>, resource: R, record?: OrgRecord & { id?: string }): boolean {
  if (record && record.organization_id !== actor.organizationId) return false;
  if (actor.kind === 'api_key' && actor.scope === 'read' && writeActions.has(action)) return false;
  const role = effectiveRole(actor);
  if (role === 'candidate' || role === 'system') return false;
  const rules = (policies[resource] as ResourcePolicy<OrgRecord & { id: string }>)[action] ?? [];
  return rules.some((rule) => rule.roles.includes(role) && (!rule.when || (record !== undefined && rule.when(actor, record as OrgRecord & { id: string }))));
}

/** Throws `NotFound` when the actor may not see the record, `Forbidden` when they may see but not act. */
export function authorize<R extends Resource>(actor: Actor, action: Action<R>, resource: R, record?: OrgRecord & { id?: string }): void {
  if (!can(actor, 'read', resource, record)) throw new NotFound(`${label(resource)} not found.`);
  if (action !== 'read' && !can(actor, action, resource, record)) {
    throw new Forbidden(`You are not allowed to ${action} this ${label(resource).toLowerCase()}.`);
  }
}

function label(resource: Resource): string {
  return { organization: 'Organization', user: 'User', client: 'Client', apiKey: 'API key', audit: 'Audit trail' }[resource];
}
