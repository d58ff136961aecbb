import { Paper, Stack, Text } from '@mantine/core';
import { PageTitle } from '../components/PageTitle';

/** Placeholder for a section whose page is not built yet. */
export function ComingSoonPage({ title, description }: { title: string; description: string }) {
  return (
    <Stack gap="md" maw={720}>
      <PageTitle>{title}</PageTitle>
      <Text>{description}</Text>
      <Paper withBorder p="lg" bg="gray.0">
        <Text fw={600}>Coming soon</Text>
        <Text size="sm" c="dimmed">
          This part of Loopwise is being built. Nothing is wrong with your account.
        </Text>
      </Paper>
    </Stack>
  );
}
