import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { type LocalRange, WEEKDAYS, type Weekday, type WeeklyHours } from '../../../api/workspace/types';

export const DAY_NAMES: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

/** Problems a person can fix before saving: empty times, an end before its start, overlaps. */
export function rangeProblem(ranges: LocalRange[], k: number): string | undefined {
  const range = ranges[k]!;
  if (!range.start || !range.end) return 'Enter both times';
  if (range.end <= range.start && range.end !== '00:00') return 'Ends before it starts';
  const overlaps = ranges.some((other, i) => i !== k && other.start < range.end && range.start < other.end);
  return overlaps ? 'Overlaps another range' : undefined;
}

/** Weekly working hours in the person's zone: any number of ranges per weekday. */
export function WeeklyHoursEditor({ value, disabled, errors, onChange }: { value: WeeklyHours; disabled: boolean; errors: Map<string, string>; onChange: (hours: WeeklyHours) => void }) {
  const setDay = (day: Weekday, ranges: LocalRange[]) => onChange({ ...value, [day]: ranges });
  return (
    <Table withRowBorders>
      <Table.Tbody>
        {WEEKDAYS.map((day) => {
          const ranges = value[day] ?? [];
          return (
            <Table.Tr key={day}>
              <Table.Th scope="row" w={120} style={{ verticalAlign: 'top', paddingTop: 14 }}>
                {DAY_NAMES[day]}
              </Table.Th>
              <Table.Td>
                <Stack gap={6}>
                  {ranges.length === 0 && (
                    <Text size="sm" c="dimmed" pt={6}>
                      Not working
                    </Text>
                  )}
                  {ranges.map((range, k) => {
                    const problem = rangeProblem(ranges, k) ?? errors.get(`weeklyHours.${day}.${k}.start`) ?? errors.get(`weeklyHours.${day}.${k}.end`) ?? errors.get(`weeklyHours.${day}`);
                    const label = `${DAY_NAMES[day]} range ${k + 1}`;
                    return (
                      <Group key={k} gap="xs" align="flex-start" wrap="nowrap">
                        <TextInput type="time" aria-label={`${label} start`} size="xs" w={120} disabled={disabled} value={range.start} error={problem} onChange={(e) => setDay(day, ranges.map((r, i) => (i === k ? { ...r, start: e.currentTarget.value } : r)))} />
                        <Text size="sm" pt={4}>
                          to
                        </Text>
                        <TextInput type="time" aria-label={`${label} end`} size="xs" w={120} disabled={disabled} value={range.end} error={problem ? ' ' : undefined} onChange={(e) => setDay(day, ranges.map((r, i) => (i === k ? { ...r, end: e.currentTarget.value } : r)))} />
                        {!disabled && (
                          <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label}`} onClick={() => setDay(day, ranges.filter((_, i) => i !== k))}>
                            ×
                          </ActionIcon>
                        )}
                      </Group>
                    );
                  })}
                  {!disabled && ranges.length < 6 && (
                    <Group>
                      <Button variant="subtle" size="compact-xs" onClick={() => setDay(day, [...ranges, nextRange(ranges)])} aria-label={`Add a range on ${DAY_NAMES[day]}`}>
                        + Add range
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function nextRange(ranges: LocalRange[]): LocalRange {
  const last = ranges.at(-1);
  if (!last) return { start: '09:00', end: '17:00' };
  const [h = 17] = last.end.split(':').map(Number);
  const start = Math.min(h + 1, 22);
  return { start: `${String(start).padStart(2, '0')}:00`, end: `${String(start + 1).padStart(2, '0')}:00` };
}
