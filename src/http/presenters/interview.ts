import { z } from 'zod';
import type { Actor } from '../../auth/actor.js';
import { stageKinds } from '../../db/schema.js';
import type { InterviewView } from '../../services/scheduling-context.js';
import { isUnconfirmedSoon, localIso } from './scheduling.js';

const interviewStatuses = ['pending_approval', 'confirmed', 'canceled', 'completed', 'no_show'] as const;

const sessionSchema = z.object({
  name: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  interviewers: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

/**
 * One schema, three audiences: staff and hiring managers get everything; interviewers the brief
 * (candidate name, stage, role, where); client users what they approve. Fields marked optional
 * are simply absent for audiences that may not see them.
 */
export const interviewSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  status: z.enum(interviewStatuses),
  approval: z.enum(['pending', 'approved', 'declined']).nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  candidateLocalStart: z.string(),
  location: z.string().nullable(),
  sequence: z.number().int(),
  candidate: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string(), noShowCount: z.number().int().optional() }),
  stage: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(stageKinds) }),
  requisition: z.object({ id: z.uuid(), title: z.string(), clientId: z.uuid().nullable() }),
  sessions: z.array(sessionSchema),
  rescheduleCount: z.number().int().optional(),
  approvalReason: z.string().nullable().optional(),
  clientProposedWindows: z.array(z.object({ start: z.string(), end: z.string() })).nullable().optional(),
  outcome: z.enum(['completed', 'candidate_no_show', 'interviewer_no_show']).nullable().optional(),
  canceledAt: z.iso.datetime().nullable().optional(),
  cancelReason: z.string().nullable().optional(),
  declinedBy: z.array(z.object({ id: z.uuid(), name: z.string() })).optional(),
  candidateConfirmedAt: z.iso.datetime().nullable().optional().describe('when the candidate answered "I\'ll be there"'),
  unconfirmedSoon: z.boolean().optional().describe('confirmed, starting within 24 hours, and the candidate has not confirmed'),
});


export type InterviewDto = z.infer<typeof interviewSchema>;

type Audience = 'staff' | 'interviewer' | 'client';

function audienceOf(actor: Actor, view: InterviewView): Audience {
  if (actor.kind !== 'user') return 'staff';
  if (actor.role === 'client_user') return 'client';
  if (actor.role === 'interviewer') return 'interviewer';
  if (actor.role === 'hiring_manager' && view.requisition.hiring_manager_id !== actor.id) return 'interviewer';
  return 'staff';
}

export function presentInterview(view: InterviewView, actor: Actor, now: Date): InterviewDto {
  const { interview, candidate, stage, requisition } = view;
  const audience = audienceOf(actor, view);
  const base: InterviewDto = {
    id: interview.id,
    requestId: interview.request_id,
    status: interview.status,
    approval: interview.approval,
    startsAt: interview.starts_at.toISOString(),
    endsAt: interview.ends_at.toISOString(),
    candidateLocalStart: localIso(interview.starts_at, candidate.time_zone),
    location: interview.location,
    sequence: interview.sequence,
    candidate: { id: candidate.id, name: candidate.name, timeZone: candidate.time_zone },
    stage: { id: stage.id, name: stage.name, kind: stage.kind },
    requisition: { id: requisition.id, title: requisition.title, clientId: requisition.client_id },
    sessions: view.sessions.map((s) => ({
      name: s.name,
      start: s.starts_at.toISOString(),
      end: s.ends_at.toISOString(),
      interviewers: view.assignments.filter((a) => a.sessionId === s.id && a.releasedAt === null).map((a) => ({ id: a.interviewerId, name: a.name })),
    })),
  };
  if (audience === 'interviewer') return base;
  const forClient = {
    ...base,
    approvalReason: interview.approval_reason,
    clientProposedWindows: interview.client_proposed_windows,
    canceledAt: interview.canceled_at?.toISOString() ?? null,
  };
  if (audience === 'client') return forClient;
  return {
    ...forClient,
    candidate: { ...base.candidate, noShowCount: candidate.no_show_count },
    rescheduleCount: interview.reschedule_count,
    outcome: interview.outcome,
    cancelReason: interview.cancel_reason,
    declinedBy: view.assignments.filter((a) => a.declinedAt !== null).map((a) => ({ id: a.interviewerId, name: a.name })),
    candidateConfirmedAt: interview.candidate_confirmed_at?.toISOString() ?? null,
    unconfirmedSoon: isUnconfirmedSoon(interview, now),
  };
}
