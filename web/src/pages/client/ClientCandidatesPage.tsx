import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type ClientApplication, type ClientRequisition, useClientApplications, useClientRequisitions } from '../../api/client-portal';
import { PageTitle } from '../../components/PageTitle';
import { ClientOnly, Loadable, useClientUser } from './shared';
import { StatusBadge, type Tone } from './StatusBadge';

export function ClientCandidatesPage() {
  return (
    <ClientOnly>
      <ClientCandidates />
    </ClientOnly>
  );
}

const REQUISITION_STATUS: Record<ClientRequisition['status'], string> = { open: 'Open', on_hold: 'On hold', closed: 'Closed' };
const APPLICATION_STATUS: Record<ClientApplication['status'], { label: string; tone: Tone }> = {
  active: { label: 'In process', tone: 'info' },
  hired: { label: 'Hired', tone: 'good' },
  rejected: { label: 'Not moving forward', tone: 'neutral' },
  withdrawn: { label: 'Withdrew', tone: 'neutral' },
};

const dateFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });

function ClientCandidates() {
  const { user } = useClientUser();
  const requisitions = useClientRequisitions();
  const applications = useClientApplications();
  const error = requisitions.error ?? applications.error;

  return (
    <Stack gap="xl" maw={960}>
      <Stack gap={4}>
        <PageTitle>Candidates</PageTitle>
        <Text c="dimmed">
          Candidates {user.organization.name} has submitted to {user.client?.name ?? 'you'}, by requisition.
        </Text>
      </Stack>
      <Loadable
        isPending={requisitions.isPending || applications.isPending}
        error={error}
        isEmpty={requisitions.data?.length === 0}
        empty="No requisitions are shared with you yet."
        what="your requisitions"
      >
        <Stack gap="lg">
          {requisitions.data?.map((requisition) => (
            <RequisitionSection key={requisition.id} requisition={requisition} applications={(applications.data?.items ?? []).filter((a) => a.requisition.id === requisition.id)} />
          ))}
        </Stack>
      </Loadable>
    </Stack>
  );
}

function RequisitionSection({ requisition, applications }: { requisition: ClientRequisition; applications: ClientApplication[] }) {
  const headingId = `requisition-${requisition.id}`;
  const stages = requisition.stages ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id={headingId}>
              {requisition.title}
            </Title>
            {requisition.recruiter && (
              <Text size="sm" c="dimmed">
                Your recruiter: {requisition.recruiter.name}
              </Text>
            )}
          </div>
          <StatusBadge tone={requisition.status === 'open' ? 'good' : 'neutral'}>{REQUISITION_STATUS[requisition.status]}</StatusBadge>
        </Group>
        {stages.length > 0 && (
          <Text size="sm">
            Your interview stages:{' '}
            {stages
              .map((stage) => `${stage.name} (${stage.sessions.reduce((total, s) => total + s.durationMinutes, 0)} min${stage.clientApprovalRequired ? ', you approve the time' : ''})`)
              .join(' · ')}
          </Text>
        )}
        {applications.length === 0 ? (
          <Text c="dimmed" size="sm">
            No candidates submitted yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Candidate</Table.Th>
                  <Table.Th scope="col">Stage</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Submitted</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {applications.map((application) => {
                  const status = APPLICATION_STATUS[application.status];
                  return (
                    <Table.Tr key={application.id}>
                      <Table.Th scope="row" fw={600}>
                        {application.candidate.name}
                      </Table.Th>
                      <Table.Td>{application.stage?.name ?? <Text span c="dimmed" size="sm">With the recruiting team</Text>}</Table.Td>
                      <Table.Td>
                        <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
                      </Table.Td>
                      <Table.Td>{application.submittedToClientAt ? dateFormat.format(new Date(application.submittedToClientAt)) : '—'}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
