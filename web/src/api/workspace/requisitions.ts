import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { qs } from './query';
import type { Page, Requisition, RequisitionStatus, Stage, StageKind, StageRules } from './types';

export type RequisitionFilter = { status?: RequisitionStatus; clientId?: string; q?: string; cursor?: string };

export function useRequisitions(filter: RequisitionFilter) {
  return useQuery({
    queryKey: ['requisitions', 'list', filter],
    queryFn: ({ signal }) => api.get<Page<Requisition>>(`/api/v1/requisitions${qs({ ...filter, limit: 50 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRequisition(id: string) {
  return useQuery({ queryKey: ['requisitions', id], queryFn: ({ signal }) => api.get<Requisition>(`/api/v1/requisitions/${id}`, signal) });
}

export type StageChanges = { name?: string; kind?: StageKind; rules?: StageRules };

export function useUpdateStage(requisitionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stageId, changes }: { stageId: string; changes: StageChanges }) => api.patch<Stage>(`/api/v1/requisitions/${requisitionId}/stages/${stageId}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['requisitions', requisitionId] }),
  });
}

export function useUpdateRequisition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: { status?: RequisitionStatus; title?: string }) => api.patch<Requisition>(`/api/v1/requisitions/${id}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['requisitions'] }),
  });
}
