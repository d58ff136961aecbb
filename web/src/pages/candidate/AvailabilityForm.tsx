import { Button, Paper, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { type CandidateLinkPage, useSendAvailability } from '../../api/public-links';
import { useWindowRowsForm } from '../../components/useWindowRowsForm';
import { StepHeading } from './StepHeading';
import { addDays, todayIn, zoneLongName } from './time';
import { newWindowRow } from './WindowRows';
import { Notice } from './Notice';

const MAX_WINDOWS = 50;

/** Availability request: the candidate lists the windows they are free, per day, and sends them. */
export function AvailabilityForm({ token, page, onSent }: { token: string; page: CandidateLinkPage; onSent: (message: string) => void }) {
  const send = useSendAvailability(token);
  const zone = page.timeZone;
  const { idPrefix, check, fields } = useWindowRowsForm({
    zone,
    initial: () => newWindowRow(addDays(todayIn(zone), 1)),
    max: MAX_WINDOWS,
    summary: (count) => `Please fix ${count === 1 ? 'the highlighted window' : `${count} highlighted windows`} before sending.`,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const windows = check();
    if (!windows) return;
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
          {fields}
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
