import { Alert, Button, Center, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { timeZones } from '../../api/admin';
import type { Role } from '../../api/session';
import { useCurrentUser } from '../../components/RequireSession';
import { ROLE_LABELS } from '../../nav';
import { NotFoundPage } from '../NotFoundPage';

/** Admin pages render for admins only; others get the same "not found" the API would answer. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  return user.role === 'admin' ? children : <NotFoundPage />;
}

export const roleOptions = (Object.keys(ROLE_LABELS) as Role[]).map((role) => ({ value: role, label: ROLE_LABELS[role] }));

let zoneOptions: string[] | undefined;

export function TimeZoneSelect({ label, value, onChange, required }: { label: string; value: string; onChange: (zone: string) => void; required?: boolean }) {
  zoneOptions ??= timeZones();
  return (
    <Select
      label={label}
      data={zoneOptions}
      value={value}
      onChange={(zone) => zone && onChange(zone)}
      searchable
      required={required}
      nothingFoundMessage="No such time zone"
      limit={50}
    />
  );
}

/** Loading, error and empty states of a query-backed section (a list, or one record's page), with the API's own message. */
export function QueryState({
  isPending,
  error,
  isEmpty = false,
  empty = '',
  errorTitle = 'Could not load this list',
  children,
}: {
  isPending: boolean;
  error: Error | null;
  isEmpty?: boolean;
  empty?: string;
  errorTitle?: string;
  children: ReactNode;
}) {
  if (isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (error) {
    return (
      <Alert color="red" title={errorTitle} role="alert">
        {error.message}
      </Alert>
    );
  }
  if (isEmpty) return <Text c="dimmed" py="md">{empty}</Text>;
  return children;
}

export function ErrorAlert({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <Alert color="red" title="That did not work" role="alert">
      {error.message}
    </Alert>
  );
}

/** A yes/no dialog for consequential actions (deactivate, archive). */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  color = 'red',
  pending,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <div>{children}</div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={color} onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Previous / next buttons over cursor pages; the caller keeps the stack of cursors. */
export function Pager({ cursors, nextCursor, onChange }: { cursors: string[]; nextCursor: string | null | undefined; onChange: (cursors: string[]) => void }) {
  if (cursors.length === 0 && !nextCursor) return null;
  return (
    <Group justify="flex-end">
      <Button variant="default" size="xs" disabled={cursors.length === 0} onClick={() => onChange(cursors.slice(0, -1))}>
        Previous page
      </Button>
      <Button variant="default" size="xs" disabled={!nextCursor} onClick={() => nextCursor && onChange([...cursors, nextCursor])}>
        Next page
      </Button>
    </Group>
  );
}
