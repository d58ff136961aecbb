import { Forbidden, NotFound } from '../core/errors.js';
import { effectiveRole, type Actor } from './actor.js';
import { accountPolicies } from './policies/accounts.js';
import { calendarPolicies } from './policies/calendars.js';
import { directoryPolicies } from './policies/directory.js';
import { importPolicies } from './policies/imports.js';
import { metricPolicies } from './policies/metrics.js';
import { notificationPolicies } from './policies/notifications.js';
import type { OrgRecord, ResourcePolicy } from './policies/rules.js';
import { schedulingPolicies } from './policies/scheduling.js';

export type { OrgRecord } from './policies/rules.js';

/** A record as policies see it: its organization and whatever fields the conditions read. */
export type PolicyRecord = OrgRecord & { readonly [field: string]: unknown };

/**
 * Who may do what to which record, in one place (DESIGN §1), declared per resource in
 * `policies/*.ts`. `read` decides visibility: a record the actor may not read answers 404, a
 * readable record with a refused action answers 403. Other organizations' records are never readable.
 */
export const policies = { ...accountPolicies, ...directoryPolicies, ...schedulingPolicies, ...notificationPolicies, ...metricPolicies, ...calendarPolicies, ...importPolicies };

export type Resource = keyof typeof policies;
export type Action<R extends Resource> = keyof (typeof policies)[R]['actions'] & string;

const readActions = new Set(['read', 'list']);

/** Whether the actor may perform the action on the record (or on the resource type, without one). */
export function can<R extends Resource>(actor: Actor, action: Action<R>, resource: R, record?: PolicyRecord): boolean {
  if (record && record.organization_id !== actor.organizationId) return false;
  // A read-only API key never changes anything, whatever role it acts with.
  if (actor.kind === 'api_key' && actor.scope === 'read' && !readActions.has(action)) return false;
  const role = effectiveRole(actor);
  if (role === 'candidate' || role === 'system') return false;
  const policy = policies[resource] as ResourcePolicy<object>;
  return (policy.actions[action] ?? []).some(
    (rule) => rule.roles.includes(role) && (!rule.when || (record !== undefined && rule.when(actor, record))),
  );
}

/** Throws `NotFound` when the actor may not see the record, `Forbidden` when they may see but not act. */
export function authorize<R extends Resource>(actor: Actor, action: Action<R>, resource: R, record?: PolicyRecord): void {
  const { label } = policies[resource] as ResourcePolicy;
  if (!can(actor, 'read', resource, record)) throw new NotFound(`${label} not found.`);
  if (action !== 'read' && !can(actor, action, resource, record)) {
    throw new Forbidden(`You are not allowed to ${action.replace(/_/g, ' ')} this ${label.toLowerCase()}.`);
  }
}
