import { Stack, Text } from '@mantine/core';
import { PageTitle } from '../../../components/PageTitle';
import { useCurrentUser } from '../../../components/RequireSession';
import { Workspace } from '../shared';
import { AvailabilityEditor } from './AvailabilityEditor';

/** An interviewer (or anyone) editing their own availability. */
export function MyAvailabilityPage() {
  const user = useCurrentUser();
  return (
    <Workspace>
    <Stack gap="md" maw={1000}>
      <PageTitle>My availability</PageTitle>
      <Text c="dimmed" size="sm">
        Scheduling only offers times inside your working hours, within your limits, and outside your time off and other interviews.
      </Text>
      <AvailabilityEditor userId={user.id} />
    </Stack>
    </Workspace>
  );
}
