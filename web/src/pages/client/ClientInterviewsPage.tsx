import { Badge, Stack, Text, Title } from '@mantine/core';
import { type ClientInterview, useClientInterviews } from '../../api/client-portal';
import { PageTitle } from '../../components/PageTitle';
import { zoneLongName } from '../candidate/time';
import { InterviewCard } from './InterviewCard';
import { PendingApprovalCard } from './PendingApprovalCard';
import { ClientOnly, Loadable, useClientUser } from './shared';

export function ClientInterviewsPage() {
  return (
    <ClientOnly>
      <ClientInterviews />
    </ClientOnly>
  );
}

function partition(items: ClientInterview[], now: number) {
  const byStart = [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return {
    pending: byStart.filter((i) => i.status === 'pending_approval'),
    upcoming: byStart.filter((i) => i.status === 'confirmed' && Date.parse(i.endsAt) > now),
    history: byStart.filter((i) => !(i.status === 'pending_approval' || (i.status === 'confirmed' && Date.parse(i.endsAt) > now))).reverse(),
  };
}

function ClientInterviews() {
  const { zone } = useClientUser();
  const interviews = useClientInterviews();
  const { pending, upcoming, history } = partition(interviews.data?.items ?? [], Date.now());

  return (
    <Stack gap="xl" maw={880}>
      <Stack gap={4}>
        <PageTitle>Interviews</PageTitle>
        <Text c="dimmed">Times are shown in your time zone, {zoneLongName(zone)}, with the candidate’s local time alongside.</Text>
      </Stack>

      <Stack component="section" aria-labelledby="pending-heading" gap="sm">
        <Title order={2} size="h3" id="pending-heading">
          Waiting for your approval{' '}
          {pending.length > 0 && (
            <Badge color="yellow" c="dark.9" variant="filled">
              {pending.length}
            </Badge>
          )}
        </Title>
        <Loadable isPending={interviews.isPending} error={interviews.error} isEmpty={pending.length === 0} empty="Nothing is waiting for your approval." what="interviews">
          <Stack gap="md">
            {pending.map((interview) => (
              <PendingApprovalCard key={interview.id} interview={interview} zone={zone} />
            ))}
          </Stack>
        </Loadable>
      </Stack>

      <Stack component="section" aria-labelledby="upcoming-heading" gap="sm">
        <Title order={2} size="h3" id="upcoming-heading">
          Upcoming
        </Title>
        <Loadable isPending={interviews.isPending} error={interviews.error} isEmpty={upcoming.length === 0} empty="No confirmed interviews coming up." what="interviews">
          <Stack gap="sm">
            {upcoming.map((interview) => (
              <InterviewCard key={interview.id} interview={interview} zone={zone} />
            ))}
          </Stack>
        </Loadable>
      </Stack>

      {history.length > 0 && (
        <Stack component="section" aria-labelledby="history-heading" gap="sm">
          <Title order={2} size="h3" id="history-heading">
            Past 30 days
          </Title>
          <Stack gap="sm">
            {history.map((interview) => (
              <InterviewCard key={interview.id} interview={interview} zone={zone} />
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
