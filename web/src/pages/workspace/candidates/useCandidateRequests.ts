import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { requestKeys } from '../../../api/workspace/requests';
import type { Candidate, Page, RequestSummary, SchedulingRequest } from '../../../api/workspace/types';

/** The candidate's scheduling requests (listed by candidate) with their history (each request's detail). */
export function useCandidateRequests(candidate: Candidate): SchedulingRequest[] {
  const list = useQuery({
    queryKey: [...requestKeys.all, 'list', { candidateId: candidate.id }],
    queryFn: ({ signal }) => api.get<Page<RequestSummary>>(`/api/v1/scheduling-requests?candidateId=${candidate.id}&limit=100`, signal),
  });
  const details = useQueries({
    queries: (list.data?.items ?? []).map((r) => ({
      queryKey: requestKeys.one(r.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<SchedulingRequest>(`/api/v1/scheduling-requests/${r.id}`, signal),
    })),
  });
  return details.flatMap((d) => (d.data ? [d.data] : []));
}
