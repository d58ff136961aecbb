import { useQueries } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Candidate, Page, RequestSummary, SchedulingRequest } from '../../../api/workspace/types';

/**
 * The candidate's scheduling requests with their history. The API lists requests by requisition,
 * not by candidate, so this reads each of the candidate's requisitions and keeps theirs.
 */
export function useCandidateRequests(candidate: Candidate): SchedulingRequest[] {
  const requisitionIds = [...new Set((candidate.applications ?? []).map((a) => a.requisition.id))];
  const lists = useQueries({
    queries: requisitionIds.map((id) => ({
      queryKey: ['scheduling-requests', 'list', { requisitionId: id }],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Page<RequestSummary>>(`/api/v1/scheduling-requests?requisitionId=${id}&limit=100`, signal),
    })),
  });
  const ids = lists.flatMap((l) => l.data?.items ?? []).filter((r) => r.candidate.id === candidate.id).map((r) => r.id);
  const details = useQueries({
    queries: ids.map((id) => ({ queryKey: ['scheduling-requests', id], queryFn: ({ signal }: { signal: AbortSignal }) => api.get<SchedulingRequest>(`/api/v1/scheduling-requests/${id}`, signal) })),
  });
  return details.flatMap((d) => (d.data ? [d.data] : []));
}
