import { Button, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type CandidateLinkPage, useBookOption } from '../../api/public-links';
import { InterviewSummary } from './InterviewSummary';
import { OptionPicker, peopleOf, samePeople } from './OptionPicker';
import { StepHeading } from './StepHeading';
import { Notice } from './Notice';

function minutesOf(option: { start: string; end: string }): number {
  return Math.round((Date.parse(option.end) - Date.parse(option.start)) / 60_000);
}

/** Self-scheduling: pick one of the offered times, then confirm it. */
export function ChooseTime({ token, page, onBooked }: { token: string; page: CandidateLinkPage; onBooked: (booked: CandidateLinkPage) => void }) {
  const book = useBookOption(token);
  const [selected, setSelected] = useState<string | null>(null);
  const [step, setStep] = useState<'pick' | 'confirm'>('pick');
  const [missing, setMissing] = useState(false);
  const [returned, setReturned] = useState(false);
  const option = page.options.find((o) => o.id === selected);
  const first = page.options[0];

  if (!first) {
    return (
      <Paper withBorder p="lg">
        <Text>There are no times to choose from right now. Your recruiter will send new ones.</Text>
      </Paper>
    );
  }

  if (step === 'confirm' && option) {
    return (
      <Paper withBorder p="lg" component="section" aria-labelledby="confirm-heading">
        <Stack gap="md">
          <StepHeading id="confirm-heading" focus>Confirm your interview</StepHeading>
          <InterviewSummary start={option.start} end={option.end} zone={page.timeZone} sessions={option.sessions} />
          <Stack gap="xs">
            <Button size="md" loading={book.isPending} onClick={() =>
                book.mutate(option.id, {
                  onSuccess: onBooked,
                  // Someone may have taken the time: back to the (refreshed) times with the reason.
                  onError: () => { setSelected(null); setReturned(true); setStep('pick'); },
                })
              }>
              Confirm booking
            </Button>
            <Button variant="default" onClick={() => { book.reset(); setReturned(true); setStep('pick'); }}>
              Choose another time
            </Button>
          </Stack>
        </Stack>
      </Paper>
    );
  }

  const duration = minutesOf(first);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="pick-heading">
      <Stack gap="md">
        <StepHeading id="pick-heading" focus={returned}>Choose a time</StepHeading>
        <Text>
          {duration}-minute {page.stage.toLowerCase()}
          {samePeople(page.options) ? ` with ${peopleOf(first)}` : ''}. Pick the time that suits you best.
        </Text>
        {book.error && (
          <Notice color="red" title="That time could not be booked" role="alert">
            {book.error.message}
          </Notice>
        )}
        <OptionPicker
          label="Available times"
          options={page.options}
          zone={page.timeZone}
          value={selected}
          onChange={(id) => { setSelected(id); setMissing(false); }}
          error={missing ? 'Choose one of the times first.' : null}
        />
        <Button
          fullWidth
          size="md"
          onClick={() => {
            if (!option) return setMissing(true);
            setStep('confirm');
          }}
        >
          Continue
        </Button>
      </Stack>
    </Paper>
  );
}
