import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The centered card of the public account pages (sign-in links, password reset). */
export function AccountLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <title>{`${title} · Loopwise`}</title>
      <Stack w="100%" maw={420} gap="md">
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Text fw={700} fz="lg" c="indigo.8">
            Loopwise
          </Text>
          <Title order={1} size="h2" mt="xs" mb="lg">
            {title}
          </Title>
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
