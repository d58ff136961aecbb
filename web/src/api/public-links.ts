import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/**
 * The candidate's link (`/api/v1/public/links/{token}`): no account, only their own interview.
 * Times arrive as local ISO strings in the zone asked for with `?tz=` (e.g. `2026-11-26T15:00:00+01:00`).
 */

export type CandidateSession = { name: string; start: string; end: string; with: string[] };
export type CandidateOption = { id: string; start: string; end: string; sessions: CandidateSession[] };
export type CandidateInterview = {
  status: 'pending_approval' | 'confirmed';
  /** The candidate answered "I'll be there". */
  candidateConfirmed: boolean;
  start: string;
  end: string;
  location: string | null;
  sessions: CandidateSession[];
};
export type LinkState = 'choose_time' | 'send_availability' | 'availability_sent' | 'pending_approval' | 'confirmed' | 'waiting' | 'closed';
export type TimeWindow = { start: string; end: string };

export type CandidateLinkPage = {
  organization: string;
  candidateName: string;
  role: string;
  stage: string;
  timeZone: string;
  state: LinkState;
  options: CandidateOption[];
  interview: CandidateInterview | null;
  /** `reason` says why the interview can no longer be moved online (null when it can). */
  reschedule: { allowed: boolean; reason: string | null; cutoffHours: number; remaining: number; options: CandidateOption[] };
  cancel: { allowed: boolean; reason: string | null };
  windows: TimeWindow[] | null;
};

const base = (token: string) => `/api/v1/public/links/${encodeURIComponent(token)}`;
/** The confirmed interview as an iCalendar file with the emailed invite's UID and SEQUENCE. */
export const interviewCalendarUrl = (token: string) => `${base(token)}/interview.ics`;
const linkKey = (token: string) => ['public-link', token] as const;

export function useCandidateLink(token: string, timeZone: string | undefined, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...linkKey(token), timeZone ?? null],
    queryFn: ({ signal }) => api.get<CandidateLinkPage>(`${base(token)}${timeZone ? `?tz=${encodeURIComponent(timeZone)}` : ''}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/**
 * A change through the link. The API answers with the page in the candidate's saved zone, so the
 * page is fetched again in the zone they are looking at before the mutation counts as done; after
 * a refusal too, as the times on offer may have changed.
 */
function useLinkMutation<V>(token: string, mutationFn: (variables: V) => Promise<CandidateLinkPage>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: linkKey(token) }) });
}

export function useBookOption(token: string) {
  return useLinkMutation(token, (optionId: string) => api.post<CandidateLinkPage>(`${base(token)}/book`, { optionId }));
}

export function useRescheduleInterview(token: string) {
  return useLinkMutation(token, (input: { optionId: string; reason?: string }) => api.post<CandidateLinkPage>(`${base(token)}/reschedule`, input));
}

export function useSendAvailability(token: string) {
  return useLinkMutation(token, (windows: TimeWindow[]) => api.post<CandidateLinkPage>(`${base(token)}/availability`, { windows }));
}

/** "I'll be there" from the reminder email (asking again changes nothing). */
export function useConfirmInterview(token: string) {
  return useLinkMutation(token, () => api.post<CandidateLinkPage>(`${base(token)}/confirm`, {}));
}

/** Canceling ends the link (the API answers 404 afterwards): the page stops asking for it. */
export function useCancelInterview(token: string) {
  return useMutation({ mutationFn: (reason: string) => api.post<{ status: 'canceled' }>(`${base(token)}/cancel`, { reason }) });
}
