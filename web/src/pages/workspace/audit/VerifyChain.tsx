import { Alert, Button, Group, Text } from '@mantine/core';
import { useVerifyAudit } from '../../../api/admin-integrations';
import { label } from './changes';

/** Re-computes the hash chain on the server and says whether it is intact or where it breaks. */
export function VerifyChain() {
  const verify = useVerifyAudit();
  const result = verify.data;
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
            All {result.events} events are linked and unchanged since they were recorded.
          </Alert>
        )}
        {result && !result.ok && (
          <Alert color="red" title={`Chain broken at event #${result.firstBreak?.seq ?? '?'}`} data-testid="verify-result">
            <Text size="sm">{result.firstBreak?.message}</Text>
            {result.firstBreak && (
              <Text size="sm">
                Reason: {label(result.firstBreak.reason).toLowerCase()}
                {result.firstBreak.id && ` · event ${result.firstBreak.id}`}. Events after it cannot be trusted until this is investigated.
              </Text>
            )}
          </Alert>
        )}
      </div>
    </>
  );
}
