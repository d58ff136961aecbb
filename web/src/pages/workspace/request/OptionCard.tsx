import { Badge, Button, Card, Divider, Group, Stack, Text } from '@mantine/core';
import type { Load, SolverOption } from '../../../api/workspace/types';
import { formatDay, formatRange, formatTime } from '../format';

type Props = {
  option: SolverOption;
  index: number;
  canBook: boolean;
  booking: boolean;
  onBook: () => void;
};

/** One solver option: the candidate's times first, then every session's people in their own zones with their load. */
export function OptionCard({ option, index, canBook, booking, onBook }: Props) {
  const zone = option.candidateTimeZone;
  const label = `Option ${index + 1}`;
  return (
    <Card withBorder padding="md" component="article" aria-label={label} data-testid="solver-option">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700}>{label}</Text>
          <Badge variant="light">{formatDay(option.start, zone)}</Badge>
        </Group>
        <div>
          <Text size="xs" c="dimmed">
            Candidate · {zone}
          </Text>
          <Text fw={600}>{formatRange(option.start, option.end, zone)}</Text>
        </div>
        <Divider />
        {option.sessions.map((session) => (
          <Stack key={session.name + session.start} gap={4}>
            <Text size="sm" fw={600}>
              {session.name}
              <Text span size="sm" c="dimmed" fw={400}>
                {' · '}
                {formatRange(session.start, session.end, zone)}
              </Text>
            </Text>
            <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
              {session.interviewers.map((person) => (
                <li key={person.id}>
                  <Group gap={6} wrap="nowrap" justify="space-between">
                    <Text size="sm" truncate>
                      {person.name}
                    </Text>
                    <Text size="xs" c="dimmed" title={person.timeZone} style={{ whiteSpace: 'nowrap' }}>
                      {formatTime(session.start, person.timeZone, true)}
                    </Text>
                  </Group>
                  <LoadLine load={person.load} />
                </li>
              ))}
            </Stack>
          </Stack>
        ))}
        {canBook && (
          <Button mt="xs" onClick={onBook} loading={booking} aria-label={`Book ${label}`}>
            Book this option
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function LoadLine({ load }: { load: Load | null }) {
  if (!load) return null;
  const full = (n: number, limit: number | null) => limit !== null && n >= limit;
  const over = full(load.day, load.perDay) || full(load.week, load.perWeek);
  const part = (n: number, limit: number | null, unit: string) => `${n}${limit === null ? '' : `/${limit}`} ${unit}`;
  return (
    <Text size="xs" c={over ? 'red.9' : 'dimmed'}>
      Load: {part(load.day, load.perDay, 'that day')} · {part(load.week, load.perWeek, 'that week')}
      {over ? ' — at the limit' : ''}
    </Text>
  );
}
