import { Button, Paper, Stack, Text } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { type CandidateLinkPage, useSendAvailability } from '../../api/public-links';
import { StepHeading } from './StepHeading';
import { addDays, todayIn, zoneLongName } from './time';
import { newWindowRow, type RowErrors, rowsToWindows, validateRows, type WindowRow, WindowRowsEditor } from './WindowRows';
import { Notice } from './Notice';

const MAX_WINDOWS = 50;

/** Availability request: the candidate lists the windows they are free, per day, and sends them. */
export function AvailabilityForm({ token, page, onSent }: { token: string; page: CandidateLinkPage; onSent: (message: string) => void }) {
  const send = useSendAvailability(token);
  const zone = page.timeZone;
  const [rows, setRows] = useState<WindowRow[]>(() => [newWindowRow(addDays(todayIn(zone), 1))]);
  const [errors, setErrors] = useState<Record<number, RowErrors>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const idPrefix = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateRows(rows, zone, idPrefix);
    setErrors(checked.errors);
    if (checked.firstInvalidId) {
      setSummary(`Please fix ${checked.invalidCount === 1 ? 'the highlighted window' : `${checked.invalidCount} highlighted windows`} before sending.`);
      document.getElementById(checked.firstInvalidId)?.focus();
      return;
    }
    setSummary(null);
    const windows = rowsToWindows(rows, zone);
    send.mutate(windows, { onSuccess: () => onSent(`Thanks! We sent your ${windows.length === 1 ? 'window' : `${windows.length} windows`} to your recruiter.`) });
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`${idPrefix}-heading`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <StepHeading id={`${idPrefix}-heading`}>When are you free?</StepHeading>
          <Text size="sm">
            Add the times you could do a {page.stage.toLowerCase()}, one row per window, in {zoneLongName(zone)}. More windows make it easier to find a time.
          </Text>
          {summary && (
            <Notice color="red" title="Some windows need a fix" role="alert">
              {summary}
            </Notice>
          )}
          <WindowRowsEditor
            rows={rows}
            errors={errors}
            zone={zone}
            idPrefix={idPrefix}
            max={MAX_WINDOWS}
            onChange={(next, changed) => {
              setRows(next);
              if (changed !== undefined) setErrors((current) => ({ ...current, [changed]: {} }));
            }}
          />
          {send.error && (
            <Notice color="red" title="Your availability was not sent" role="alert">
              {send.error.message}
            </Notice>
          )}
          <Button type="submit" size="md" loading={send.isPending}>
            Send my availability
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
