import { Card, Text, Timeline, Title } from '@mantine/core';
import { useAudit } from '../../../api/workspace/candidates';
import type { Candidate, SchedulingRequest } from '../../../api/workspace/types';
import { browserZone, formatDateTime, humanize, STATUS_LABELS } from '../format';
import { QueryState, useIsStaff } from '../shared';

type Entry = { key: string; at: string; title: string; detail: string | null; who: string };

/**
 * The candidate's story, newest first: the audit trail (views, edits, notes, applications; staff
 * only, as the audit API is) merged with the transitions of their scheduling requests.
 */
export function CandidateTimeline({ candidate, requests }: { candidate: Candidate; requests: SchedulingRequest[] }) {
  const staff = useIsStaff();
  const audit = useAudit('candidate', candidate.id, staff);
  const zone = browserZone();
  const entries: Entry[] = [
    ...(audit.data?.items ?? []).map((e) => ({ key: e.id, at: e.occurredAt, title: humanize(e.action), detail: describeChanges(e.changes), who: e.actor.label ?? humanize(e.actor.type) })),
    ...requests.flatMap((r) =>
      r.transitions.map((t, k) => ({
        key: `${r.id}-${k}`,
        at: t.at,
        title: `${r.stage.name}: ${STATUS_LABELS[t.to].toLowerCase()}`,
        detail: t.reason,
        who: t.initiator ? humanize(t.initiator) : t.actorType === 'user' ? 'Staff' : humanize(t.actorType),
      })),
    ),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card withBorder component="section" aria-labelledby="timeline-heading">
      <Title order={2} size="h4" mb="sm" id="timeline-heading">
        Timeline
      </Title>
      <QueryState isPending={staff && audit.isPending} error={audit.error} isEmpty={entries.length === 0} empty="Nothing recorded yet.">
        <Timeline bulletSize={12} lineWidth={2}>
          {entries.map((entry) => (
            <Timeline.Item key={entry.key} title={entry.title}>
              <Text size="xs" c="dimmed">
                {entry.who} · {formatDateTime(entry.at, zone)}
              </Text>
              {entry.detail && <Text size="xs">{entry.detail}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </QueryState>
      {!staff && (
        <Text size="xs" c="dimmed" mt="sm">
          Audit events are shown to admins, recruiters and coordinators.
        </Text>
      )}
    </Card>
  );
}

function describeChanges(changes: Record<string, unknown> | null): string | null {
  if (!changes) return null;
  const entries = Object.entries(changes).filter(([, v]) => v !== null && typeof v !== 'object');
  if (entries.length === 0) return null;
  return entries
    .slice(0, 4)
    .map(([k, v]) => `${humanize(k)}: ${String(v)}`)
    .join(' · ');
}
