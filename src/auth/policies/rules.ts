import type { Role } from '../../db/schema.js';
import type { Actor } from '../actor.js';

/** Any record that belongs to an organization. */
export interface OrgRecord {
  organization_id: string;
}

export type Condition<R> = (actor: Actor, record: R) => boolean;
/** Roles allowed, and optionally a condition on the record that must also hold. */
export type Rule<R> = { roles: readonly Role[]; when?: Condition<R> };

/** One resource: its name in messages, and per action the rules that allow it. `read` decides visibility. */
export interface ResourcePolicy<R = never> {
  label: string;
  actions: Record<string, Rule<R>[]>;
}

export const everyone: Role[] = ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'interviewer', 'client_user'];
export const staff: Role[] = ['admin', 'recruiter', 'coordinator'];
export const adminOnly: Role[] = ['admin'];

/** Typed helper so each policy file keeps its record type while the registry stays uniform. */
export function definePolicy<R>(policy: ResourcePolicy<R>): ResourcePolicy<R> {
  return policy;
}
