import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { qs } from './query';
import type { Interview, InterviewStatus } from './types';

export type InterviewFilter = { from?: string; to?: string; personId?: string; poolId?: string; clientId?: string; status?: InterviewStatus };

/** Pages read for one list at most (5,000 interviews): a week or a person's upcoming interviews fit easily. */
const MAX_PAGES = 50;

/** Interviews in a range, by person, pool or client, as far as the signed-in user may see them: every page, by start time. */
export function useInterviews(filter: InterviewFilter, enabled = true) {
  return useQuery({
    queryKey: ['interviews', 'list', filter],
    queryFn: async ({ signal }) => {
      const items: Interview[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const next = await api.get<{ items: Interview[]; nextCursor: string | null }>(`/api/v1/interviews${qs({ ...filter, limit: 100, cursor })}`, signal);
        items.push(...next.items);
        if (!next.nextCursor) break;
        cursor = next.nextCursor;
      }
      return { items };
    },
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
