import { Box, Container, Paper, Stack, Text, Title } from '@mantine/core';

/**
 * A candidate's signed link (`/s/:token`): public, no account, no workspace navigation, built
 * for a phone first. The token stays in the URL only; it is never shown or logged.
 */
export function CandidateLinkPage() {
  return (
    <Box bg="gray.0" mih="100vh">
      <title>Your interview · Loopwise</title>
      <Box component="header" bg="white" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="xs">
          <Text fw={700} c="indigo.8">
            Loopwise
          </Text>
        </Container>
      </Box>
      <Container component="main" size="xs" py="lg">
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={1} size="h2">
              Your interview
            </Title>
            <Text>
              Picking, booking and rescheduling interview times from this link is coming soon. Your
              recruiter will be in touch in the meantime.
            </Text>
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
