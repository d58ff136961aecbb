import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { qs } from './query';
import type { Interview, InterviewStatus } from './types';

export type InterviewFilter = { from?: string; to?: string; personId?: string; clientId?: string; status?: InterviewStatus };

/** Interviews in a range, by person or client, as far as the signed-in user may see them. */
export function useInterviews(filter: InterviewFilter, enabled = true) {
  return useQuery({
    queryKey: ['interviews', 'list', filter],
    queryFn: ({ signal }) => api.get<{ items: Interview[] }>(`/api/v1/interviews${qs({ ...filter, limit: 100 })}`, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInterview(id: string | null) {
  return useQuery({
    queryKey: ['interviews', id],
    queryFn: ({ signal }) => api.get<Interview>(`/api/v1/interviews/${id ?? ''}`, signal),
    enabled: id !== null,
  });
}

export type Outcome = 'completed' | 'candidate_no_show' | 'interviewer_no_show';

export function useInterviewAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'cancel' | 'outcome' | 'decline-assignment'; body: Record<string, unknown> }) =>
      api.post<unknown>(`/api/v1/interviews/${id}/${action}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['interviews'] });
      void queryClient.invalidateQueries({ queryKey: ['scheduling-requests'] });
    },
  });
}
