/**
 * Requisitions, stages, candidates, applications, pools and interviewer profiles (DESIGN §1).
 *
 * Each resource declares its rules and, beside them, the SQL scope its lists use, so a list never
 * shows a record that a read of that record would refuse:
 * - staff (admin, recruiter, coordinator) see everything of the organization;
 * - a hiring manager sees the requisitions they manage, their stages and applications, and the
 *   candidates of those applications with their internal notes;
 * - a client user sees their one client's requisitions, only the client-visible stages, and only
 *   applications (and candidates) submitted to that client; never notes;
 * - an interviewer sees none of these, only their own profile.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Role } from '../../db/schema.js';
import { effectiveRole, type Actor } from '../actor.js';
import { adminOnly, definePolicy, staff, type Condition } from './rules.js';

export type RequisitionRecord = {
  client_id: string | null;
  hiring_manager_id: string | null;
};

/** A stage with the fields of its requisition that decide who sees it. */
export type StageRecord = RequisitionRecord & {
  client_visible: boolean;
};

/** An application with its requisition's client and hiring manager. */
export type ApplicationRecord = RequisitionRecord & {
  submitted_to_client_at: Date | null;
};

/** A candidate with who reaches them through their applications. */
export type CandidateRecord = {
  /** Hiring managers of the requisitions the candidate applied to. */
  hiring_manager_ids: readonly string[];
  /** Clients the candidate was submitted to. */
  submitted_client_ids: readonly string[];
};

/** The user whose working hours, overrides and blocks these are. */
export type ProfileRecord = {
  id: string;
  role: Role;
};

const withHm: Role[] = [...staff, 'hiring_manager'];
const selfServiceRoles: Role[] = ['interviewer', 'hiring_manager'];

const managesRequisition: Condition<RequisitionRecord> = (actor, record) => actor.kind === 'user' && record.hiring_manager_id === actor.id;
const clientsRequisition: Condition<RequisitionRecord> = (actor, record) =>
  actor.kind === 'user' && actor.clientId !== null && record.client_id === actor.clientId;
const clientVisibleStage: Condition<StageRecord> = (actor, record) => record.client_visible && clientsRequisition(actor, record);
const submittedToClient: Condition<ApplicationRecord> = (actor, record) => record.submitted_to_client_at !== null && clientsRequisition(actor, record);
const managesCandidate: Condition<CandidateRecord> = (actor, record) => actor.kind === 'user' && record.hiring_manager_ids.includes(actor.id);
const submittedCandidate: Condition<CandidateRecord> = (actor, record) =>
  actor.kind === 'user' && actor.clientId !== null && record.submitted_client_ids.includes(actor.clientId);
const isSelf: Condition<ProfileRecord> = (actor, record) => actor.kind === 'user' && actor.id === record.id;

export const directoryPolicies = {
  requisition: definePolicy<RequisitionRecord>({
    label: 'Requisition',
    actions: {
      list: [{ roles: [...withHm, 'client_user'] }],
      read: [{ roles: staff }, { roles: ['hiring_manager'], when: managesRequisition }, { roles: ['client_user'], when: clientsRequisition }],
      create: [{ roles: staff }],
      update: [{ roles: staff }],
    },
  }),
  stage: definePolicy<StageRecord>({
    label: 'Stage',
    actions: {
      read: [{ roles: staff }, { roles: ['hiring_manager'], when: managesRequisition }, { roles: ['client_user'], when: clientVisibleStage }],
      /** Add, change, remove and reorder the stages of a requisition. */
      manage: [{ roles: staff }],
    },
  }),
  candidate: definePolicy<CandidateRecord>({
    label: 'Candidate',
    actions: {
      list: [{ roles: [...withHm, 'client_user'] }],
      read: [{ roles: staff }, { roles: ['hiring_manager'], when: managesCandidate }, { roles: ['client_user'], when: submittedCandidate }],
      create: [{ roles: staff }],
      update: [{ roles: staff }],
      /** Contact details, source and external id: everything beyond the name. */
      read_private: [{ roles: staff }, { roles: ['hiring_manager'], when: managesCandidate }],
      read_notes: [{ roles: staff }, { roles: ['hiring_manager'], when: managesCandidate }],
      add_note: [{ roles: staff }, { roles: ['hiring_manager'], when: managesCandidate }],
    },
  }),
  application: definePolicy<ApplicationRecord>({
    label: 'Application',
    actions: {
      list: [{ roles: [...withHm, 'client_user'] }],
      read: [{ roles: staff }, { roles: ['hiring_manager'], when: managesRequisition }, { roles: ['client_user'], when: submittedToClient }],
      create: [{ roles: staff }],
      /** Advance, reject, withdraw and submit to the client. */
      move: [{ roles: staff }],
    },
  }),
  pool: definePolicy({
    label: 'Pool',
    actions: {
      list: [{ roles: staff }],
      read: [{ roles: staff }],
      create: [{ roles: adminOnly }],
      update: [{ roles: adminOnly }],
      delete: [{ roles: adminOnly }],
    },
  }),
  interviewerProfile: definePolicy<ProfileRecord>({
    label: 'Interviewer profile',
    actions: {
      read: [{ roles: staff }, { roles: selfServiceRoles, when: isSelf }],
      /** Weekly hours, limits, overrides and blocks. */
      update_availability: [{ roles: staff }, { roles: selfServiceRoles, when: isSelf }],
      /** Tags decide pool membership, so only staff change them. */
      update_tags: [{ roles: staff }],
    },
  }),
};

