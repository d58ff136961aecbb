import { Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { type CandidateInterview, type CandidateLinkPage, useRescheduleInterview } from '../../api/public-links';
import { InterviewSummary } from './InterviewSummary';
import { OptionPicker } from './OptionPicker';
import { StepHeading } from './StepHeading';
import { formatWhen } from './time';
import { Notice } from './Notice';

/** Move the interview to another offered time, within the stage's reschedule policy. */
export function RescheduleInterview({
  token,
  page,
  interview,
  onBack,
  onDone,
}: {
  token: string;
  page: CandidateLinkPage;
  interview: CandidateInterview;
  onBack: () => void;
  onDone: (message: string) => void;
}) {
  const reschedule = useRescheduleInterview(token);
  const [selected, setSelected] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<'pick' | 'confirm'>('pick');
  const [missing, setMissing] = useState(false);
  // The current time comes back as "free" (it is the candidate's own): it is not a move.
  const options = page.reschedule.options.filter((o) => Date.parse(o.start) !== Date.parse(interview.start));
  const option = options.find((o) => o.id === selected);

  const heading = (text: string) => (
    <StepHeading id="reschedule-heading" focus>{text}</StepHeading>
  );

  if (!page.reschedule.allowed || options.length === 0) {
    return (
      <Paper withBorder p="lg" component="section" aria-labelledby="reschedule-heading">
        <Stack gap="md">
          {heading('Reschedule')}
          <Notice color="yellow" title="Please contact your recruiter" role="alert">
            {page.reschedule.allowed ? 'There are no other times available online right now. Please contact your recruiter.' : (page.reschedule.reason ?? 'This interview can no longer be changed online. Please contact your recruiter.')}
          </Notice>
          <Button variant="default" onClick={onBack}>
            Back to your interview
          </Button>
        </Stack>
      </Paper>
    );
  }

  if (step === 'confirm' && option) {
    return (
      <Paper withBorder p="lg" component="section" aria-labelledby="reschedule-heading">
        <Stack gap="md">
          {heading('Confirm your new time')}
          <Text size="sm">Instead of {formatWhen(interview.start, interview.end, page.timeZone)}:</Text>
          <InterviewSummary start={option.start} end={option.end} zone={page.timeZone} sessions={option.sessions} />
          {reschedule.error && (
            <Notice color="red" title="Your interview could not be moved" role="alert">
              {reschedule.error.message}
            </Notice>
          )}
          <Stack gap="xs">
            <Button
              size="md"
              loading={reschedule.isPending}
              onClick={() =>
                reschedule.mutate(
                  { optionId: option.id, ...(reason.trim() ? { reason: reason.trim() } : {}) },
                  { onSuccess: () => onDone(`Your interview moved to ${formatWhen(option.start, option.end, page.timeZone)}. We emailed you the updated invitation.`) },
                )
              }
            >
              Confirm new time
            </Button>
            <Button variant="default" onClick={() => { reschedule.reset(); setStep('pick'); }}>
              Choose another time
            </Button>
          </Stack>
        </Stack>
      </Paper>
    );
  }

  const left = page.reschedule.remaining;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="reschedule-heading">
      <Stack gap="md">
        {heading('Reschedule')}
        <Text size="sm">
          You can move this interview online {left === 1 ? 'once more' : `${left} more times`}, up to {page.reschedule.cutoffHours} hours before it starts.
        </Text>
        <OptionPicker
          label="New time"
          options={options}
          zone={page.timeZone}
          value={selected}
          onChange={(id) => { setSelected(id); setMissing(false); }}
          error={missing ? 'Choose one of the times first.' : null}
        />
        <Textarea label="Reason (optional)" description="Shared with your recruiter." value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} autosize minRows={2} />
        <Stack gap="xs">
          <Button size="md" onClick={() => (option ? setStep('confirm') : setMissing(true))}>
            Continue
          </Button>
          <Button variant="default" onClick={onBack}>
            Keep current time
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
