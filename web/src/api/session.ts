import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client';

export type Role = 'admin' | 'recruiter' | 'coordinator' | 'hiring_manager' | 'interviewer' | 'client_user';

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  organization: { id: string; name: string };
};

export type Credentials = { email: string; password: string };

/** `GET /api/v1/me`: the signed-in user, or `null` when there is no session (401). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async ({ signal }): Promise<SessionUser | null> => {
    try {
      const { user } = await api.get<{ user: SessionUser }>('/api/v1/me', signal);
      return user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
});

/** Switches the cache to another session: nothing fetched for the previous user survives. */
function startSession(queryClient: QueryClient, user: SessionUser): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQuery.queryKey[0] });
  queryClient.setQueryData(meQuery.queryKey, user);
}

export function useSession() {
  return useQuery(meQuery);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.post<{ user: SessionUser }>('/api/v1/auth/login', credentials),
    onSuccess: ({ user }) => startSession(queryClient, user),
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<unknown>('/api/v1/auth/logout');
      } catch (error) {
        // An expired session is already signed out.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    // A full page load to the login page drops everything this tab held for the user, and
    // leaves no "return to" page for whoever signs in next.
    onSuccess: () => window.location.assign('/login'),
  });
}
