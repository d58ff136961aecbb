import { Button, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type CandidateInterview, type CandidateLinkPage, interviewCalendarUrl } from '../../api/public-links';
import { CancelInterview } from './CancelInterview';
import { InterviewSummary } from './InterviewSummary';
import { RescheduleInterview } from './RescheduleInterview';
import { StepHeading } from './StepHeading';
import { Notice } from './Notice';

type Mode = 'view' | 'reschedule' | 'cancel';

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
  // The API says up front what can no longer be done online and why, instead of refusing a try.
  const closed = [page.reschedule.allowed ? null : page.reschedule.reason, page.cancel.allowed ? null : page.cancel.reason].filter((r): r is string => r !== null);
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
          // The server's file carries the emailed invite's UID, so a later update changes this same event.
          <Button component="a" variant="light" href={interviewCalendarUrl(token)} download="interview.ics">
            Add to calendar (.ics)
          </Button>
        )}
        <Text size="sm" c="dimmed">
          Need a different time or can’t make it?
        </Text>
        {closed.length > 0 && (
          <Notice color="yellow" title="Changes online are closed" data-testid="changes-closed">
            {[...new Set(closed)].join(' ')}
          </Notice>
        )}
        <Stack gap="xs">
          {page.reschedule.allowed && (
            <Button variant="default" onClick={() => { onChanged(null); setMode('reschedule'); }}>
              Reschedule
            </Button>
          )}
          {page.cancel.allowed && (
            <Button variant="default" color="red" c="red.9" onClick={() => { onChanged(null); setMode('cancel'); }}>
              Cancel interview
            </Button>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
