import { Button, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CandidateLinkPage } from '../../api/public-links';
import { StepHeading } from './StepHeading';
import { formatWhen } from './time';

/** A message on its own (order 1, the page's heading) or under the interview's heading (order 2). */
function Message({ title, children, focus = false, order = 2 }: { title: string; children: ReactNode; focus?: boolean; order?: 1 | 2 }) {
  return (
    <Paper withBorder p="lg" component="section">
      <Stack gap="sm">
        <StepHeading focus={focus} order={order}>
          {title}
        </StepHeading>
        {children}
      </Stack>
    </Paper>
  );
}

/** The link is unknown, expired, replaced, or used up (the API answers 404 with its reason). */
export function LinkProblem({ message }: { message: string }) {
  return (
    <Message order={1} title="This link can’t be used anymore">
      <Text>{message}</Text>
      <Text size="sm" c="dimmed">
        Links to schedule an interview expire after a while and stop working once they are replaced or the interview is canceled. Your recruiter can send you a new one.
      </Text>
    </Message>
  );
}

export function LoadFailed({ message, onRetry, retrying }: { message: string; onRetry: () => void; retrying: boolean }) {
  return (
    <Message order={1} title="We couldn’t load your interview">
      <Text role="alert">{message}</Text>
      <Button onClick={onRetry} loading={retrying}>
        Try again
      </Button>
    </Message>
  );
}

export function Canceled() {
  return (
    <Message order={1} title="Your interview is canceled" focus>
      <Text>Thanks for letting us know. Your recruiter has been told and will be in touch if there is a next step.</Text>
      <Text size="sm" c="dimmed">
        This link no longer works. If you change your mind, reply to your recruiter’s email.
      </Text>
    </Message>
  );
}

export function AvailabilitySent({ page }: { page: CandidateLinkPage }) {
  return (
    <Message title="Thanks, we have your availability">
      <Text>Your recruiter will pick a time from these windows and email you an invitation.</Text>
      {page.windows && page.windows.length > 0 && (
        <Stack component="ul" gap={4} pl="md" m={0}>
          {page.windows.map((w) => (
            <li key={w.start}>{formatWhen(w.start, w.end, page.timeZone)}</li>
          ))}
        </Stack>
      )}
    </Message>
  );
}

export function Waiting() {
  return (
    <Message title="Times are on their way">
      <Text>Your recruiter is preparing interview times for you. We’ll email you as soon as you can choose one.</Text>
    </Message>
  );
}

export function Closed() {
  return (
    <Message title="Nothing to schedule here">
      <Text>This interview is no longer open for scheduling: it has taken place or was canceled. If that is unexpected, please contact your recruiter.</Text>
    </Message>
  );
}
