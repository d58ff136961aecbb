import { Button, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CandidateInterview, CandidateLinkPage } from '../../api/public-links';
import { CancelInterview } from './CancelInterview';
import { buildIcs, downloadIcs } from './ics';
import { InterviewSummary } from './InterviewSummary';
import { listNames } from './OptionPicker';
import { RescheduleInterview } from './RescheduleInterview';
import { StepHeading } from './StepHeading';
import { Notice } from './Notice';

type Mode = 'view' | 'reschedule' | 'cancel';

function addToCalendar(page: CandidateLinkPage, interview: CandidateInterview): void {
  const people = listNames(interview.sessions.flatMap((s) => s.with));
  const sessions = interview.sessions.map((s) => `${s.name} with ${listNames(s.with)}`).join('\n');
  const content = buildIcs({
    uid: `${Date.parse(interview.start)}-${crypto.randomUUID()}@loopwise`,
    start: interview.start,
    end: interview.end,
    summary: `${page.stage}: ${page.role} (${page.organization})`,
    description: `${sessions || people}\n\nTo reschedule or cancel, open the link in your invitation email.`,
    location: interview.location,
  });
  downloadIcs(content, 'interview.ics');
}

/** The booked (or awaiting approval) interview: details, add to calendar, reschedule, cancel. */
export function BookedInterview({
  token,
  page,
  interview,
  onChanged,
  onCanceled,
  startRescheduling = false,
}: {
  token: string;
  page: CandidateLinkPage;
  interview: CandidateInterview;
  onChanged: (message: string | null) => void;
  onCanceled: () => void;
  /** Opened from the reminder's "I need to reschedule" link. */
  startRescheduling?: boolean;
}) {
  const [mode, setMode] = useState<Mode>(startRescheduling && interview.status === 'confirmed' ? 'reschedule' : 'view');
  const [returned, setReturned] = useState(false);
  const back = () => { setReturned(true); setMode('view'); };

  if (mode === 'reschedule') {
    return <RescheduleInterview token={token} page={page} interview={interview} onBack={back} onDone={(message) => { setReturned(true); setMode('view'); onChanged(message); }} />;
  }
  if (mode === 'cancel') return <CancelInterview token={token} onBack={back} onCanceled={onCanceled} />;

  const pending = interview.status === 'pending_approval';
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="booked-heading">
      <Stack gap="md">
        <StepHeading id="booked-heading" focus={returned}>{pending ? 'Your requested time' : 'Your interview is booked'}</StepHeading>
        {pending && (
          <Notice color="yellow" title="Waiting for confirmation">
            {page.organization}’s client confirms this time first. We’ll email you as soon as it is confirmed or if it needs to move.
          </Notice>
        )}
        <InterviewSummary start={interview.start} end={interview.end} zone={page.timeZone} sessions={interview.sessions} location={interview.location} />
        {!pending && (
          <Button variant="light" onClick={() => addToCalendar(page, interview)}>
            Add to calendar (.ics)
          </Button>
        )}
        <Text size="sm" c="dimmed">
          Need a different time or can’t make it?
        </Text>
        <Stack gap="xs">
          <Button variant="default" onClick={() => { onChanged(null); setMode('reschedule'); }}>
            Reschedule
          </Button>
          <Button variant="default" color="red" c="red.9" onClick={() => { onChanged(null); setMode('cancel'); }}>
            Cancel interview
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
