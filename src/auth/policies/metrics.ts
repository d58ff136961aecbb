import { sql, type RawBuilder } from 'kysely';
import type { Role } from '../../db/schema.js';
import { effectiveRole, type Actor } from '../actor.js';
import { definePolicy, staff } from './rules.js';

const viewers: Role[] = [...staff, 'hiring_manager', 'client_user'];

/**
 * Dashboards (DESIGN §6). Admins, recruiters and coordinators see the whole organization; hiring
 * managers their own requisitions; client users their one client's requisitions. Interviewers
 * have no pipeline to measure. Cuts that name internal people (coordinator, interviewer, team)
 * or show candidate source are internal: client users cannot use them.
 */
export const metricPolicies = {
  metric: definePolicy({
    label: 'Metric',
    actions: {
      read: [{ roles: viewers }],
      internal_cuts: [{ roles: [...staff, 'hiring_manager'] }],
    },
  }),
};

/**
 * The list filter that matches the policy: which scheduling requests an actor's metrics count,
 * over the aliases `q` (requisitions), `s` (stages) and `a` (applications). A client user counts
 * only client-visible stages of candidates submitted to their client, as in the portal.
 */
export function metricScope(actor: Actor): RawBuilder<boolean> {
  const role = effectiveRole(actor);
  if (role === 'admin' || role === 'recruiter' || role === 'coordinator') return sql<boolean>`true`;
  if (actor.kind !== 'user') return sql<boolean>`false`;
  if (role === 'hiring_manager') return sql<boolean>`q.hiring_manager_id = ${actor.id}`;
  if (role === 'client_user' && actor.clientId) {
    return sql<boolean>`(q.client_id = ${actor.clientId} and a.submitted_to_client_at is not null and coalesce((s.rules->>'clientVisible')::boolean, false))`;
  }
  return sql<boolean>`false`;
}

/** The requisitions (alias `q`) whose metrics an actor may ask for by id. */
export function metricRequisitionScope(actor: Actor): RawBuilder<boolean> {
  const role = effectiveRole(actor);
  if (role === 'admin' || role === 'recruiter' || role === 'coordinator') return sql<boolean>`true`;
  if (actor.kind !== 'user') return sql<boolean>`false`;
  if (role === 'hiring_manager') return sql<boolean>`q.hiring_manager_id = ${actor.id}`;
  if (role === 'client_user' && actor.clientId) return sql<boolean>`q.client_id = ${actor.clientId}`;
  return sql<boolean>`false`;
}
