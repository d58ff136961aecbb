import { Alert, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useUpdateStage } from '../../../api/workspace/requisitions';
import type { SchedulerRole, Stage, StageKind, StageRules } from '../../../api/workspace/types';
import { humanize } from '../format';
import { fieldErrors } from './fieldErrors';
import { SessionsEditor } from './SessionsEditor';

const KINDS: StageKind[] = ['recruiter_screen', 'hiring_manager', 'panel', 'client', 'other'];
const SCHEDULER_ROLES: { value: SchedulerRole; label: string }[] = [
  { value: 'admin', label: 'Admins' },
  { value: 'recruiter', label: 'Recruiters' },
  { value: 'coordinator', label: 'Coordinators' },
  { value: 'hiring_manager', label: 'Hiring managers' },
];

/** Every rule of a stage; the API validates on save and its field errors show beside the fields. */
export function StageEditor({ requisitionId, stage, onClose }: { requisitionId: string; stage: Stage; onClose: () => void }) {
  const [name, setName] = useState(stage.name);
  const [kind, setKind] = useState<StageKind>(stage.kind);
  const [rules, setRules] = useState<StageRules>(stage.rules);
  const [reminders, setReminders] = useState(stage.rules.reminderOffsetsMinutes.join(', '));
  const update = useUpdateStage(requisitionId);
  const errors = fieldErrors(update.error);
  const set = <K extends keyof StageRules>(key: K, value: StageRules[K]) => setRules((r) => ({ ...r, [key]: value }));
  const hours = rules.candidateHours;
  const setHours = (changes: Partial<StageRules['candidateHours']>) => set('candidateHours', { ...hours, ...changes });
  const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);
  const reminderValues = reminders.split(',').map((s) => s.trim()).filter(Boolean);
  const remindersInvalid = reminderValues.some((s) => !/^\d+$/.test(s));
  const reminderError = remindersInvalid ? 'Whole minutes, separated by commas' : [...errors].find(([path]) => path.startsWith('reminderOffsetsMinutes'))?.[1];

  const save = () => {
    if (remindersInvalid) return;
    update.mutate({ stageId: stage.id, changes: { name: name.trim(), kind, rules: { ...rules, reminderOffsetsMinutes: reminderValues.map(Number) } } });
  };

  return (
    <Card withBorder component="section" aria-labelledby="stage-editor-heading" data-testid="stage-editor" p="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack gap="lg">
          <Group justify="space-between">
            <Title order={2} size="h3" id="stage-editor-heading">
              Rules of “{stage.name}”
            </Title>
            <Button variant="default" size="xs" onClick={onClose}>
              Close
            </Button>
          </Group>
          {update.error && (
            <Alert color="red" title="The rules were not saved" role="alert">
              {update.error.message}
            </Alert>
          )}
          {update.isSuccess && !update.isPending && (
            <Alert color="green" role="status">
              Saved. New scheduling requests use these rules.
            </Alert>
          )}

          <Section title="Stage">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.get('name')} />
              <Select label="Kind" allowDeselect={false} value={kind} onChange={(v) => v && setKind(v as StageKind)} data={KINDS.map((k) => ({ value: k, label: humanize(k) }))} />
              <Select
                label="Mode"
                allowDeselect={false}
                value={rules.mode}
                onChange={(v) => v && set('mode', v as StageRules['mode'])}
                error={errors.get('mode')}
                data={[
                  { value: 'self_schedule', label: 'Candidate self-schedules' },
                  { value: 'availability_request', label: 'Candidate sends availability' },
                  { value: 'coordinator', label: 'Staff book directly' },
                ]}
              />
            </SimpleGrid>
            <Checkbox.Group label="Who may schedule" value={rules.schedulers} onChange={(v) => set('schedulers', v as SchedulerRole[])} error={errors.get('schedulers')}>
              <Group mt={6}>
                {SCHEDULER_ROLES.map((r) => (
                  <Checkbox key={r.value} value={r.value} label={r.label} />
                ))}
              </Group>
            </Checkbox.Group>
            {rules.mode === 'availability_request' && (
              <Switch label="Book the best option as soon as the candidate sends availability" checked={rules.autoBookFromAvailability} onChange={(e) => set('autoBookFromAvailability', e.currentTarget.checked)} />
            )}
          </Section>

          <Section title="Sessions">
            <SessionsEditor sessions={rules.sessions} errors={errors} onChange={(s) => set('sessions', s)} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label="Arrangement"
                allowDeselect={false}
                value={rules.arrangement}
                onChange={(v) => v && set('arrangement', v as StageRules['arrangement'])}
                data={[{ value: 'back_to_back', label: 'Back to back' }, { value: 'same_day', label: 'Same day' }]}
              />
              <NumberInput label="Break between sessions (minutes)" min={0} max={240} value={rules.breakMinutes} onChange={(v) => set('breakMinutes', num(v))} error={errors.get('breakMinutes')} />
            </SimpleGrid>
          </Section>

          <Section title="Timing">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <NumberInput label="Options to offer" min={1} max={10} value={rules.optionsCount} onChange={(v) => set('optionsCount', num(v))} error={errors.get('optionsCount')} />
              <NumberInput label="Minimum notice (hours)" min={0} max={720} value={rules.minNoticeHours} onChange={(v) => set('minNoticeHours', num(v))} error={errors.get('minNoticeHours')} />
              <NumberInput label="Booking horizon (days)" min={1} max={90} value={rules.horizonDays} onChange={(v) => set('horizonDays', num(v))} error={errors.get('horizonDays')} />
              <NumberInput label="Buffer between interviews (minutes)" min={0} max={120} value={rules.bufferMinutes} onChange={(v) => set('bufferMinutes', num(v))} error={errors.get('bufferMinutes')} />
            </SimpleGrid>
          </Section>

          <Section title="Candidate hours" description="In the candidate’s own time zone.">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput type="time" label="From" value={hours.start} onChange={(e) => setHours({ start: e.currentTarget.value })} error={errors.get('candidateHours.start')} />
              <TextInput type="time" label="Until" value={hours.end} onChange={(e) => setHours({ end: e.currentTarget.value })} error={errors.get('candidateHours.end')} />
              <TextInput type="time" label="Evenings until" disabled={!hours.eveningsAllowed} value={hours.eveningEnd} onChange={(e) => setHours({ eveningEnd: e.currentTarget.value })} error={errors.get('candidateHours.eveningEnd')} />
            </SimpleGrid>
            <Group>
              <Switch label="Evening slots" checked={hours.eveningsAllowed} onChange={(e) => setHours({ eveningsAllowed: e.currentTarget.checked })} />
              <Switch label="Weekends" checked={hours.weekendsAllowed} onChange={(e) => setHours({ weekendsAllowed: e.currentTarget.checked })} />
            </Group>
          </Section>

          <Section title="Client">
            <Group>
              <Switch label="Visible to the client" checked={rules.clientVisible} onChange={(e) => set('clientVisible', e.currentTarget.checked)} error={errors.get('clientVisible')} />
              <Switch label="Client approves the booked time" checked={rules.clientApprovalRequired} onChange={(e) => set('clientApprovalRequired', e.currentTarget.checked)} error={errors.get('clientApprovalRequired')} />
            </Group>
          </Section>

          <Section title="Reschedules, reminders and location">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput label="Candidate may reschedule until (hours before)" min={0} max={168} value={rules.reschedule.cutoffHours} onChange={(v) => set('reschedule', { ...rules.reschedule, cutoffHours: num(v) })} error={errors.get('reschedule.cutoffHours')} />
              <NumberInput label="Reschedules by the candidate (max)" min={0} max={10} value={rules.reschedule.maxByCandidate} onChange={(v) => set('reschedule', { ...rules.reschedule, maxByCandidate: num(v) })} error={errors.get('reschedule.maxByCandidate')} />
              <TextInput label="Reminders (minutes before)" description="e.g. 1440, 60 for a day and an hour" value={reminders} onChange={(e) => setReminders(e.currentTarget.value)} error={reminderError} />
            </SimpleGrid>
            <TextInput label="Location or video link" value={rules.location ?? ''} onChange={(e) => set('location', e.currentTarget.value || null)} error={errors.get('location')} />
          </Section>

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save rules
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={700} size="md" p={0}>
        {title}
        {description && (
          <Text span size="sm" c="dimmed" fw={400}>
            {' '}
            {description}
          </Text>
        )}
      </Text>
      {children}
    </Stack>
  );
}
