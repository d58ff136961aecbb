import { Center, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ClientUser } from '../../api/client-portal';
import { useCurrentUser } from '../../components/RequireSession';
import { browserTimeZone } from '../candidate/time';
import { NotFoundPage } from '../NotFoundPage';
import { Notice } from '../candidate/Notice';

/** Portal pages are for client users; anyone else gets the "not found" the API would answer. */
export function ClientOnly({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  return user.role === 'client_user' ? children : <NotFoundPage />;
}

/** The signed-in client user, with the zone their times are shown in. */
export function useClientUser(): { user: ClientUser; zone: string } {
  const user: ClientUser = useCurrentUser();
  return { user, zone: user.timeZone ?? browserTimeZone() ?? 'UTC' };
}

/** Loading, error and empty states of a section, with the API's own message. */
export function Loadable({
  isPending,
  error,
  isEmpty,
  empty,
  what,
  children,
}: {
  isPending: boolean;
  error: Error | null;
  isEmpty: boolean;
  empty: string;
  what: string;
  children: ReactNode;
}) {
  if (isPending) {
    return (
      <Center py="xl" role="status" aria-label={`Loading ${what}`}>
        <Loader />
      </Center>
    );
  }
  if (error) {
    return (
      <Notice color="red" title={`Could not load ${what}`} role="alert">
        {error.message}
      </Notice>
    );
  }
  if (isEmpty) return <Text c="dimmed">{empty}</Text>;
  return children;
}
