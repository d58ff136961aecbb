import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { type ClientInterview, useProposeTimes } from '../../api/client-portal';
import { addDays, todayIn, zoneLongName } from '../candidate/time';
import { newWindowRow, type RowErrors, rowsToWindows, validateRows, type WindowRow, WindowRowsEditor } from '../candidate/WindowRows';
import { Notice } from '../candidate/Notice';

const MAX_WINDOWS = 20;

/** Instead of the booked time, the client proposes windows (in their zone) for the recruiting team. */
export function ProposeTimesModal({ interview, zone, onClose }: { interview: ClientInterview; zone: string; onClose: () => void }) {
  const propose = useProposeTimes();
  const [rows, setRows] = useState<WindowRow[]>(() => [newWindowRow(addDays(todayIn(zone), 2), '09:00', '12:00')]);
  const [errors, setErrors] = useState<Record<number, RowErrors>>({});
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState<string | null>(null);
  const idPrefix = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateRows(rows, zone, idPrefix);
    setErrors(checked.errors);
    if (checked.firstInvalidId) {
      setSummary('Please fix the highlighted fields.');
      document.getElementById(checked.firstInvalidId)?.focus();
      return;
    }
    setSummary(null);
    propose.mutate({ id: interview.id, windows: rowsToWindows(rows, zone), ...(reason.trim() ? { reason: reason.trim() } : {}) }, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title={`Propose other times for ${interview.candidate.name}`} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            The booked time is released and the recruiting team books one of your windows with the candidate. Times in {zoneLongName(zone)}.
          </Text>
          {summary && (
            <Notice color="red" title="Some windows need a fix" role="alert">
              {summary}
            </Notice>
          )}
          <WindowRowsEditor
            rows={rows}
            errors={errors}
            zone={zone}
            idPrefix={idPrefix}
            max={MAX_WINDOWS}
            onChange={(next, changed) => {
              setRows(next);
              if (changed !== undefined) setErrors((current) => ({ ...current, [changed]: {} }));
            }}
          />
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
