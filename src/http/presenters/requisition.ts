import { z } from 'zod';
import type { Actor } from '../../auth/actor.js';
import { effectiveRole } from '../../auth/actor.js';
import { stageKinds, type Stage } from '../../db/schema.js';
import type { RequisitionDetails } from '../../services/requisitions.js';
import type { StageRules } from '../../services/stage-rules.js';

const ref = z.object({ id: z.uuid(), name: z.string() });

/** A stage as staff and hiring managers see it: every rule. */
export const stageSchema = z.object({
  id: z.uuid(),
  requisitionId: z.uuid(),
  position: z.number().int(),
  key: z.string(),
  name: z.string(),
  kind: z.enum(stageKinds),
  rules: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A client-visible stage as a client user sees it: no interviewers, pools or internal rules. */
export const clientStageSchema = z.object({
  id: z.uuid(),
  requisitionId: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  kind: z.enum(stageKinds),
  sessions: z.array(z.object({ name: z.string(), durationMinutes: z.number().int() })),
  clientApprovalRequired: z.boolean(),
  location: z.string().nullable(),
});

export const anyStageSchema = z.union([stageSchema, clientStageSchema]);

export const requisitionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(['open', 'on_hold', 'closed']),
  client: ref.nullable(),
  hiringManager: ref.nullable(),
  recruiter: ref.nullable(),
  coordinators: z.array(ref),
  externalId: z.string().nullable(),
  stages: z.array(stageSchema).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** A requisition as its client's portal users see it: their recruiter as contact, client-visible stages. */
export const clientRequisitionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(['open', 'on_hold', 'closed']),
  client: ref.nullable(),
  recruiter: ref.nullable(),
  stages: z.array(clientStageSchema).optional(),
  createdAt: z.iso.datetime(),
});

export const anyRequisitionSchema = z.union([requisitionSchema, clientRequisitionSchema]);

export function presentStage(stage: Stage): z.infer<typeof stageSchema> {
  return {
    id: stage.id,
    requisitionId: stage.requisition_id,
    position: stage.position,
    key: stage.key,
    name: stage.name,
    kind: stage.kind,
    rules: stage.rules as Record<string, unknown>,
    createdAt: stage.created_at.toISOString(),
    updatedAt: stage.updated_at.toISOString(),
  };
}

export function presentClientStage(stage: Stage): z.infer<typeof clientStageSchema> {
  const rules = stage.rules as StageRules;
  return {
    id: stage.id,
    requisitionId: stage.requisition_id,
    position: stage.position,
    name: stage.name,
    kind: stage.kind,
    sessions: rules.sessions.map((session) => ({ name: session.name, durationMinutes: session.durationMinutes })),
    clientApprovalRequired: rules.clientApprovalRequired,
    location: rules.location,
  };
}

const isClient = (actor: Actor) => effectiveRole(actor) === 'client_user';

/** The stage presenter for the audience. */
export function presentStageFor(actor: Actor): (stage: Stage) => z.infer<typeof anyStageSchema> {
  return isClient(actor) ? presentClientStage : presentStage;
}

export function presentRequisition(details: RequisitionDetails, withStages: boolean): z.infer<typeof requisitionSchema> {
  const { requisition } = details;
  return {
    id: requisition.id,
    title: requisition.title,
    status: requisition.status,
    client: details.client,
    hiringManager: details.hiringManager,
    recruiter: details.recruiter,
    coordinators: details.coordinators,
    externalId: requisition.external_id,
    ...(withStages ? { stages: details.stages.map(presentStage) } : {}),
    createdAt: requisition.created_at.toISOString(),
    updatedAt: requisition.updated_at.toISOString(),
  };
}

export function presentClientRequisition(details: RequisitionDetails, withStages: boolean): z.infer<typeof clientRequisitionSchema> {
  const { requisition } = details;
  return {
    id: requisition.id,
    title: requisition.title,
    status: requisition.status,
    client: details.client,
    recruiter: details.recruiter,
    ...(withStages ? { stages: details.stages.map(presentClientStage) } : {}),
    createdAt: requisition.created_at.toISOString(),
  };
}

/** The requisition presenter for the audience: client users get the client view. */
export function presentRequisitionFor(actor: Actor, details: RequisitionDetails, withStages = true): z.infer<typeof anyRequisitionSchema> {
  return isClient(actor) ? presentClientRequisition(details, withStages) : presentRequisition(details, withStages);
}
