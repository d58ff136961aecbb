import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../../api/session';
import { useInterviewAction, useInterviews } from '../../api/workspace/interviews';
import type { Interview } from '../../api/workspace/types';
import { PageTitle } from '../../components/PageTitle';
import { useCurrentUser } from '../../components/RequireSession';
import { browserZone, formatDateTime, formatRange, humanize } from './format';
import { ErrorAlert, QueryState, Workspace } from './shared';

/** An interviewer's upcoming interviews with the brief: who, which stage and role, when (in both zones), where. */
export function MyInterviewsPage() {
  const user = useCurrentUser();
  const session = useSession();
  const zone = (session.data as { timeZone?: string } | null | undefined)?.timeZone ?? browserZone();
  const [from] = useState(() => new Date(Date.now() - 86_400_000).toISOString());
  const interviews = useInterviews({ from, personId: user.id });
  const items = (interviews.data?.items ?? []).filter((i) => i.status !== 'canceled');
  return (
    <Workspace>
    <Stack gap="md" maw={900}>
      <PageTitle>My interviews</PageTitle>
      <Text size="sm" c="dimmed">
        Times in your zone ({zone}) and the candidate’s.
      </Text>
      <QueryState isPending={interviews.isPending} error={interviews.error} isEmpty={items.length === 0} empty="No upcoming interviews.">
        <Stack gap="sm">
          {items.map((interview) => (
            <Brief key={interview.id} interview={interview} zone={zone} me={user.id} />
          ))}
        </Stack>
      </QueryState>
    </Stack>
    </Workspace>
  );
}

function Brief({ interview, zone, me }: { interview: Interview; zone: string; me: string }) {
  const action = useInterviewAction();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const mine = interview.sessions.filter((s) => s.interviewers.some((p) => p.id === me));
  return (
    <Card withBorder component="article" aria-labelledby={`brief-${interview.id}`}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4" id={`brief-${interview.id}`}>
            {interview.candidate.name} · {interview.stage.name}
          </Title>
          <Text size="sm">{interview.requisition.title}</Text>
        </div>
        <Badge variant="light" color={interview.status === 'confirmed' ? 'green' : 'orange'}>
          {humanize(interview.status)}
        </Badge>
      </Group>
      <Text size="sm" fw={600} mt="xs">
        {formatDateTime(interview.startsAt, zone)}
        <Text span size="sm" c="dimmed" fw={400}>
          {' '}
          · candidate: {formatDateTime(interview.startsAt, interview.candidate.timeZone)} ({interview.candidate.timeZone})
        </Text>
      </Text>
      {(mine.length > 0 ? mine : interview.sessions).map((s) => (
        <Text key={s.start + s.name} size="sm">
          {s.name}: {formatRange(s.start, s.end, zone)} with {s.interviewers.filter((p) => p.id !== me).map((p) => p.name).join(', ') || 'just you'}
        </Text>
      ))}
      {interview.location && <Text size="sm">Where: {interview.location}</Text>}
      {interview.status === 'confirmed' && Date.parse(interview.startsAt) > Date.now() && (
        <Group mt="sm">
          <Button size="xs" variant="default" onClick={() => setDeclining(true)}>
            I can’t make it
          </Button>
        </Group>
      )}
      <Modal opened={declining} onClose={() => setDeclining(false)} title="Step out of this interview" centered>
        <Stack>
          <ErrorAlert error={action.error} />
          <Text size="sm">The coordinator gets replacement suggestions from the same pool.</Text>
          <Textarea label="Reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeclining(false)}>Cancel</Button>
            <Button disabled={!reason.trim()} loading={action.isPending} onClick={() => action.mutate({ id: interview.id, action: 'decline-assignment', body: { reason: reason.trim() } }, { onSuccess: () => setDeclining(false) })}>
              Step out
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
