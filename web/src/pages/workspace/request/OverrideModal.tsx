import { Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Explanation } from '../../../api/workspace/types';
import { ErrorAlert } from '../shared';

/** The API refused a booking over load limits: book again only with a reason (kept in the audit trail). */
export function OverrideModal({
  refusal,
  pending,
  error,
  onClose,
  onSubmit,
}: {
  refusal: { violations: Explanation[] } | null;
  pending: boolean;
  error: Error | null;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < 3;
  return (
    <Modal opened={refusal !== null} onClose={onClose} title="Book over the interview limits?" centered size="lg">
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Text size="sm">This booking goes over interview limits:</Text>
        <List size="sm" spacing={4}>
          {refusal?.violations.map((v, k) => <List.Item key={k}>{v.message}</List.Item>)}
        </List>
        <Textarea
          label="Reason for the override"
          description="Required. It is recorded in the audit trail with the exceeded limits."
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          onBlur={() => setTouched(true)}
          error={touched && tooShort ? 'Give a reason of at least 3 characters' : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="orange"
            loading={pending}
            onClick={() => {
              setTouched(true);
              if (!tooShort) onSubmit(reason.trim());
            }}
          >
            Book with override
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
