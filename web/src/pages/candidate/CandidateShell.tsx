import { Box, Container, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The candidate's page frame: who invites them, the content, nothing else (no workspace navigation). */
export function CandidateShell({ organization, title, children }: { organization?: string; title: string; children: ReactNode }) {
  return (
    <Box bg="gray.0" mih="100vh">
      <title>{`${title}${organization ? ` · ${organization}` : ''}`}</title>
      <Box component="header" bg="white" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="xs">
          <Text fw={700} c="indigo.8">
            {organization ?? 'Interview scheduling'}
          </Text>
        </Container>
      </Box>
      <Container component="main" size="xs" py="lg" px="md">
        {children}
      </Container>
      <Container component="footer" size="xs" pb="xl" px="md">
        <Text size="sm" c="dimmed">
          Scheduling by Loopwise. This page is private to you: please do not share its link.
        </Text>
      </Container>
    </Box>
  );
}
