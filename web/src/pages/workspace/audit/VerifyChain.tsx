import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useVerifyAudit, type AuditVerification } from '../../../api/admin-integrations';
import { browserZone, formatDateTime } from '../format';
import { label } from './changes';

const problemTitles = { forged: 'Forged anchor', rewritten: 'Hashes recomputed after an edit', truncated: 'Newest events removed' } as const;

/** How much of the chain the keyed anchors protect, in one sentence. */
function Coverage({ result }: { result: AuditVerification }) {
  const { anchors } = result;
  if (anchors.coveredEvents === 0) {
    return <Text size="sm">No anchor covers these events yet: the worker anchors the chain about once a minute.</Text>;
  }
  return (
    <Text size="sm">
      Anchors cover events 1–{anchors.coveredEvents}
      {anchors.lastAnchoredAt && ` (last anchored ${formatDateTime(anchors.lastAnchoredAt, browserZone())})`}; {anchors.unanchoredEvents} newer{' '}
      {anchors.unanchoredEvents === 1 ? 'event is' : 'events are'} not anchored yet.
    </Text>
  );
}

/**
 * Re-computes the hash chain and checks its keyed anchors on the server, and says whether the
 * trail is intact or which check failed.
 */
export function VerifyChain() {
  const verify = useVerifyAudit();
  const result = verify.data;
  const problems = result?.anchors.problems ?? [];
  return (
    <>
      <Group>
        <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
          Verify chain
        </Button>
      </Group>
      <div aria-live="polite">
        {verify.error && (
          <Alert color="red" title="Could not verify the chain" role="alert">
            {verify.error.message}
          </Alert>
        )}
        {result?.ok && (
          <Alert color="green" title="Chain intact" data-testid="verify-result">
            <Text size="sm">All {result.events} events are linked and unchanged since they were recorded.</Text>
            <Coverage result={result} />
          </Alert>
        )}
        {result && !result.ok && (
          <Alert color="red" title={result.firstBreak ? `Chain broken at event #${result.firstBreak.seq}` : 'Anchor check failed'} data-testid="verify-result">
            {result.firstBreak && (
              <>
                <Text size="sm">{result.firstBreak.message}</Text>
                <Text size="sm">
                  Reason: {label(result.firstBreak.reason).toLowerCase()}
                  {result.firstBreak.id && ` · event ${result.firstBreak.id}`}. Events after it cannot be trusted until this is investigated.
                </Text>
              </>
            )}
            {problems.length > 0 && (
              <List size="sm" mt="xs">
                {problems.map((problem) => (
                  <List.Item key={problem.anchorId}>
                    <strong>{problemTitles[problem.reason]}:</strong> {problem.message}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
      </div>
    </>
  );
}
