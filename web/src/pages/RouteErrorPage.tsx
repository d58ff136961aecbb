import { Alert, Anchor, Center, Stack } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when rendering a route throws: a plain message and a way back, never a stack trace. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : 'Something went wrong while showing this page.';

  return (
    <Center component="main" mih="100vh" p="md">
      <title>Error · Loopwise</title>
      <Stack maw={480}>
        <Alert color="red" title="This page could not be shown">
          {message}
        </Alert>
        <Anchor href="/">Reload Loopwise</Anchor>
      </Stack>
    </Center>
  );
}
