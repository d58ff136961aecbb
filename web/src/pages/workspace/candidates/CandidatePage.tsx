import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCandidate } from '../../../api/workspace/candidates';
import type { Candidate } from '../../../api/workspace/types';
import { PageTitle } from '../../../components/PageTitle';
import { humanize } from '../format';
import { RecordState, RoleGate, SCHEDULERS } from '../shared';
import { ApplicationsCard } from './ApplicationsCard';
import { NotesCard } from './NotesCard';
import { CandidateTimeline } from './CandidateTimeline';
import { useCandidateRequests } from './useCandidateRequests';

export function CandidatePage() {
  return (
    <RoleGate roles={SCHEDULERS}>
      <CandidateDetails />
    </RoleGate>
  );
}

function CandidateDetails() {
  const { id = '' } = useParams();
  const candidate = useCandidate(id);
  return (
    <RecordState isPending={candidate.isPending} error={candidate.error}>
      {candidate.data && <Loaded candidate={candidate.data} />}
    </RecordState>
  );
}

function Loaded({ candidate }: { candidate: Candidate }) {
  const requests = useCandidateRequests(candidate);
  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          <Anchor component={Link} to="/candidates" size="sm" underline="always">
            Candidates
          </Anchor>{' '}
          / {candidate.externalId ?? 'Candidate'}
        </Text>
        <Group gap="sm">
          <PageTitle>{candidate.name}</PageTitle>
          {candidate.noShowCount > 0 && (
            <Badge color={candidate.noShowCount >= 2 ? 'red' : 'orange'} variant="light">
              {candidate.noShowCount} no-show{candidate.noShowCount === 1 ? '' : 's'}
            </Badge>
          )}
        </Group>
      </Stack>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          Contact
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
          <Fact label="Email" value={<Anchor href={`mailto:${candidate.email}`} size="sm">{candidate.email}</Anchor>} />
          <Fact label="Phone" value={candidate.phone ?? '—'} />
          <Fact label="Time zone" value={candidate.timeZone} />
          <Fact label="Source" value={candidate.source ? humanize(candidate.source) : '—'} />
          <Fact label="ATS id" value={candidate.externalId ?? '—'} />
        </SimpleGrid>
      </Card>
      <ApplicationsCard candidate={candidate} requests={requests} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <NotesCard candidate={candidate} />
        <CandidateTimeline candidate={candidate} requests={requests} />
      </SimpleGrid>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
}
