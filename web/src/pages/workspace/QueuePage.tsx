import { Badge, Group, SegmentedControl, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useCandidates } from '../../api/workspace/candidates';
import { useInterviews } from '../../api/workspace/interviews';
import { useRequests } from '../../api/workspace/requests';
import type { Interview, RequestSummary, WaitingOn } from '../../api/workspace/types';
import { PageTitle } from '../../components/PageTitle';
import { formatAge, WAITING_LABELS } from './format';
import { Pager, QueryState, RecordLink, RoleGate, SCHEDULERS, StatusBadge } from './shared';

type View = 'action' | 'open' | 'all';
const SOON_HOURS = 48;

/** "My queue": scheduling requests that need a move, oldest first, with who they wait on. */
export function QueuePage() {
  return (
    <RoleGate roles={SCHEDULERS}>
      <Queue />
    </RoleGate>
  );
}

function needsAction(request: RequestSummary): boolean {
  if (request.status === 'ready' || request.status === 'offered') return true;
  return request.status === 'booked' && (request.waitingOn !== null || request.unconfirmedSoon);
}

function Queue() {
  const [view, setView] = useState<View>('action');
  const [waitingOn, setWaitingOn] = useState<WaitingOn | null>(null);
  const [mine, setMine] = useState(false);
  const [cursors, setCursors] = useState<string[]>([]);
  const requests = useRequests({ waitingOn: waitingOn ?? undefined, mine: mine || undefined, cursor: cursors.at(-1) });
  const signals = useQueueSignals();

  const rows = (requests.data?.items ?? []).filter((r) => (view === 'all' ? true : view === 'open' ? ['ready', 'offered', 'booked'].includes(r.status) : needsAction(r)));
  const reset = <T,>(set: (value: T) => void) => (value: T) => {
    setCursors([]);
    set(value);
  };

  return (
    <Stack gap="md" maw={1200}>
      <PageTitle>My queue</PageTitle>
      <Text c="dimmed" size="sm">
        Scheduling requests, oldest first. Age counts from when the request became ready.
      </Text>
      <Group align="flex-end" gap="lg">
        <SegmentedControl
          aria-label="Which requests"
          value={view}
          onChange={(value) => setView(value as View)}
          data={[
            { value: 'action', label: 'Needs action' },
            { value: 'open', label: 'All open' },
            { value: 'all', label: 'Everything' },
          ]}
        />
        <Select
          label="Waiting on"
          placeholder="Anyone"
          clearable
          value={waitingOn}
          onChange={reset((value: string | null) => setWaitingOn(value as WaitingOn | null))}
          data={Object.entries(WAITING_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Switch label="Only my requisitions" checked={mine} onChange={(e) => reset(setMine)(e.currentTarget.checked)} />
      </Group>
      <QueryState isPending={requests.isPending} error={requests.error} isEmpty={rows.length === 0} empty="Nothing waits here. New requests appear when a candidate reaches a stage that needs scheduling.">
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Age</Table.Th>
                <Table.Th scope="col">Waiting on</Table.Th>
                <Table.Th scope="col">Candidate</Table.Th>
                <Table.Th scope="col">Stage</Table.Th>
                <Table.Th scope="col">Requisition</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Flags</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((request) => (
                <Table.Tr key={request.id}>
                  <Table.Td>{formatAge(request.ageHours)}</Table.Td>
                  <Table.Td>{request.waitingOn ? WAITING_LABELS[request.waitingOn] : <Text span c="dimmed" size="sm">Nobody</Text>}</Table.Td>
                  <Table.Td>
                    <RecordLink to={`/requests/${request.id}`}>{request.candidate.name}</RecordLink>
                  </Table.Td>
                  <Table.Td>{request.stage.name}</Table.Td>
                  <Table.Td>
                    <RecordLink to={`/requisitions/${request.requisition.id}`}>{request.requisition.title}</RecordLink>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={request.status} />
                  </Table.Td>
                  <Table.Td>
                    <Flags request={request} signals={signals} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
      <Pager cursors={cursors} nextCursor={requests.data?.nextCursor} onChange={setCursors} />
      <Text size="xs" c="dimmed">
        Open a candidate’s name to see options, offer times or book. <Link to="/calendar">Calendar</Link>
      </Text>
    </Stack>
  );
}

type Signals = { unconfirmedSoon: Map<string, Interview>; noShows: Map<string, number> };

/** What the API offers for badges: unconfirmed interviews starting soon, and candidates' no-show counts. */
function useQueueSignals(): Signals {
  const [window] = useState(() => ({ from: new Date().toISOString(), to: new Date(Date.now() + SOON_HOURS * 3_600_000).toISOString() }));
  const pending = useInterviews({ ...window, status: 'pending_approval' });
  const candidates = useCandidates({});
  return useMemo(
    () => ({
      unconfirmedSoon: new Map((pending.data?.items ?? []).map((i) => [i.requestId, i])),
      noShows: new Map((candidates.data?.items ?? []).map((c) => [c.id, c.noShowCount])),
    }),
    [pending.data, candidates.data],
  );
}

function Flags({ request, signals }: { request: RequestSummary; signals: Signals }) {
  const unconfirmed = signals.unconfirmedSoon.get(request.id);
  const noShows = signals.noShows.get(request.candidate.id) ?? 0;
  const stale = request.staleCalendars ?? [];
  if (!unconfirmed && !request.unconfirmedSoon && noShows < 2 && stale.length === 0) return null;
  const hours = unconfirmed ? Math.max(0, Math.round((Date.parse(unconfirmed.startsAt) - Date.now()) / 3_600_000)) : 0;
  return (
    <Group gap={4}>
      {unconfirmed && (
        <Badge color="orange" variant="light">
          Client approval pending · starts in {hours} h
        </Badge>
      )}
      {request.unconfirmedSoon && (
        <Badge color="yellow" variant="light" title="Starts within 24 hours and the candidate has not answered “I’ll be there”">
          Unconfirmed by candidate
        </Badge>
      )}
      {stale.length > 0 && (
        <Badge color="gray" variant="light" title={`Calendar out of date or failing: ${stale.map((s) => s.name).join(', ')}`}>
          Stale calendar data
        </Badge>
      )}
      {noShows >= 2 && (
        <Badge color="red" variant="light">
          {noShows} no-shows
        </Badge>
      )}
    </Group>
  );
}
