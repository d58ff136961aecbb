import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useHealth, useReadiness } from '../api/health';

type Tone = 'good' | 'bad' | 'pending';

// Each at least 4.5:1 on white (Mantine's green 9 is only 4.4:1).
const TONE_COLOR: Record<Tone, string> = {
  good: '#1e7a34',
  bad: 'var(--mantine-color-red-9)',
  pending: 'var(--mantine-color-gray-7)',
};

/** A small, always-visible summary of `/healthz` and `/readyz`: "Server: ok · version … · Database: ok". */
export function HealthPanel() {
  const health = useHealth();
  const readiness = useReadiness();

  const serverTone: Tone = health.isPending ? 'pending' : health.isError ? 'bad' : 'good';
  const serverText = health.isPending ? 'checking…' : health.isError ? 'unreachable' : health.data.status;
  const version = health.data?.version ?? '—';

  const databaseTone: Tone = readiness.isPending
    ? 'pending'
    : readiness.isError || readiness.data.status !== 'ready'
      ? 'bad'
      : 'good';
  const databaseText = readiness.isPending ? 'checking…' : readiness.isError ? 'unknown' : readiness.data.database;

  return (
    <Paper component="section" aria-label="System status" data-testid="health-panel" withBorder p="xs" px="sm">
      <Text size="sm">
        Server: <Status tone={serverTone}>{serverText}</Status>
        <Separator />
        version <span data-testid="health-version">{version}</span>
        <Separator />
        Database:{' '}
        <Status tone={databaseTone} testId="health-database">
          {databaseText}
        </Status>
      </Text>
    </Paper>
  );
}

function Status({ tone, testId, children }: { tone: Tone; testId?: string; children: ReactNode }) {
  return (
    <Text span size="sm" fw={600} c={TONE_COLOR[tone]} data-testid={testId}>
      {children}
    </Text>
  );
}

function Separator() {
  return <span aria-hidden> · </span>;
}
