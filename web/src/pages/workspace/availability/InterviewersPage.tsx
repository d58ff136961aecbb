import { Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { usePeople } from '../../../api/workspace/people';
import { PageTitle } from '../../../components/PageTitle';
import { RoleGate, STAFF } from '../shared';
import { AvailabilityEditor } from './AvailabilityEditor';
import { PoolsSection } from './PoolsSection';

/** Pools with members and tags, and any interviewer's availability (staff). */
export function InterviewersPage() {
  return (
    <RoleGate roles={STAFF}>
      <Interviewers />
    </RoleGate>
  );
}

function Interviewers() {
  const [params, setParams] = useSearchParams();
  const people = usePeople();
  const selected = params.get('person');
  const options = (people.data?.items ?? []).filter((p) => p.role === 'interviewer' || p.role === 'hiring_manager').map((p) => ({ value: p.id, label: p.name }));
  return (
    <Stack gap="lg" maw={1200}>
      <PageTitle>Interviewers & pools</PageTitle>
      <PoolsSection />
      <Stack gap="sm" component="section" aria-labelledby="availability-heading">
        <Title order={2} size="h3" id="availability-heading">
          Availability
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Interviewer" placeholder="Pick an interviewer" searchable value={selected} onChange={(v) => setParams(v ? { person: v } : {}, { replace: true })} data={options} />
        </SimpleGrid>
        {selected && <AvailabilityEditor key={selected} userId={selected} />}
      </Stack>
    </Stack>
  );
}
