import { ActionIcon, Button, Card, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { usePeople, usePools } from '../../../api/workspace/people';
import type { Requirement, StageSession } from '../../../api/workspace/types';

type Props = { sessions: StageSession[]; errors: Map<string, string>; onChange: (sessions: StageSession[]) => void };

/** Sessions with duration and interviewer requirements: named people, or a pool with a count and an optional tag. */
export function SessionsEditor({ sessions, errors, onChange }: Props) {
  const pools = usePools();
  const people = usePeople();
  const poolOptions = (pools.data?.items ?? []).map((p) => ({ value: p.id, label: p.requiredTag ? `${p.name} (${p.requiredTag})` : p.name }));
  const peopleOptions = (people.data?.items ?? []).filter((p) => p.role !== 'client_user').map((p) => ({ value: p.id, label: p.name }));
  const set = (k: number, session: StageSession) => onChange(sessions.map((s, i) => (i === k ? session : s)));
  const setReq = (k: number, r: number, requirement: Requirement) => set(k, { ...sessions[k]!, requirements: sessions[k]!.requirements.map((x, i) => (i === r ? requirement : x)) });

  return (
    <Stack gap="sm">
      {errors.get('sessions') && <Text c="red.9" size="sm" role="alert">Sessions: {errors.get('sessions')}</Text>}
      {sessions.map((session, k) => (
        <Card key={k} withBorder padding="sm" component="fieldset" aria-label={`Session ${k + 1}`} style={{ margin: 0 }}>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={`Session ${k + 1} name`} value={session.name} onChange={(e) => set(k, { ...session, name: e.currentTarget.value })} error={errors.get(`sessions.${k}.name`)} required />
            <NumberInput label="Duration (minutes)" w={150} min={10} max={480} step={5} value={session.durationMinutes} onChange={(v) => set(k, { ...session, durationMinutes: Number(v) || 0 })} error={errors.get(`sessions.${k}.durationMinutes`)} />
            <Button variant="subtle" color="red" size="xs" disabled={sessions.length === 1} onClick={() => onChange(sessions.filter((_, i) => i !== k))}>
              Remove session
            </Button>
          </Group>
          <Text size="sm" fw={600} mt="sm">
            Interviewers
          </Text>
          {errors.get(`sessions.${k}.requirements`) && <Text c="red.9" size="sm">{errors.get(`sessions.${k}.requirements`)}</Text>}
          <Stack gap="xs" mt={4}>
            {session.requirements.map((req, r) => {
              const base = `sessions.${k}.requirements.${r}`;
              return (
                <Group key={r} align="flex-end" wrap="wrap" gap="xs">
                  <Select
                    label="From"
                    w={130}
                    allowDeselect={false}
                    value={req.kind}
                    data={[{ value: 'pool', label: 'A pool' }, { value: 'people', label: 'Named people' }]}
                    onChange={(v) => setReq(k, r, v === 'people' ? { kind: 'people', personIds: [] } : { kind: 'pool', poolId: poolOptions[0]?.value ?? '', count: 1, tag: null })}
                  />
                  {req.kind === 'people' ? (
                    <MultiSelect label="People" miw={260} searchable data={peopleOptions} value={req.personIds} onChange={(ids) => setReq(k, r, { ...req, personIds: ids })} error={errors.get(`${base}.personIds`)} />
                  ) : (
                    <>
                      <Select label="Pool" w={200} data={poolOptions} value={req.poolId || null} onChange={(v) => setReq(k, r, { ...req, poolId: v ?? '' })} error={errors.get(`${base}.poolId`)} />
                      <NumberInput label="How many" w={100} min={1} max={10} value={req.count} onChange={(v) => setReq(k, r, { ...req, count: Number(v) || 0 })} error={errors.get(`${base}.count`)} />
                      <TextInput label="With tag" placeholder="any" w={130} value={req.tag ?? ''} onChange={(e) => setReq(k, r, { ...req, tag: e.currentTarget.value.trim() || null })} error={errors.get(`${base}.tag`)} />
                    </>
                  )}
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={`Remove requirement ${r + 1} of session ${k + 1}`}
                    disabled={session.requirements.length === 1}
                    onClick={() => set(k, { ...session, requirements: session.requirements.filter((_, i) => i !== r) })}
                  >
                    ×
                  </ActionIcon>
                </Group>
              );
            })}
            <Group>
              <Button variant="light" size="xs" onClick={() => set(k, { ...session, requirements: [...session.requirements, { kind: 'pool', poolId: poolOptions[0]?.value ?? '', count: 1, tag: null }] })}>
                Add requirement
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <Group>
        <Button variant="default" size="xs" disabled={sessions.length >= 8} onClick={() => onChange([...sessions, { name: `Session ${sessions.length + 1}`, durationMinutes: 45, requirements: [{ kind: 'pool', poolId: poolOptions[0]?.value ?? '', count: 1, tag: null }] }])}>
          Add session
        </Button>
      </Group>
    </Stack>
  );
}
