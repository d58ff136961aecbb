import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { Alternative } from '../../../api/workspace/types';
import { formatDateTime, formatRange } from '../format';

/** The fresh options a 409 answers with, bookable in one click. */
export function AlternativesList({ alternatives, zone, canBook, pendingId, onBook }: { alternatives: Alternative[]; zone: string; canBook: boolean; pendingId: string | null; onBook: (id: string) => void }) {
  return (
    <Alert color="orange" title="That time was just taken — fresh alternatives" data-testid="alternatives">
      {alternatives.length === 0 ? (
        <Text size="sm">Nothing else fits right now. Check the explanation below or change the stage’s rules.</Text>
      ) : (
        <Stack gap="xs">
          {alternatives.map((alt) => (
            <Group key={alt.id} justify="space-between" wrap="nowrap">
              <div>
                <Text size="sm" fw={600}>
                  {formatDateTime(alt.start, zone)} <Text span size="xs" c="dimmed">(candidate · {zone})</Text>
                </Text>
                <Text size="xs">
                  {alt.sessions.map((s) => `${s.name} ${formatRange(s.start, s.end, zone)}: ${s.interviewers.join(', ')}`).join(' · ')}
                </Text>
              </div>
              {canBook && (
                <Button size="xs" onClick={() => onBook(alt.id)} loading={pendingId === alt.id}>
                  Book
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Alert>
  );
}
