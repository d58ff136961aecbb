/**
 * What leaves the server about candidates, per audience (DESIGN §1):
 * - staff and hiring managers (on their requisitions' candidates): contact details, source,
 *   external id, no-show count, the applications they may see, and internal notes on a single read;
 * - client users: the name, the time zone (so they propose times the candidate can make), and
 *   only the applications submitted to their client, with the stage only when it is client-visible.
 *   Never email, phone, source, external id, notes, or anything of another client.
 * Interviewers get no candidate through this API; their interview brief presents the name.
 */
import { z } from 'zod';
import { effectiveRole, type Actor } from '../../auth/actor.js';
import { stageKinds, type Candidate } from '../../db/schema.js';
import type { ApplicationDetails } from '../../services/applications.js';
import type { CandidateDetails, CandidateNoteView } from '../../services/candidates.js';

const ref = z.object({ id: z.uuid(), name: z.string() });

export const noteSchema = z.object({ id: z.uuid(), body: z.string(), author: ref.nullable(), createdAt: z.iso.datetime() });

const stageRef = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(stageKinds) });

export const applicationSchema = z.object({
  id: z.uuid(),
  candidate: ref,
  requisition: z.object({ id: z.uuid(), title: z.string(), clientId: z.uuid().nullable() }),
  stage: stageRef.nullable(),
  status: z.enum(['active', 'rejected', 'withdrawn', 'hired']),
  submittedToClientAt: z.iso.datetime().nullable(),
  externalId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** An application as its client sees it: the stage only when the client may see that stage. */
export const clientApplicationSchema = z.object({
  id: z.uuid(),
  candidate: ref,
  requisition: z.object({ id: z.uuid(), title: z.string() }),
  stage: stageRef.nullable(),
  status: z.enum(['active', 'rejected', 'withdrawn', 'hired']),
  submittedToClientAt: z.iso.datetime().nullable(),
});

export const anyApplicationSchema = z.union([applicationSchema, clientApplicationSchema]);

export const candidateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  timeZone: z.string(),
  source: z.string().nullable(),
  externalId: z.string().nullable(),
  noShowCount: z.number().int(),
  applications: z.array(applicationSchema).optional(),
  notes: z.array(noteSchema).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const clientCandidateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  applications: z.array(clientApplicationSchema).optional(),
});

export const anyCandidateSchema = z.union([candidateSchema, clientCandidateSchema]);

const isClient = (actor: Actor) => effectiveRole(actor) === 'client_user';

export function presentNote(note: CandidateNoteView): z.infer<typeof noteSchema> {
  return { id: note.id, body: note.body, author: note.author, createdAt: note.createdAt.toISOString() };
}

export function presentApplication(details: ApplicationDetails): z.infer<typeof applicationSchema> {
  const { application, stage } = details;
  return {
    id: application.id,
    candidate: details.candidate,
    requisition: details.requisition,
    stage: stage ? { id: stage.id, name: stage.name, kind: stage.kind } : null,
    status: application.status,
    submittedToClientAt: application.submitted_to_client_at?.toISOString() ?? null,
    externalId: application.external_id,
    createdAt: application.created_at.toISOString(),
    updatedAt: application.updated_at.toISOString(),
  };
}

export function presentClientApplication(details: ApplicationDetails): z.infer<typeof clientApplicationSchema> {
  const { application, stage } = details;
  return {
    id: application.id,
    candidate: details.candidate,
    requisition: { id: details.requisition.id, title: details.requisition.title },
    stage: stage?.clientVisible ? { id: stage.id, name: stage.name, kind: stage.kind } : null,
    status: application.status,
    submittedToClientAt: application.submitted_to_client_at?.toISOString() ?? null,
  };
}

export function presentApplicationFor(actor: Actor): (details: ApplicationDetails) => z.infer<typeof anyApplicationSchema> {
  return isClient(actor) ? presentClientApplication : presentApplication;
}

/** The staff view; `details` adds applications and (when readable) notes. */
export function presentCandidate(candidate: Candidate, details?: Omit<CandidateDetails, 'candidate'>): z.infer<typeof candidateSchema> {
  return {
    id: candidate.id,
    name: candidate.name,
    email: candidate.email,
    phone: candidate.phone,
    timeZone: candidate.time_zone,
    source: candidate.source,
    externalId: candidate.external_id,
    noShowCount: candidate.no_show_count,
    ...(details ? { applications: details.applications.map(presentApplication) } : {}),
    ...(details?.notes ? { notes: details.notes.map(presentNote) } : {}),
    createdAt: candidate.created_at.toISOString(),
    updatedAt: candidate.updated_at.toISOString(),
  };
}

export function presentClientCandidate(candidate: Candidate, details?: Omit<CandidateDetails, 'candidate'>): z.infer<typeof clientCandidateSchema> {
  return {
    id: candidate.id,
    name: candidate.name,
    timeZone: candidate.time_zone,
    ...(details ? { applications: details.applications.map(presentClientApplication) } : {}),
  };
}

/** The candidate presenter for the audience. */
export function presentCandidateFor(actor: Actor, candidate: Candidate, details?: Omit<CandidateDetails, 'candidate'>): z.infer<typeof anyCandidateSchema> {
  return isClient(actor) ? presentClientCandidate(candidate, details) : presentCandidate(candidate, details);
}
