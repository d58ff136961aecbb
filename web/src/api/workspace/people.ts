import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DirectoryUser } from '../admin';
import { api } from '../client';
import type { Role } from '../session';
import { qs } from './query';
import type { Block, LocalRange, Override, Page, Pool, Profile, WeeklyHours } from './types';

/** Pools, people, and interviewer profiles (working hours, limits, tags, overrides, blocks). */

export function usePools(enabled = true) {
  return useQuery({ queryKey: ['pools'], queryFn: ({ signal }) => api.get<{ items: Pool[] }>('/api/v1/pools', signal), enabled });
}

export function usePeople(role?: Role, enabled = true) {
  return useQuery({
    queryKey: ['users', 'people', role ?? 'all'],
    queryFn: ({ signal }) => api.get<Page<DirectoryUser>>(`/api/v1/users${qs({ role, active: true, limit: 100 })}`, signal),
    enabled,
  });
}

export function usePoolMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { kind: 'add' | 'remove'; poolId: string; userId: string } | { kind: 'create'; name: string; requiredTag: string | null }) => {
      if (change.kind === 'create') return api.post<Pool>('/api/v1/pools', { name: change.name, requiredTag: change.requiredTag });
      if (change.kind === 'add') return api.post<Pool>(`/api/v1/pools/${change.poolId}/members`, { userId: change.userId });
      return api.delete<Pool>(`/api/v1/pools/${change.poolId}/members/${change.userId}`);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pools'] }),
  });
}

const profileKey = (userId: string) => ['profiles', userId] as const;

export function useProfile(userId: string | null) {
  return useQuery({
    queryKey: profileKey(userId ?? ''),
    queryFn: ({ signal }) => api.get<Profile>(`/api/v1/users/${userId ?? ''}/working-hours`, signal),
    enabled: userId !== null,
  });
}

export type ProfileInput = { weeklyHours: WeeklyHours; maxInterviewsPerDay: number | null; maxInterviewsPerWeek: number | null; tags?: string[] };

export function useSaveProfile(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) => api.put<Profile>(`/api/v1/users/${userId}/working-hours`, input),
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKey(userId), profile);
      void queryClient.invalidateQueries({ queryKey: ['pools'] });
    },
  });
}

export function useOverrides(userId: string) {
  return useQuery({ queryKey: [...profileKey(userId), 'overrides'], queryFn: ({ signal }) => api.get<{ items: Override[] }>(`/api/v1/users/${userId}/overrides`, signal) });
}

export function useBlocks(userId: string) {
  return useQuery({ queryKey: [...profileKey(userId), 'blocks'], queryFn: ({ signal }) => api.get<{ items: Block[] }>(`/api/v1/users/${userId}/blocks`, signal) });
}

export type NewOverride = { date: string; kind: Override['kind']; hours?: LocalRange[] };
export type NewBlock = { startsAt: string; endsAt: string; reason: string | null };

export function useAvailabilityMutation(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { kind: 'addOverride'; input: NewOverride } | { kind: 'addBlock'; input: NewBlock } | { kind: 'deleteOverride' | 'deleteBlock'; id: string }) => {
      const base = `/api/v1/users/${userId}`;
      switch (change.kind) {
        case 'addOverride':
          return api.post<unknown>(`${base}/overrides`, change.input);
        case 'addBlock':
          return api.post<unknown>(`${base}/blocks`, change.input);
        case 'deleteOverride':
          return api.delete<unknown>(`${base}/overrides/${change.id}`);
        case 'deleteBlock':
          return api.delete<unknown>(`${base}/blocks/${change.id}`);
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKey(userId) }),
  });
}