type Scope<T extends keyof Database> = (eb: ExpressionBuilder<Database, T>) => Expression<SqlBool>;

const nothing = sql<boolean>`false`;

/** Who a scope is for: everything for staff, a narrower set for hiring managers and client users. */
function audience(actor: Actor): { kind: 'staff' } | { kind: 'hiring_manager'; userId: string } | { kind: 'client'; clientId: string } | { kind: 'none' } {
  const role = effectiveRole(actor);
  if (role === 'admin' || role === 'recruiter' || role === 'coordinator') return { kind: 'staff' };
  if (actor.kind !== 'user') return { kind: 'none' };
  if (role === 'hiring_manager') return { kind: 'hiring_manager', userId: actor.id };
  if (role === 'client_user' && actor.clientId) return { kind: 'client', clientId: actor.clientId };
  return { kind: 'none' };
}

/** The requisitions the actor may read (the `requisition.read` rules as SQL). */
export function requisitionScope(actor: Actor): Scope<'requisitions'> {
  const who = audience(actor);
  return (eb) => {
    const inOrg = eb('requisitions.organization_id', '=', actor.organizationId);
    switch (who.kind) {
      case 'staff':
        return inOrg;
      case 'hiring_manager':
        return eb.and([inOrg, eb('requisitions.hiring_manager_id', '=', who.userId)]);
      case 'client':
        return eb.and([inOrg, eb('requisitions.client_id', '=', who.clientId)]);
      default:
        return nothing;
    }
  };
}

/** The stages the actor may read (the `stage.read` rules as SQL). */
export function stageScope(actor: Actor): Scope<'stages'> {
  const who = audience(actor);
  const requisitions = requisitionScope(actor);
  return (eb) => {
    if (who.kind === 'none') return nothing;
    const ofVisibleRequisition = eb.exists(
      eb.selectFrom('requisitions').select(sql`1`.as('one')).whereRef('requisitions.id', '=', 'stages.requisition_id').where(requisitions),
    );
    const inOrg = eb('stages.organization_id', '=', actor.organizationId);
    if (who.kind !== 'client') return eb.and([inOrg, ofVisibleRequisition]);
    return eb.and([inOrg, ofVisibleRequisition, sql<boolean>`coalesce((stages.rules->>'clientVisible')::boolean, false)`]);
  };
}

/** The applications the actor may read (the `application.read` rules as SQL). */
export function applicationScope(actor: Actor): Scope<'applications'> {
  const who = audience(actor);
  const requisitions = requisitionScope(actor);
  return (eb) => {
    if (who.kind === 'none') return nothing;
    const inOrg = eb('applications.organization_id', '=', actor.organizationId);
    if (who.kind === 'staff') return inOrg;
    const ofVisibleRequisition = eb.exists(
      eb.selectFrom('requisitions').select(sql`1`.as('one')).whereRef('requisitions.id', '=', 'applications.requisition_id').where(requisitions),
    );
    if (who.kind === 'hiring_manager') return eb.and([inOrg, ofVisibleRequisition]);
    return eb.and([inOrg, ofVisibleRequisition, eb('applications.submitted_to_client_at', 'is not', null)]);
  };
}

/** The candidates the actor may read: staff all, others through an application they may read. */
export function candidateScope(actor: Actor): Scope<'candidates'> {
  const who = audience(actor);
  const applications = applicationScope(actor);
  return (eb) => {
    if (who.kind === 'none') return nothing;
    const inOrg = eb('candidates.organization_id', '=', actor.organizationId);
    if (who.kind === 'staff') return inOrg;
    const viaApplication = eb.exists(
      eb.selectFrom('applications').select(sql`1`.as('one')).whereRef('applications.candidate_id', '=', 'candidates.id').where(applications),
    );
    return eb.and([inOrg, viaApplication]);
  };
}

/** Pools are staff-only: everything of the organization for staff, nothing for anyone else. */
export function poolScope(actor: Actor): Scope<'pools'> {
  const who = audience(actor);
  return (eb) => (who.kind === 'staff' ? eb('pools.organization_id', '=', actor.organizationId) : nothing);
}
