import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { meQuery, type Role, type SessionUser } from './session';

/** Admin API: organization settings, users and invites, clients; and the emailed-link flows. */

export type Organization = { id: string; name: string; defaultTimeZone: string; createdAt: string };

export type DirectoryUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  active: boolean;
  clientId: string | null;
  lastLoginAt: string | null;
  createdAt: string;
  invitePending: boolean;
};

export type Client = {
  id: string;
  name: string;
  externalId: string | null;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

export type UserFilter = { role?: Role; active?: boolean; q?: string; cursor?: string };
export type ClientFilter = { archived?: boolean; q?: string; cursor?: string };
export type Invitation = { email: string; name: string; role: Role; timeZone: string; clientId?: string | null };
export type UserChanges = Partial<Pick<DirectoryUser, 'name' | 'role' | 'timeZone' | 'active' | 'clientId'>>;
export type ClientChanges = { name?: string; externalId?: string | null; archived?: boolean };

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const keys = {
  organization: ['organization'] as const,
  users: ['users'] as const,
  clients: ['clients'] as const,
};

export const organizationQuery = queryOptions({
  queryKey: keys.organization,
  queryFn: ({ signal }) => api.get<Organization>('/api/v1/organization', signal),
});

export function useOrganization() {
  return useQuery(organizationQuery);
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: { name?: string; defaultTimeZone?: string }) => api.patch<Organization>('/api/v1/organization', changes),
    onSuccess: (organization) => {
      queryClient.setQueryData(keys.organization, organization);
      void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    },
  });
}

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: [...keys.users, 'list', filter],
    queryFn: ({ signal }) => api.get<Page<DirectoryUser>>(`/api/v1/users${query({ ...filter, limit: 50 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

function useUserMutation<V>(mutationFn: (variables: V) => Promise<DirectoryUser>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users }) });
}

export function useInviteUser() {
  return useUserMutation((invitation: Invitation) => api.post<DirectoryUser>('/api/v1/users/invites', invitation));
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserChanges }) => api.patch<DirectoryUser>(`/api/v1/users/${id}`, changes),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.users });
      // Changing your own role changes what you may do.
      void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    },
  });
}

export function useResendInvite() {
  return useUserMutation((id: string) => api.post<DirectoryUser>(`/api/v1/users/${id}/invites/resend`));
}

export function useClients(filter: ClientFilter) {
  return useQuery({
    queryKey: [...keys.clients, 'list', filter],
    queryFn: ({ signal }) => api.get<Page<Client>>(`/api/v1/clients${query({ ...filter, limit: 100 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClientUsers(clientId: string | null) {
  return useQuery({
    queryKey: [...keys.clients, clientId, 'users'],
    queryFn: ({ signal }) => api.get<{ items: DirectoryUser[] }>(`/api/v1/clients/${clientId ?? ''}/users`, signal),
    enabled: clientId !== null,
  });
}

function useClientMutation<V>(mutationFn: (variables: V) => Promise<Client>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.clients }) });
}

export function useCreateClient() {
  return useClientMutation((input: { name: string; externalId?: string | null }) => api.post<Client>('/api/v1/clients', input));
}

export function useUpdateClient() {
  return useClientMutation(({ id, changes }: { id: string; changes: ClientChanges }) => api.patch<Client>(`/api/v1/clients/${id}`, changes));
}

/** Sets the first password from an invite link; the server signs the new user in. */
export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; password: string }) => api.post<{ user: SessionUser }>('/api/v1/auth/invites/accept', input),
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQuery.queryKey[0] });
      queryClient.setQueryData(meQuery.queryKey, user);
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api.post<{ status: 'accepted' }>('/api/v1/auth/password-reset', { email }) });
}

export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; password: string }) => api.post<undefined>('/api/v1/auth/password-reset/confirm', input),
    // Every session of the account ended, including this browser's if it was signed in.
    onSuccess: () => queryClient.setQueryData(meQuery.queryKey, null),
  });
}

/** Every IANA zone the browser knows, for time zone pickers. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
