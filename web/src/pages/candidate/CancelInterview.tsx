import { Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useCancelInterview } from '../../api/public-links';
import { StepHeading } from './StepHeading';
import { Notice } from './Notice';

/** Cancel with a reason (the API requires one); the link stops working afterwards. */
export function CancelInterview({ token, onBack, onCanceled }: { token: string; onBack: () => void; onCanceled: () => void }) {
  const cancel = useCancelInterview(token);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setInvalid(true);
      field.current?.focus();
      return;
    }
    cancel.mutate(reason.trim(), { onSuccess: onCanceled });
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="cancel-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <StepHeading id="cancel-heading" focus>Cancel your interview</StepHeading>
          <Text size="sm">Your recruiter is told right away. After canceling, this link stops working; your recruiter can send a new one.</Text>
          <Textarea
            ref={field}
            label="Why are you canceling?"
            description="Shared with your recruiter."
            required
            value={reason}
            onChange={(e) => { setReason(e.currentTarget.value); setInvalid(false); }}
            error={invalid ? 'Please tell us why, in a few words.' : null}
            errorProps={{ role: 'alert' }}
            maxLength={500}
            autosize
            minRows={3}
          />
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
