import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useInterview, useInterviewAction } from '../../../api/workspace/interviews';
import { formatDateTime, formatRange, humanize } from '../format';
import { ErrorAlert, RecordState } from '../shared';

/** The booked interview of a request: sessions in the candidate's zone, people, and cancel with a reason. */
export function BookedInterview({ interviewId }: { interviewId: string }) {
  const interview = useInterview(interviewId);
  const action = useInterviewAction();
  const [canceling, setCanceling] = useState(false);
  const [reason, setReason] = useState('');
  const data = interview.data;
  const zone = data?.candidate.timeZone ?? 'UTC';
  return (
    <Card withBorder component="section" aria-labelledby="interview-heading" data-testid="booked-interview">
      <RecordState isPending={interview.isPending} error={interview.error}>
        {data && (
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={2} size="h4" id="interview-heading">
                Interview {formatDateTime(data.startsAt, zone)}
              </Title>
              <Group gap="xs">
                <Badge color={data.status === 'confirmed' ? 'green' : data.status === 'canceled' ? 'gray' : 'orange'} variant="light">
                  {humanize(data.status)}
                </Badge>
                {data.status !== 'canceled' && data.status !== 'completed' && (
                  <Button size="xs" variant="default" color="red" onClick={() => setCanceling(true)}>
                    Cancel interview
                  </Button>
                )}
              </Group>
            </Group>
            <Text size="xs" c="dimmed">
              Times in the candidate’s zone ({zone}){data.location ? ` · ${data.location}` : ''}
            </Text>
            {data.sessions.map((s) => (
              <Text key={s.start + s.name} size="sm">
                <b>{s.name}</b> {formatRange(s.start, s.end, zone)} — {s.interviewers.map((p) => p.name).join(', ')}
              </Text>
            ))}
          </Stack>
        )}
      </RecordState>
      <Modal opened={canceling} onClose={() => setCanceling(false)} title="Cancel the interview" centered>
        <Stack>
          <ErrorAlert error={action.error} />
          <Text size="sm">The candidate and the interviewers get a cancellation.</Text>
          <Textarea label="Reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCanceling(false)}>
              Keep it
            </Button>
            <Button
              color="red"
              disabled={reason.trim() === ''}
              loading={action.isPending}
              onClick={() => action.mutate({ id: interviewId, action: 'cancel', body: { reason: reason.trim() } }, { onSuccess: () => setCanceling(false) })}
            >
              Cancel interview
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
