import { Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useCancelInterview } from '../../api/public-links';
import { useRequiredReason } from '../../components/useRequiredReason';
import { StepHeading } from './StepHeading';
import { Notice } from './Notice';

/** Cancel with a reason (the API requires one); the link stops working afterwards. */
export function CancelInterview({ token, onBack, onCanceled }: { token: string; onBack: () => void; onCanceled: () => void }) {
  const cancel = useCancelInterview(token);
  const { check, fieldProps } = useRequiredReason('Please tell us why, in a few words.');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = check();
    if (reason) cancel.mutate(reason, { onSuccess: onCanceled });
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="cancel-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <StepHeading id="cancel-heading" focus>Cancel your interview</StepHeading>
          <Text size="sm">Your recruiter is told right away. After canceling, this link stops working; your recruiter can send a new one.</Text>
          <Textarea {...fieldProps} label="Why are you canceling?" description="Shared with your recruiter." />
          {cancel.error && (
            <Notice color="red" title="Your interview could not be canceled" role="alert">
              {cancel.error.message}
            </Notice>
          )}
          <Stack gap="xs">
            <Button type="submit" size="md" color="red.9" loading={cancel.isPending}>
              Cancel interview
            </Button>
            <Button variant="default" onClick={onBack}>
              Keep my interview
            </Button>
          </Stack>
        </Stack>
      </form>
    </Paper>
  );
}
