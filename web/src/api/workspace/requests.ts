import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { qs } from './query';
import type { Interview, OptionsResult, Page, RequestStatus, RequestSummary, SchedulingRequest, WaitingOn } from './types';

/** Scheduling requests: the queue, one request with its history, solver options, offer and book. */

export const requestKeys = {
  all: ['scheduling-requests'] as const,
  one: (id: string) => ['scheduling-requests', id] as const,
  options: (id: string) => ['scheduling-requests', id, 'options'] as const,
};

export type QueueFilter = { status?: RequestStatus; waitingOn?: WaitingOn; requisitionId?: string; mine?: boolean; cursor?: string };

export function useRequests(filter: QueueFilter) {
  return useQuery({
    queryKey: [...requestKeys.all, 'list', filter],
    queryFn: ({ signal }) => api.get<Page<RequestSummary>>(`/api/v1/scheduling-requests${qs({ ...filter, limit: 100 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRequest(id: string) {
  return useQuery({ queryKey: requestKeys.one(id), queryFn: ({ signal }) => api.get<SchedulingRequest>(`/api/v1/scheduling-requests/${id}`, signal) });
}

export function useRequestOptions(id: string, enabled: boolean, count?: number) {
  return useQuery({
    queryKey: [...requestKeys.options(id), count ?? null],
    queryFn: ({ signal }) => api.get<OptionsResult>(`/api/v1/scheduling-requests/${id}/options${qs({ count })}`, signal),
    enabled,
    retry: false,
  });
}

function useRequestMutation<V, R>(id: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: requestKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['interviews'] });
    },
  });
}

export function useOfferRequest(id: string) {
  return useRequestMutation(id, (optionsCount: number | undefined) =>
    api.post<SchedulingRequest & { linkExpiresAt: string }>(`/api/v1/scheduling-requests/${id}/offer`, optionsCount ? { optionsCount } : {}),
  );
}

export type BookInput = { optionId: string; override?: { reason: string } };

export function useBookRequest(id: string) {
  return useRequestMutation(id, (input: BookInput) => api.post<Interview>(`/api/v1/scheduling-requests/${id}/book`, input));
}

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { applicationId: string; stageId: string }) => api.post<SchedulingRequest>('/api/v1/scheduling-requests', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestKeys.all }),
  });
}
