import { Alert, Button, Center, Stack, Title } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { type SessionUser, useSession } from '../api/session';
import { FullPageLoader } from './FullPageLoader';
import { HealthPanel } from './HealthPanel';

/** Renders its routes for a signed-in user; sends everyone else to the login page. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <FullPageLoader label="Loading your session" />;
  // A failed background refresh keeps the user signed in; only a first load that fails stops here.
  if (session.data) return <Outlet />;
  if (session.isError) {
    return (
      <Center mih="100vh" p="md" component="main">
        <title>Loopwise is unavailable</title>
        <Stack maw={480}>
          <Title order={1} size="h2">
            Loopwise
          </Title>
          <Alert color="red" title="Loopwise could not load your session">
            {session.error.message}
          </Alert>
          <Button onClick={() => void session.refetch()} loading={session.isFetching}>
            Try again
          </Button>
          <HealthPanel />
        </Stack>
      </Center>
    );
  }
  return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
}

/** The signed-in user, for components rendered under `RequireSession`. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser is only available under RequireSession');
  return data;
}
