import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';
import { meQuery } from './api/session';

function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 anywhere means the session ended (expired or signed out in another tab): forget
      // the user, and the route guard sends them to the login page.
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(meQuery.queryKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retrying cannot fix a 4xx; it can fix a blip in the network or a restarting server.
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
    },
  });
  return queryClient;
}
