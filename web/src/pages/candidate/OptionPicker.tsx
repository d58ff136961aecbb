import { Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CandidateOption } from '../../api/public-links';
import { formatDayKey, formatTime, groupByDay, zoneLongName } from './time';

/** "Riley Recruiter" or "Ines Park, Omar Diaz and Lena Novak". */
export function listNames(names: string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? '';
  return `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}

export const peopleOf = (option: { sessions: { with: string[] }[] }) => listNames(option.sessions.flatMap((s) => s.with));

/** Whether every option is with the same people, so they are named once instead of on each time. */
export function samePeople(options: CandidateOption[]): boolean {
  return new Set(options.map(peopleOf)).size <= 1;
}

/**
 * The offered times as one radio group, a section per day: each time is a large target that
 * arrow keys move between. The zone is named above the times.
 */
export function OptionPicker({
  options,
  zone,
  value,
  onChange,
  error,
  label,
}: {
  options: CandidateOption[];
  zone: string;
  value: string | null;
  onChange: (optionId: string) => void;
  error?: string | null;
  label: string;
}) {
  const days = groupByDay(options);
  const showPeople = !samePeople(options);
  return (
    <Radio.Group
      label={label}
      description={`All times in ${zoneLongName(zone)}.`}
      value={value}
      onChange={onChange}
      error={error}
      errorProps={{ role: 'alert' }}
      name="interview-time"
      styles={{ label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 700 } }}
    >
      <Stack gap="lg" mt="sm">
        {days.map(({ day, items }) => (
          <section key={day} aria-labelledby={`day-${day}`}>
            <Title order={3} size="h5" id={`day-${day}`} mb="xs">
              {formatDayKey(day)}
            </Title>
            <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs">
              {items.map((option) => (
                <Radio.Card key={option.id} value={option.id} p="sm" radius="md" data-testid="time-option">
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Radio.Indicator size="sm" mt={4} />
                    <div>
                      <Text fw={700}>{formatTime(option.start, zone)}</Text>
                      <Text size="xs" c="dimmed">
                        until {formatTime(option.end, zone)}
                      </Text>
                      {showPeople && (
                        <Text size="xs" c="dimmed">
                          with {peopleOf(option)}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </section>
        ))}
      </Stack>
    </Radio.Group>
  );
}
