import { Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useAddNote } from '../../../api/workspace/candidates';
import type { Candidate } from '../../../api/workspace/types';
import { formatDateTime, browserZone } from '../format';
import { ErrorAlert } from '../shared';

/** Internal notes (staff, and hiring managers on their candidates): never shown to clients or interviewers. */
export function NotesCard({ candidate }: { candidate: Candidate }) {
  const [body, setBody] = useState('');
  const add = useAddNote(candidate.id);
  const zone = browserZone();
  return (
    <Card withBorder component="section" aria-labelledby="notes-heading">
      <Title order={2} size="h4" id="notes-heading">
        Internal notes
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Staff only: never shown to the candidate, the client or interviewers.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (body.trim()) add.mutate(body.trim(), { onSuccess: () => setBody('') });
        }}
      >
        <Stack gap="xs">
          <ErrorAlert error={add.error} />
          <Textarea label="Add a note" autosize minRows={2} maxLength={5000} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
          <Button type="submit" size="xs" loading={add.isPending} disabled={!body.trim()} style={{ alignSelf: 'flex-start' }}>
            Add note
          </Button>
        </Stack>
      </form>
      <Stack gap="sm" mt="md" component="ul" p={0} style={{ listStyle: 'none' }}>
        {(candidate.notes ?? []).length === 0 && <Text size="sm" c="dimmed">No notes yet.</Text>}
        {candidate.notes?.map((note) => (
          <li key={note.id}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {note.body}
            </Text>
            <Text size="xs" c="dimmed">
              {note.author?.name ?? 'Someone'} · {formatDateTime(note.createdAt, zone)}
            </Text>
          </li>
        ))}
      </Stack>
    </Card>
  );
}
