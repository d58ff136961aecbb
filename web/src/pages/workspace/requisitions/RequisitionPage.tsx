import { Anchor, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useRequisition, useUpdateRequisition } from '../../../api/workspace/requisitions';
import type { Requisition, RequisitionStatus, Stage } from '../../../api/workspace/types';
import { PageTitle } from '../../../components/PageTitle';
import { humanize } from '../format';
import { ErrorAlert, RecordState, RoleGate, SCHEDULERS, useIsStaff } from '../shared';
import { REQUISITION_STATUS } from './RequisitionsPage';
import { StageEditor } from './StageEditor';
import { describeStage } from './stageSummary';

export function RequisitionPage() {
  return (
    <RoleGate roles={SCHEDULERS}>
      <RequisitionDetails />
    </RoleGate>
  );
}

function RequisitionDetails() {
  const { id = '' } = useParams();
  const requisition = useRequisition(id);
  return (
    <RecordState isPending={requisition.isPending} error={requisition.error}>
      {requisition.data && <Loaded requisition={requisition.data} />}
    </RecordState>
  );
}

function Loaded({ requisition }: { requisition: Requisition }) {
  const staff = useIsStaff();
  const [params, setParams] = useSearchParams();
  const editing = params.get('stage');
  const update = useUpdateRequisition(requisition.id);
  const stages = requisition.stages ?? [];
  const edited = stages.find((s) => s.id === editing);
  const edit = (stageId: string | null) => setParams(stageId ? { stage: stageId } : {}, { replace: true });

  return (
    <Stack gap="lg" maw={1100}>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          <Anchor component={Link} to="/requisitions" size="sm" underline="always">
            Requisitions
          </Anchor>{' '}
          / {requisition.externalId ?? 'Requisition'}
        </Text>
        <PageTitle>{requisition.title}</PageTitle>
      </Stack>
      <Card withBorder>
        <Group gap="xl" align="flex-start">
          <Fact label="Client" value={requisition.client?.name ?? 'In-house'} />
          <Fact label="Hiring manager" value={requisition.hiringManager?.name ?? '—'} />
          <Fact label="Recruiter" value={requisition.recruiter?.name ?? '—'} />
          <Fact label="Coordinators" value={requisition.coordinators.map((c) => c.name).join(', ') || '—'} />
          {staff ? (
            <Select
              label="Status"
              w={140}
              allowDeselect={false}
              value={requisition.status}
              onChange={(v) => v && update.mutate({ status: v as RequisitionStatus })}
              data={Object.entries(REQUISITION_STATUS).map(([value, { label }]) => ({ value, label }))}
            />
          ) : (
            <Fact label="Status" value={REQUISITION_STATUS[requisition.status].label} />
          )}
        </Group>
        <ErrorAlert error={update.error} />
      </Card>
      <Title order={2} size="h3">
        Stages
      </Title>
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {stages.map((stage) => (
          <li key={stage.id}>
            <StageRow stage={stage} staff={staff} editing={stage.id === editing} onEdit={() => edit(stage.id === editing ? null : stage.id)} />
          </li>
        ))}
      </Stack>
      {edited && staff && <StageEditor key={edited.id + edited.updatedAt} requisitionId={requisition.id} stage={edited} onClose={() => edit(null)} />}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function StageRow({ stage, staff, editing, onEdit }: { stage: Stage; staff: boolean; editing: boolean; onEdit: () => void }) {
  return (
    <Card withBorder padding="sm" bg={editing ? 'indigo.0' : undefined}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Group gap="xs">
            <Text fw={700}>
              {stage.position}. {stage.name}
            </Text>
            <Badge variant="light" color="gray">
              {humanize(stage.kind)}
            </Badge>
            {stage.rules.clientVisible && <Badge variant="light" color="grape">Client-visible</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {describeStage(stage.rules)}
          </Text>
        </div>
        {staff && (
          <Button variant={editing ? 'filled' : 'default'} size="xs" onClick={onEdit} aria-expanded={editing} aria-label={`${editing ? 'Close the editor of' : 'Edit the rules of'} ${stage.name}`}>
            {editing ? 'Close editor' : 'Edit rules'}
          </Button>
        )}
      </Group>
    </Card>
  );
}
