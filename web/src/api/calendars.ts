import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** Connected calendars (own, and all of the organization for admins) and the private ICS feed. */

export type CalendarConnection = {
  id: string;
  provider: 'caldav' | 'google' | 'microsoft';
  serverUrl: string;
  calendarUrl: string;
  calendarName: string | null;
  username: string;
  status: 'active' | 'error';
  stale: boolean;
  lastSyncedAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
};

export type OrganizationConnection = CalendarConnection & { user: { id: string; name: string; email: string } };
export type CalendarFeed = { active: boolean; createdAt: string | null; lastUsedAt: string | null };
export type ConnectInput = { serverUrl: string; calendarUrl?: string | null; username: string; password: string };

const keys = {
  own: ['calendar-connections'] as const,
  organization: ['calendar-connections', 'organization'] as const,
  feed: ['calendar-feed'] as const,
};

export function useMyConnections() {
  return useQuery({ queryKey: keys.own, queryFn: ({ signal }) => api.get<{ items: CalendarConnection[] }>('/api/v1/calendar-connections', signal) });
}

export function useOrganizationConnections() {
  return useQuery({ queryKey: keys.organization, queryFn: ({ signal }) => api.get<{ items: OrganizationConnection[] }>('/api/v1/calendar-connections/organization', signal) });
}

export function useConnectCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConnectInput) => api.post<CalendarConnection>('/api/v1/calendar-connections', { ...input, provider: 'caldav' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.own }),
  });
}

export function useSyncCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<CalendarConnection>(`/api/v1/calendar-connections/${id}/sync`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.own }),
  });
}

export function useDisconnectCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/v1/calendar-connections/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.own }),
  });
}

export function useCalendarFeed() {
  return useQuery({ queryKey: keys.feed, queryFn: ({ signal }) => api.get<CalendarFeed>('/api/v1/calendar-feed', signal) });
}

export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ feed: CalendarFeed; url: string }>('/api/v1/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.feed }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<null>('/api/v1/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.feed }),
  });
}
