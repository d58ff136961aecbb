import { Alert, Badge, Button, Card, Group, NumberInput, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useProfile, useSaveProfile } from '../../../api/workspace/people';
import { type Profile, WEEKDAYS } from '../../../api/workspace/types';
import { fieldErrors } from '../requisitions/fieldErrors';
import { RecordState, useIsStaff } from '../shared';
import { BlocksEditor } from './BlocksEditor';
import { OverridesEditor } from './OverridesEditor';
import { rangeProblem, WeeklyHoursEditor } from './WeeklyHoursEditor';

/** A person's availability: weekly hours, limits, tags (staff), one-off overrides and blocked time. */
export function AvailabilityEditor({ userId }: { userId: string }) {
  const profile = useProfile(userId);
  return (
    <RecordState isPending={profile.isPending} error={profile.error}>
      {profile.data && (
        <Stack gap="lg">
          <ProfileForm key={profile.data.userId} profile={profile.data} />
          <OverridesEditor userId={userId} timeZone={profile.data.timeZone} canEdit={profile.data.canEdit} />
          <BlocksEditor userId={userId} timeZone={profile.data.timeZone} canEdit={profile.data.canEdit} />
        </Stack>
      )}
    </RecordState>
  );
}

function ProfileForm({ profile }: { profile: Profile }) {
  const staff = useIsStaff();
  const save = useSaveProfile(profile.userId);
  const [hours, setHours] = useState(profile.weeklyHours);
  const [perDay, setPerDay] = useState<number | null>(profile.maxInterviewsPerDay);
  const [perWeek, setPerWeek] = useState<number | null>(profile.maxInterviewsPerWeek);
  const [tags, setTags] = useState(profile.tags);
  const errors = fieldErrors(save.error);
  const invalid = WEEKDAYS.some((day) => (hours[day] ?? []).some((_, k, ranges) => rangeProblem(ranges, k)));
  const disabled = !profile.canEdit;
  return (
    <Card withBorder component="section" aria-labelledby="hours-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid) return;
          save.mutate({ weeklyHours: hours, maxInterviewsPerDay: perDay, maxInterviewsPerWeek: perWeek, ...(staff ? { tags } : {}) });
        }}
      >
        <Stack gap="md">
          <Group justify="space-between">
            <div>
              <Title order={2} size="h4" id="hours-heading">
                Weekly hours of {profile.name}
              </Title>
              <Text size="sm" c="dimmed">
                In {profile.timeZone}, the person’s own time zone.
              </Text>
            </div>
            <Group gap={4}>
              {profile.pools.map((p) => (
                <Badge key={p.id} variant="outline">
                  {p.name}
                </Badge>
              ))}
            </Group>
          </Group>
          {save.error && (
            <Alert color="red" role="alert" title="Not saved">
              {save.error.message}
            </Alert>
          )}
          {save.isSuccess && (
            <Alert color="green" role="status">
              Saved. New options use these hours.
            </Alert>
          )}
          <WeeklyHoursEditor value={hours} disabled={disabled} errors={errors} onChange={setHours} />
          <Group align="flex-start">
            <NumberInput label="Interviews per day (max)" placeholder="No limit" w={200} min={1} max={20} disabled={disabled} value={perDay ?? ''} onChange={(v) => setPerDay(typeof v === 'number' ? v : null)} error={errors.get('maxInterviewsPerDay')} />
            <NumberInput label="Interviews per week (max)" placeholder="No limit" w={200} min={1} max={100} disabled={disabled} value={perWeek ?? ''} onChange={(v) => setPerWeek(typeof v === 'number' ? v : null)} error={errors.get('maxInterviewsPerWeek')} />
            {staff ? (
              <TagsInput label="Tags" description="Lower-case words, e.g. technical" miw={260} value={tags} onChange={setTags} error={[...errors].find(([p]) => p.startsWith('tags'))?.[1]} />
            ) : (
              <div>
                <Text size="sm" fw={500}>
                  Tags
                </Text>
                <Group gap={4} mt={4}>
                  {profile.tags.length === 0 ? <Text size="sm" c="dimmed">None</Text> : profile.tags.map((t) => <Badge key={t} variant="light">{t}</Badge>)}
                </Group>
              </div>
            )}
          </Group>
          {!disabled && (
            <Group justify="flex-end">
              {invalid && <Text size="sm" c="red.9">Fix the highlighted ranges first.</Text>}
              <Button type="submit" loading={save.isPending} disabled={invalid}>
                Save hours and limits
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}
