import { Badge, Button, Card, Group, Menu, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApplicationAction } from '../../../api/workspace/candidates';
import { useCreateRequest } from '../../../api/workspace/requests';
import type { Application, Candidate, SchedulingRequest } from '../../../api/workspace/types';
import { humanize } from '../format';
import { ErrorAlert, RecordLink, StatusBadge, useIsStaff } from '../shared';

const APP_COLORS = { active: 'green', rejected: 'red', withdrawn: 'gray', hired: 'indigo' } as const;

/** The candidate's applications with their scheduling requests, and what staff can do next. */
export function ApplicationsCard({ candidate, requests }: { candidate: Candidate; requests: SchedulingRequest[] }) {
  const applications = candidate.applications ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="applications-heading">
      <Title order={2} size="h4" mb="sm" id="applications-heading">
        Applications
      </Title>
      {applications.length === 0 ? (
        <Text size="sm" c="dimmed">No applications.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Requisition</Table.Th>
                <Table.Th scope="col">Stage</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Scheduling</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applications.map((app) => (
                <Table.Tr key={app.id}>
                  <Table.Td>
                    <RecordLink to={`/requisitions/${app.requisition.id}`}>{app.requisition.title}</RecordLink>
                  </Table.Td>
                  <Table.Td>{app.stage?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={APP_COLORS[app.status]} variant="light">{humanize(app.status)}</Badge>
                      {app.submittedToClientAt && <Badge color="grape" variant="light">Submitted to client</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {requests.filter((r) => r.applicationId === app.id).map((r) => (
                        <Group key={r.id} gap={4} wrap="nowrap">
                          <StatusBadge status={r.status} />
                          <RecordLink to={`/requests/${r.id}`}>{r.stage.name}</RecordLink>
                        </Group>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <ApplicationActions application={app} candidateId={candidate.id} hasOpenRequest={requests.some((r) => r.applicationId === app.id && r.stage.id === app.stage?.id && ['ready', 'offered', 'booked'].includes(r.status))} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function ApplicationActions({ application, candidateId, hasOpenRequest }: { application: Application; candidateId: string; hasOpenRequest: boolean }) {
  const staff = useIsStaff();
  const action = useApplicationAction(candidateId);
  const create = useCreateRequest();
  const navigate = useNavigate();
  const [closing, setClosing] = useState<'reject' | 'withdraw' | null>(null);
  const [reason, setReason] = useState('');
  if (!staff || application.status !== 'active') return null;
  const schedule = () => application.stage && create.mutate({ applicationId: application.id, stageId: application.stage.id }, { onSuccess: (r) => void navigate(`/requests/${r.id}`) });
  const close = () => {
    setClosing(null);
    setReason('');
    action.reset();
  };
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        {application.stage && !hasOpenRequest && (
          <Button size="xs" onClick={schedule} loading={create.isPending}>
            Schedule {application.stage.name.toLowerCase()}
          </Button>
        )}
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="default" aria-label={`More actions for ${application.requisition.title}`} loading={action.isPending}>
              More
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => action.mutate({ id: application.id, change: { action: 'advance' } })}>Advance to the next stage</Menu.Item>
            {application.requisition.clientId && !application.submittedToClientAt && (
              <Menu.Item onClick={() => action.mutate({ id: application.id, change: { action: 'submit-to-client' } })}>Submit to the client</Menu.Item>
            )}
            <Menu.Item onClick={() => setClosing('withdraw')}>Candidate withdrew…</Menu.Item>
            <Menu.Item color="red" onClick={() => setClosing('reject')}>Reject…</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {(create.error ?? (closing ? null : action.error)) && <Text size="xs" c="red.9" role="alert">{(create.error ?? action.error)?.message}</Text>}
      <Modal opened={closing !== null} onClose={close} title={closing === 'reject' ? 'Reject for this requisition' : 'Record a withdrawal'} centered>
        <Stack>
          <ErrorAlert error={action.error} />
          <Textarea label="Reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button
              color={closing === 'reject' ? 'red' : 'indigo'}
              disabled={!reason.trim()}
              loading={action.isPending}
              onClick={() => closing && action.mutate({ id: application.id, change: { action: closing, reason: reason.trim() } }, { onSuccess: close })}
            >
              {closing === 'reject' ? 'Reject' : 'Record withdrawal'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
