import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { qs } from './query';
import type { Application, AuditEvent, Candidate, Note, Page } from './types';

export function useCandidates(filter: { q?: string; requisitionId?: string; cursor?: string }) {
  return useQuery({
    queryKey: ['candidates', 'list', filter],
    queryFn: ({ signal }) => api.get<Page<Candidate>>(`/api/v1/candidates${qs({ ...filter, limit: 50 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** One candidate; the server records the read as a view of personal data. */
export function useCandidate(id: string) {
  return useQuery({ queryKey: ['candidates', id], queryFn: ({ signal }) => api.get<Candidate>(`/api/v1/candidates/${id}`, signal) });
}

export function useAddNote(candidateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<Note>(`/api/v1/candidates/${candidateId}/notes`, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['candidates', candidateId] }),
  });
}

export type ApplicationAction = { action: 'advance'; stageId?: string } | { action: 'reject' | 'withdraw'; reason: string } | { action: 'submit-to-client' };

export function useApplicationAction(candidateId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: ApplicationAction }) => {
      const { action, ...body } = change;
      return api.post<Application>(`/api/v1/applications/${id}/${action}`, action === 'submit-to-client' ? undefined : body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['candidates', candidateId] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** The audit trail of one entity, newest first (admins, recruiters, coordinators). */
export function useAudit(entityType: string, entityId: string, enabled = true) {
  return useQuery({
    queryKey: ['audit', entityType, entityId],
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>(`/api/v1/audit${qs({ entityType, entityId, limit: 100 })}`, signal),
    enabled,
    retry: false,
  });
}
