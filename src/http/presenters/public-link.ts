import { z } from 'zod';
import type { CandidatePage } from '../../services/candidate-links.js';
import type { InterviewView } from '../../services/scheduling-context.js';
import type { OptionData, OptionsResult } from '../../services/scheduling-options.js';
import { localIso } from './scheduling.js';

const candidateSession = z.object({ name: z.string(), start: z.string(), end: z.string(), with: z.array(z.string()) });
const candidateOption = z.object({ id: z.string(), start: z.string(), end: z.string(), sessions: z.array(candidateSession) });

/**
 * The candidate's page: only their own interview, times in their zone (or the one they picked),
 * who they meet by name, where and how. Nothing internal: no ids of people, emails, notes,
 * source, load or history.
 */
export const candidatePageSchema = z.object({
  organization: z.string(),
  candidateName: z.string(),
  role: z.string(),
  stage: z.string(),
  timeZone: z.string(),
  state: z.enum(['choose_time', 'send_availability', 'availability_sent', 'pending_approval', 'confirmed', 'waiting', 'closed']),
  options: z.array(candidateOption),
  interview: z
    .object({ status: z.enum(['pending_approval', 'confirmed']), candidateConfirmed: z.boolean(), start: z.string(), end: z.string(), location: z.string().nullable(), sessions: z.array(candidateSession) })
    .nullable(),
  reschedule: z.object({
    allowed: z.boolean(),
    reason: z.string().nullable().describe('why the interview can no longer be moved online (cutoff passed, no reschedules left); null when it can'),
    cutoffHours: z.number().int(),
    remaining: z.number().int(),
    options: z.array(candidateOption),
  }),
  cancel: z.object({ allowed: z.boolean(), reason: z.string().nullable().describe('why canceling online is closed; null when it is open') }),
  windows: z.array(z.object({ start: z.string(), end: z.string() })).nullable(),
});

function presentCandidateOption(option: OptionData, names: OptionsResult['people'] | null, tz: string): z.infer<typeof candidateOption> {
  return {
    id: option.id,
    start: localIso(option.sessions[0]!.start, tz),
    end: localIso(option.sessions[option.sessions.length - 1]!.end, tz),
    sessions: option.sessions.map((s) => ({ name: s.name, start: localIso(s.start, tz), end: localIso(s.end, tz), with: s.interviewerIds.map((id) => names?.get(id)?.name ?? 'Interviewer') })),
  };
}

function presentCandidateInterview(view: InterviewView, tz: string) {
  const status = view.interview.status === 'pending_approval' ? ('pending_approval' as const) : ('confirmed' as const);
  return {
    status,
    candidateConfirmed: view.interview.candidate_confirmed_at !== null,
    start: localIso(view.interview.starts_at, tz),
    end: localIso(view.interview.ends_at, tz),
    location: view.interview.location,
    sessions: view.sessions.map((s) => ({
      name: s.name,
      start: localIso(s.starts_at, tz),
      end: localIso(s.ends_at, tz),
      with: view.assignments.filter((a) => a.sessionId === s.id && a.releasedAt === null).map((a) => a.name),
    })),
  };
}

export function presentCandidatePage(page: CandidatePage, tz?: string): z.infer<typeof candidatePageSchema> {
  const { view, interview } = page;
  const zone = tz ?? view.candidate.time_zone;
  const status = view.request.status;
  let state: z.infer<typeof candidatePageSchema>['state'] = 'closed';
  if (interview && status === 'booked') state = interview.interview.status === 'pending_approval' ? 'pending_approval' : 'confirmed';
  else if (status === 'offered' && view.request.candidate_windows) state = 'availability_sent';
  else if (status === 'offered') state = page.purpose === 'availability' ? 'send_availability' : 'choose_time';
  else if (status === 'ready' || status === 'booked') state = 'waiting';
  const offered = state === 'choose_time' ? (view.request.offered_options ?? []) : [];
  const { cutoffHours, maxByCandidate } = view.rules.reschedule;
  return {
    organization: page.organizationName,
    candidateName: view.candidate.name,
    role: view.requisition.title,
    stage: view.stage.name,
    timeZone: zone,
    state,
    options: offered.map((o) => presentCandidateOption(o, page.names, zone)),
    interview: interview && (state === 'confirmed' || state === 'pending_approval') ? presentCandidateInterview(interview, zone) : null,
    reschedule: {
      allowed: page.rescheduleAllowed,
      reason: page.rescheduleRefusal,
      cutoffHours,
      remaining: Math.max(0, maxByCandidate - view.request.candidate_reschedules),
      options: (page.rescheduleOptions?.options ?? []).map((o) => presentCandidateOption(o, page.rescheduleOptions?.people ?? null, zone)),
    },
    cancel: { allowed: page.cancelRefusal === null, reason: page.cancelRefusal },
    windows: view.request.candidate_windows,
  };
}
