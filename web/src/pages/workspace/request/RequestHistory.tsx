import { Card, Text, Timeline, Title } from '@mantine/core';
import { usePeople } from '../../../api/workspace/people';
import type { SchedulingRequest } from '../../../api/workspace/types';
import { useCurrentUser } from '../../../components/RequireSession';
import { formatDateTime, humanize, STATUS_LABELS } from '../format';

const EVENT_LABELS: Record<string, string> = { create: 'Opened', offer: 'Offered', book: 'Booked', reschedule: 'Moved', reopen: 'Reopened', availability_received: 'Availability received', return_to_coordinator: 'Returned to the coordinator', complete: 'Completed', no_show: 'No-show recorded', cancel: 'Canceled' };

/** Every transition of the request, attributed and timestamped (in the viewer's browser zone, named). */
export function RequestHistory({ request }: { request: SchedulingRequest }) {
  const user = useCurrentUser();
  const people = usePeople(undefined, user.role !== 'interviewer');
  const names = new Map((people.data?.items ?? []).map((p) => [p.id, p.name]));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Card withBorder component="section" aria-labelledby="history-heading">
      <Title order={2} size="h4" mb="sm" id="history-heading">
        History
      </Title>
      {request.transitions.length === 0 ? (
        <Text size="sm" c="dimmed">
          Ready since {formatDateTime(request.readyAt, zone)}. Nothing has happened yet.
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={request.transitions.length - 1}>
          {request.transitions.map((t, k) => (
            <Timeline.Item key={k} title={`${t.from ? `${STATUS_LABELS[t.from]} → ` : ''}${STATUS_LABELS[t.to]}`}>
              <Text size="sm">
                {EVENT_LABELS[t.event] ?? humanize(t.event)} by {(t.actorId && names.get(t.actorId)) ?? humanize(t.actorType)}
                {t.initiator && t.initiator !== 'staff' ? ` (asked by the ${t.initiator})` : ''}
              </Text>
              {t.reason && <Text size="sm">“{t.reason}”</Text>}
              <Text size="xs" c="dimmed">
                {formatDateTime(t.at, zone)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
