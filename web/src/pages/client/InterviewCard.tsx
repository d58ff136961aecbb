import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ClientInterview } from '../../api/client-portal';
import { listNames } from '../candidate/OptionPicker';
import { formatWhen, zoneOffset } from '../candidate/time';
import { StatusBadge, type Tone } from './StatusBadge';

const STATUS: Record<ClientInterview['status'], { label: string; tone: Tone }> = {
  pending_approval: { label: 'Waiting for you', tone: 'waiting' },
  confirmed: { label: 'Confirmed', tone: 'good' },
  canceled: { label: 'Canceled', tone: 'neutral' },
  completed: { label: 'Completed', tone: 'info' },
  no_show: { label: 'No-show', tone: 'bad' },
};

function statusOf(interview: ClientInterview) {
  if (interview.status === 'canceled' && interview.approval === 'declined') {
    return { label: interview.clientProposedWindows ? 'You proposed other times' : 'You declined', tone: 'neutral' as const };
  }
  return STATUS[interview.status];
}

/** Who, what and when of an interview: the time in the client user's zone and the candidate's. */
export function InterviewDetails({ interview, zone }: { interview: ClientInterview; zone: string }) {
  const candidateZone = interview.candidate.timeZone;
  const people = listNames(interview.sessions.flatMap((s) => s.interviewers.map((i) => i.name)));
  return (
    <Stack gap={6}>
      <Text fw={600}>{formatWhen(interview.startsAt, interview.endsAt, zone)}</Text>
      {candidateZone !== zone && (
        <Text size="sm" c="dimmed">
          Candidate’s time: {formatWhen(interview.startsAt, interview.endsAt, candidateZone)} ({candidateZone.replaceAll('_', ' ')}, {zoneOffset(candidateZone, new Date(interview.startsAt))})
        </Text>
      )}
      <Text size="sm">
        {interview.stage.name}
        {people ? ` with ${people}` : ''}
      </Text>
      {interview.location && <Text size="sm">Where: {interview.location}</Text>}
    </Stack>
  );
}

export function CardHeader({ interview }: { interview: ClientInterview }) {
  const status = statusOf(interview);
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <div>
        <Text component="h3" fw={700} size="lg" m={0}>
          {interview.candidate.name}
        </Text>
        <Text size="sm" c="dimmed">
          {interview.requisition.title}
        </Text>
      </div>
      <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
    </Group>
  );
}

export function InterviewCard({ interview, zone }: { interview: ClientInterview; zone: string }) {
  const declined = interview.approval === 'declined';
  return (
    <Paper withBorder p="md" component="article" aria-label={`${interview.candidate.name}, ${interview.stage.name}`}>
      <Stack gap="sm">
        <CardHeader interview={interview} />
        <InterviewDetails interview={interview} zone={zone} />
        {declined && interview.approvalReason && <Text size="sm">Your reason: {interview.approvalReason}</Text>}
        {declined && interview.clientProposedWindows && (
          <div>
            <Text size="sm">You proposed:</Text>
            <Stack component="ul" gap={2} m={0} pl="md">
              {interview.clientProposedWindows.map((w) => (
                <Text component="li" size="sm" key={w.start}>
                  {formatWhen(w.start, w.end, zone)}
                </Text>
              ))}
            </Stack>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
