import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useOfferRequest, useRequest } from '../../../api/workspace/requests';
import type { Interview, SchedulingRequest } from '../../../api/workspace/types';
import { PageTitle } from '../../../components/PageTitle';
import { useCurrentUser } from '../../../components/RequireSession';
import { formatAge, formatDateTime, WAITING_LABELS } from '../format';
import { ErrorAlert, RecordState, RoleGate, SCHEDULERS, StatusBadge } from '../shared';
import { BookedInterview } from './BookedInterview';
import { OptionsPanel } from './OptionsPanel';
import { RequestHistory } from './RequestHistory';

const MODE_LABELS = { self_schedule: 'Candidate self-schedules', availability_request: 'Candidate sends availability', coordinator: 'Staff book directly' } as const;

export function RequestPage() {
  return (
    <RoleGate roles={SCHEDULERS}>
      <RequestDetails />
    </RoleGate>
  );
}

function RequestDetails() {
  const { id = '' } = useParams();
  const request = useRequest(id);
  const [booked, setBooked] = useState<Interview | null>(null);
  return (
    <RecordState isPending={request.isPending} error={request.error}>
      {request.data && <Loaded request={request.data} booked={booked} onBooked={setBooked} />}
    </RecordState>
  );
}

function Loaded({ request, booked, onBooked }: { request: SchedulingRequest; booked: Interview | null; onBooked: (i: Interview) => void }) {
  const user = useCurrentUser();
  const open = request.status === 'ready' || request.status === 'offered';
  // The API says whether this person may offer or book this stage now, and why not.
  const canOffer = open && request.actions.offer.allowed;
  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          <Anchor component={Link} to="/queue" size="sm" underline="always">
            My queue
          </Anchor>{' '}
          / Scheduling request
        </Text>
        <PageTitle>{`${request.candidate.name} · ${request.stage.name}`}</PageTitle>
        <Group gap="xs">
          <StatusBadge status={request.status} />
          {request.waitingOn && <Badge variant="outline">Waiting on {WAITING_LABELS[request.waitingOn].toLowerCase()}</Badge>}
          <Badge variant="outline" color="gray">
            {MODE_LABELS[request.stage.mode]}
          </Badge>
          {request.stage.clientApprovalRequired && <Badge variant="outline" color="grape">Client approves</Badge>}
        </Group>
      </Stack>
      {booked && (
        <Alert color="green" title="Booked" role="status" data-testid="booked-alert">
          {request.candidate.name} is booked for {formatDateTime(booked.startsAt, request.candidate.timeZone)} (candidate’s time). Invites are on their way.
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Facts request={request} />
        {canOffer ? <OfferCard request={request} /> : <RequestHistory request={request} />}
      </SimpleGrid>
      {request.interviewId && <BookedInterview interviewId={request.interviewId} />}
      {open && <OptionsPanel request={request} onBooked={onBooked} />}
      {canOffer && <RequestHistory request={request} />}
    </Stack>
  );
}

function Facts({ request }: { request: SchedulingRequest }) {
  const zone = request.candidate.timeZone;
  const row = (label: string, value: React.ReactNode) => (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </Group>
  );
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Details
      </Title>
      <Stack gap={6}>
        {row('Candidate', <Anchor component={Link} to={`/candidates/${request.candidate.id}`} size="sm">{request.candidate.name}</Anchor>)}
        {row('Candidate’s zone', zone)}
        {row('Requisition', <Anchor component={Link} to={`/requisitions/${request.requisition.id}`} size="sm">{request.requisition.title}</Anchor>)}
        {row('Stage', request.stage.name)}
        {row('Age', `${formatAge(request.ageHours)} (ready since ${formatDateTime(request.readyAt, zone)})`)}
        {row('Candidate reschedules', String(request.candidateReschedules))}
        {request.offeredOptions.length > 0 &&
          row(
            'Offered times',
            <Stack gap={0}>
              {request.offeredOptions.map((o) => (
                <span key={o.id}>{formatDateTime(o.start, zone)}</span>
              ))}
            </Stack>,
          )}
        {request.candidateWindows &&
          row(
            'Candidate’s windows',
            <Stack gap={0}>
              {request.candidateWindows.map((w) => (
                <span key={w.start}>
                  {formatDateTime(w.start, zone)} – {formatDateTime(w.end, zone)}
                </span>
              ))}
            </Stack>,
          )}
      </Stack>
    </Card>
  );
}

function OfferCard({ request }: { request: SchedulingRequest }) {
  const offer = useOfferRequest(request.id);
  const [count, setCount] = useState<number | ''>('');
  const selfSchedule = request.stage.mode === 'self_schedule';
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {selfSchedule ? 'Offer times to the candidate' : 'Ask the candidate for availability'}
        </Title>
        <Text size="sm">
          {selfSchedule
            ? 'The candidate gets a link with the solver’s best options, frozen, and books one.'
            : 'The candidate gets a link to send the times they can make; you book from the options that fit.'}
          {request.status === 'offered' && ' Sending again replaces the previous link’s options.'}
        </Text>
        <ErrorAlert error={offer.error} />
        {offer.data && (
          <Alert color="green" role="status" title="Link sent">
            The link expires {formatDateTime(offer.data.linkExpiresAt, request.candidate.timeZone)}.
          </Alert>
        )}
        <Group align="flex-end">
          {selfSchedule && <NumberInput label="Options to offer" placeholder="Stage default" min={1} max={10} w={160} value={count} onChange={(v) => setCount(typeof v === 'number' ? v : '')} />}
          <Button onClick={() => offer.mutate(count === '' ? undefined : count)} loading={offer.isPending}>
            {selfSchedule ? 'Send options' : 'Send availability request'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
