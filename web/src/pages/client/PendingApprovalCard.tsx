import { Button, Group, Modal, Paper, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type ClientInterview, useApproveInterview, useDeclineInterview } from '../../api/client-portal';
import { useRequiredReason } from '../../components/useRequiredReason';
import { formatWhen } from '../candidate/time';
import { CardHeader, InterviewDetails } from './InterviewCard';
import { ProposeTimesModal } from './ProposeTimesModal';
import { Notice } from '../candidate/Notice';

/** A booked time waiting for the client: approve it, decline it with a reason, or propose other windows. */
export function PendingApprovalCard({ interview, zone }: { interview: ClientInterview; zone: string }) {
  const approve = useApproveInterview();
  const [dialog, setDialog] = useState<'decline' | 'propose' | null>(null);
  const who = interview.candidate.name;

  return (
    <Paper withBorder p="md" component="article" aria-label={`${who}, ${interview.stage.name}`} data-testid="pending-approval">
      <Stack gap="sm">
        <CardHeader interview={interview} />
        <InterviewDetails interview={interview} zone={zone} />
        {approve.error && (
          <Notice color="red" title="The time was not approved" role="alert">
            {approve.error.message}
          </Notice>
        )}
        <Group gap="sm">
          <Button onClick={() => approve.mutate(interview.id)} loading={approve.isPending} aria-label={`Approve ${who}’s interview`}>
            Approve
          </Button>
          <Button variant="default" onClick={() => setDialog('propose')} aria-label={`Propose other times for ${who}`}>
            Propose other times
          </Button>
          <Button variant="default" c="red.9" onClick={() => setDialog('decline')} aria-label={`Decline ${who}’s interview`}>
            Decline
          </Button>
        </Group>
      </Stack>
      {dialog === 'decline' && <DeclineModal interview={interview} zone={zone} onClose={() => setDialog(null)} />}
      {dialog === 'propose' && <ProposeTimesModal interview={interview} zone={zone} onClose={() => setDialog(null)} />}
    </Paper>
  );
}

function DeclineModal({ interview, zone, onClose }: { interview: ClientInterview; zone: string; onClose: () => void }) {
  const decline = useDeclineInterview();
  const { check, fieldProps } = useRequiredReason('Enter a reason for the recruiting team.');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = check();
    if (reason) decline.mutate({ id: interview.id, reason }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={`Decline the time for ${interview.candidate.name}?`} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>{formatWhen(interview.startsAt, interview.endsAt, zone)}. The recruiting team is told your reason and finds another time.</div>
          <Textarea {...fieldProps} label="Reason" data-autofocus />
          {decline.error && (
            <Notice color="red" title="The time was not declined" role="alert">
              {decline.error.message}
            </Notice>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep it
            </Button>
            <Button type="submit" color="red.9" loading={decline.isPending}>
              Decline time
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
