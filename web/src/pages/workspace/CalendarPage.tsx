import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { useInterviews } from '../../api/workspace/interviews';
import { usePeople, usePools } from '../../api/workspace/people';
import type { Interview } from '../../api/workspace/types';
import { PageTitle } from '../../components/PageTitle';
import { type CalendarEvent, WeekCalendar } from '../../components/WeekCalendar';
import { TimeZoneSelect } from '../admin/shared';
import { browserZone, dayjs } from './format';
import { ErrorAlert, RoleGate, SCHEDULERS } from './shared';

type By = 'everyone' | 'person' | 'pool';

function mondayOf(zone: string): string {
  const now = dayjs().tz(zone);
  return now.subtract((now.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

const TONES: Record<Interview['status'], CalendarEvent['tone']> = { confirmed: 'confirmed', pending_approval: 'pending', canceled: 'canceled', completed: 'done', no_show: 'done' };

export function toEvent(interview: Interview): CalendarEvent {
  const people = [...new Set(interview.sessions.flatMap((s) => s.interviewers.map((p) => p.name)))];
  return {
    id: interview.id,
    start: interview.startsAt,
    end: interview.endsAt,
    title: `${interview.candidate.name} · ${interview.stage.name}`,
    detail: `${people.join(', ')}${interview.status === 'pending_approval' ? ' (awaiting client)' : interview.status === 'canceled' ? ' (canceled)' : ''}`,
    href: `/requests/${interview.requestId}`,
    tone: TONES[interview.status],
  };
}

/** Booked interviews for a week, for everyone, one interviewer, or one pool's members. */
export function CalendarPage() {
  return (
    <RoleGate roles={SCHEDULERS}>
      <Calendar />
    </RoleGate>
  );
}

function Calendar() {
  const session = useSession();
  const initialZone = (session.data as { timeZone?: string } | null | undefined)?.timeZone ?? browserZone();
  const [zone, setZone] = useState(initialZone);
  const [params, setParams] = useSearchParams();
  const weekParam = params.get('week');
  const weekStart = weekParam && /^\d{4}-\d{2}-\d{2}$/.test(weekParam) ? weekParam : mondayOf(zone);
  const setWeekStart = (week: string) => setParams({ week }, { replace: true });
  const [by, setBy] = useState<By>('everyone');
  const [personId, setPersonId] = useState<string | null>(null);
  const [poolId, setPoolId] = useState<string | null>(null);
  const people = usePeople();
  const pools = usePools(session.data?.role !== 'hiring_manager');
  const from = dayjs.tz(weekStart, zone);
  const interviews = useInterviews({
    from: from.toISOString(),
    to: from.add(7, 'day').toISOString(),
    personId: by === 'person' ? (personId ?? undefined) : undefined,
    poolId: by === 'pool' ? (poolId ?? undefined) : undefined,
  });
  const shown = interviews.data?.items ?? [];

  return (
    <Stack gap="md" maw={1300}>
      <PageTitle>Calendar</PageTitle>
      <Group align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="Show interviews of"
          value={by}
          onChange={(v) => setBy(v as By)}
          data={[
            { value: 'everyone', label: 'Everyone' },
            { value: 'person', label: 'Interviewer' },
            ...(pools.data ? [{ value: 'pool', label: 'Pool' }] : []),
          ]}
        />
        {by === 'person' && (
          <Select
            label="Interviewer"
            placeholder="Pick a person"
            searchable
            value={personId}
            onChange={setPersonId}
            data={(people.data?.items ?? []).filter((p) => p.role !== 'client_user').map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
        {by === 'pool' && <Select label="Pool" placeholder="Pick a pool" value={poolId} onChange={setPoolId} data={(pools.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />}
        <TimeZoneSelect label="Time zone" value={zone} onChange={(z) => { setZone(z); setWeekStart(mondayOf(z)); }} />
      </Group>
      <ErrorAlert error={interviews.error} />
      <div style={{ overflowX: 'auto' }}>
        <WeekCalendar weekStart={weekStart} timeZone={zone} events={shown.map(toEvent)} onWeekChange={setWeekStart} />
      </div>
      <Text size="sm" c="dimmed" role="status">
        {interviews.isPending ? 'Loading interviews…' : `${shown.length} interview${shown.length === 1 ? '' : 's'} this week.`}
      </Text>
    </Stack>
  );
}
