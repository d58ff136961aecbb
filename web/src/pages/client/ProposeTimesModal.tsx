import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type ClientInterview, useProposeTimes } from '../../api/client-portal';
import { useWindowRowsForm } from '../../components/useWindowRowsForm';
import { addDays, todayIn, zoneLongName } from '../candidate/time';
import { newWindowRow } from '../candidate/WindowRows';
import { Notice } from '../candidate/Notice';

const MAX_WINDOWS = 20;

/** Instead of the booked time, the client proposes windows (in their zone) for the recruiting team. */
export function ProposeTimesModal({ interview, zone, onClose }: { interview: ClientInterview; zone: string; onClose: () => void }) {
  const propose = useProposeTimes();
  const { check, fields } = useWindowRowsForm({
    zone,
    initial: () => newWindowRow(addDays(todayIn(zone), 2), '09:00', '12:00'),
    max: MAX_WINDOWS,
    summary: () => 'Please fix the highlighted fields.',
  });
  const [reason, setReason] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const windows = check();
    if (!windows) return;
    propose.mutate({ id: interview.id, windows, ...(reason.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={`Propose other times for ${interview.candidate.name}`} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            The booked time is released and the recruiting team books one of your windows with the candidate. Times in {zoneLongName(zone)}.
          </Text>
          {fields}
          <Textarea label="Note for the recruiting team (optional)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} autosize minRows={2} />
          {propose.error && (
            <Notice color="red" title="Your times were not sent" role="alert">
              {propose.error.message}
            </Notice>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={propose.isPending}>
              Send proposed times
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
