import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { TimeWindow } from '../../api/public-links';
import { addDays, todayIn, zonedToInstant } from './time';

/**
 * Rows of "date, from, to" in a named zone: how a candidate sends availability and how a client
 * proposes other times. Validation happens on submit; errors sit on the fields they concern.
 */

export type WindowRow = { key: number; date: string; start: string; end: string };
export type RowErrors = Partial<Record<'date' | 'start' | 'end', string>>;

export const HORIZON_DAYS = 60;
let nextKey = 1;

export const newWindowRow = (date = '', start = '09:00', end = '12:00'): WindowRow => ({ key: nextKey++, date, start, end });

/** Checks one row in the zone; an empty object means it is fine. */
export function validateWindow(row: Omit<WindowRow, 'key'>, zone: string, now: Date): RowErrors {
  const errors: RowErrors = {};
  const today = todayIn(zone, now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date)) errors.date = 'Enter a date.';
  else if (row.date < today) errors.date = 'Pick today or a later date.';
  else if (row.date > addDays(today, HORIZON_DAYS)) errors.date = `Pick a date within the next ${HORIZON_DAYS} days.`;
  if (!/^\d{2}:\d{2}$/.test(row.start)) errors.start = 'Enter a start time.';
  if (!/^\d{2}:\d{2}$/.test(row.end)) errors.end = 'Enter an end time.';
  else if (!errors.start && row.end <= row.start) errors.end = 'End after the start time.';
  if (!errors.date && !errors.start && !errors.end && zonedToInstant(row.date, row.end, zone) <= now) errors.end = 'This time has already passed.';
  return errors;
}

/** Errors per row key, and the id of the first field to fix (to move focus there). */
export function validateRows(rows: WindowRow[], zone: string, idPrefix: string, now = new Date()) {
  const errors: Record<number, RowErrors> = Object.fromEntries(rows.map((row) => [row.key, validateWindow(row, zone, now)]));
  const bad = rows.filter((row) => Object.keys(errors[row.key] ?? {}).length > 0);
  const first = bad[0];
  const field = first ? (['date', 'start', 'end'] as const).find((name) => errors[first.key]?.[name]) : undefined;
  return { errors, invalidCount: bad.length, firstInvalidId: first ? `${idPrefix}-${first.key}-${field ?? 'date'}` : null };
}

export function rowsToWindows(rows: WindowRow[], zone: string): TimeWindow[] {
  return rows.map((row) => ({ start: zonedToInstant(row.date, row.start, zone).toISOString(), end: zonedToInstant(row.date, row.end, zone).toISOString() }));
}

export function WindowRowsEditor({
  rows,
  errors,
  zone,
  idPrefix,
  max,
  onChange,
}: {
  rows: WindowRow[];
  errors: Record<number, RowErrors>;
  zone: string;
  idPrefix: string;
  max: number;
  onChange: (rows: WindowRow[], changedKey?: number) => void;
}) {
  const today = todayIn(zone);
  const update = (key: number, changes: Partial<WindowRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...changes } : row)), key);
  const last = rows.at(-1);
  return (
    <Stack gap="sm">
      {rows.map((row, index) => {
        const rowErrors = errors[row.key] ?? {};
        const id = (field: string) => `${idPrefix}-${row.key}-${field}`;
        return (
          <Paper key={row.key} component="fieldset" withBorder p="sm" m={0} bg="gray.0" data-testid="time-window">
            <Text component="legend" size="sm" fw={700} px={4}>
              Window {index + 1}
            </Text>
            <Stack gap="xs">
              <TextInput id={id('date')} type="date" label="Date" min={today} max={addDays(today, HORIZON_DAYS)} value={row.date} onChange={(e) => update(row.key, { date: e.currentTarget.value })} error={rowErrors.date} required />
              <Group grow gap="xs" align="flex-start">
                <TextInput id={id('start')} type="time" label="From" value={row.start} onChange={(e) => update(row.key, { start: e.currentTarget.value })} error={rowErrors.start} required />
                <TextInput id={id('end')} type="time" label="To" value={row.end} onChange={(e) => update(row.key, { end: e.currentTarget.value })} error={rowErrors.end} required />
              </Group>
              {rows.length > 1 && (
                <Group justify="flex-end">
                  <Button variant="subtle" c="red.9" size="xs" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} aria-label={`Remove window ${index + 1}`}>
                    Remove
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        );
      })}
      <Button
        variant="default"
        disabled={rows.length >= max}
        onClick={() => onChange([...rows, newWindowRow(last?.date ? addDays(last.date, 1) : '', last?.start, last?.end)])}
      >
        Add another window
      </Button>
    </Stack>
  );
}
