import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  return (
    <Stack gap="md" maw={720}>
      <PageTitle>Page not found</PageTitle>
      <Text>There is nothing here, or it is not available to your account.</Text>
      <Anchor component={Link} to="/">
        Go to the start page
      </Anchor>
    </Stack>
  );
}
