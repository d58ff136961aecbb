import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { type CandidateLinkPage as LinkPage, useCandidateLink, useConfirmInterview } from '../api/public-links';
import { AvailabilityForm } from './candidate/AvailabilityForm';
import { BookedInterview } from './candidate/BookedInterview';
import { CandidateShell } from './candidate/CandidateShell';
import { ChooseTime } from './candidate/ChooseTime';
import { AvailabilitySent, Canceled, Closed, LinkProblem, LoadFailed, Waiting } from './candidate/StatusViews';
import { StepHeading } from './candidate/StepHeading';
import { browserTimeZone, isTimeZone } from './candidate/time';
import { ZonePicker } from './candidate/ZonePicker';
import { Notice } from './candidate/Notice';

/**
 * A candidate's signed link (`/s/:token`): public, no account, no workspace navigation, built
 * for a phone first. Times are shown in the device's zone (or the one picked, kept in `?tz=`).
 * The token stays in the URL only; it is never shown or logged.
 */
export function CandidateLinkPage() {
  const { token = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const picked = params.get('tz');
  const zone = picked && isTimeZone(picked) ? picked : browserTimeZone();
  const [canceled, setCanceled] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const link = useCandidateLink(token, zone, !canceled);
  const action = params.get('action');
  const confirm = useConfirmInterview(token);
  const confirmAsked = useRef(false);
  // "I'll be there" from the reminder email: confirmed once, however often the page renders.
  useEffect(() => {
    if (action !== 'confirm' || confirmAsked.current) return;
    confirmAsked.current = true;
    confirm.mutate(undefined, { onSuccess: () => setNotice('Thanks, we’ll see you then.') });
  }, [action, confirm]);

  if (canceled) {
    return (
      <CandidateShell title="Interview canceled">
        <Canceled />
      </CandidateShell>
    );
  }
  if (link.isPending) {
    return (
      <CandidateShell title="Your interview">
        <Center py="xl" role="status" aria-label="Loading your interview">
          <Loader />
        </Center>
      </CandidateShell>
    );
  }
  if (link.isError && !link.data) {
    const gone = link.error instanceof ApiError && (link.error.status === 404 || link.error.status === 400);
    return (
      <CandidateShell title={gone ? 'Link not available' : 'Your interview'}>
        {gone ? (
          <LinkProblem message={link.error.message} />
        ) : (
          <LoadFailed message={link.error.message} onRetry={() => void link.refetch()} retrying={link.isFetching} />
        )}
      </CandidateShell>
    );
  }

  const page = link.data;
  const changeZone = (next: string) => {
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('tz', next);
      return updated;
    }, { replace: true });
  };

  return (
    <CandidateShell organization={page.organization} title={page.stage}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            Hi {page.candidateName.split(' ')[0]},
          </Text>
          <StepHeading order={1}>{page.stage}</StepHeading>
          <Text>
            {page.role} at {page.organization}
          </Text>
        </Stack>
        {notice && (
          <Notice color="green" title="Done" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setNotice(null)}>
            {notice}
          </Notice>
        )}
        {confirm.isError && (
          <Notice color="red" role="alert" title="Could not confirm">
            {confirm.error.message}
          </Notice>
        )}
        {link.isError && (
          <Notice color="red" role="alert" title="Could not refresh">
            {link.error.message}
          </Notice>
        )}
        {page.state !== 'closed' && page.state !== 'waiting' && <ZonePicker zone={page.timeZone} onChange={changeZone} />}
        <div aria-busy={link.isFetching}>
          <LinkContent
            token={token}
            page={page}
            onNotice={setNotice}
            onCanceled={() => setCanceled(true)}
            startRescheduling={action === 'reschedule'}
          />
        </div>
      </Stack>
    </CandidateShell>
  );
}

function LinkContent({
  token,
  page,
  onNotice,
  onCanceled,
  startRescheduling,
}: {
  token: string;
  page: LinkPage;
  onNotice: (message: string | null) => void;
  onCanceled: () => void;
  startRescheduling: boolean;
}) {
  switch (page.state) {
    case 'choose_time':
      return <ChooseTime token={token} page={page} onBooked={(booked) => onNotice(bookedMessage(booked))} />;
    case 'send_availability':
      return <AvailabilityForm token={token} page={page} onSent={onNotice} />;
    case 'availability_sent':
      return <AvailabilitySent page={page} />;
    case 'confirmed':
    case 'pending_approval':
      return page.interview ? <BookedInterview token={token} page={page} interview={page.interview} onChanged={onNotice} onCanceled={onCanceled} startRescheduling={startRescheduling} /> : <Waiting />;
    case 'waiting':
      return <Waiting />;
    case 'closed':
      return <Closed />;
  }
}

function bookedMessage(booked: LinkPage): string {
  return booked.state === 'pending_approval'
    ? 'Your time is requested. We’ll email you as soon as it is confirmed.'
    : 'You’re booked. We emailed you a calendar invitation.';
}
