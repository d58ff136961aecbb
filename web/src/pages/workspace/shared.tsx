import { Anchor, Badge, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../api/session';
import type { RequestStatus } from '../../api/workspace/types';
import { useCurrentUser } from '../../components/RequireSession';
import { NotFoundPage } from '../NotFoundPage';
import { STATUS_COLORS, STATUS_LABELS } from './format';
import './workspace.css';

import { QueryState } from '../admin/shared';

export { ConfirmModal, ErrorAlert, Pager, QueryState } from '../admin/shared';

export const STAFF: Role[] = ['admin', 'recruiter', 'coordinator'];
export const SCHEDULERS: Role[] = [...STAFF, 'hiring_manager'];

/** A page for some roles only; others get the "not found" the API would answer. */
export function RoleGate({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  return roles.includes(user.role) ? <Workspace>{children}</Workspace> : <NotFoundPage />;
}

/** The workspace's page root (its contrast-safe colors apply inside). */
export function Workspace({ children }: { children: ReactNode }) {
  return <div data-workspace>{children}</div>;
}

export function useIsStaff(): boolean {
  return STAFF.includes(useCurrentUser().role);
}

/** Loading and error state of a single record's page. */
export function RecordState({ isPending, error, children }: { isPending: boolean; error: Error | null; children: ReactNode }) {
  return (
    <QueryState isPending={isPending} error={error} errorTitle="Could not load this page">
      {children}
    </QueryState>
  );
}

export function StatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function RecordLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to}>
      {children}
    </Anchor>
  );
}

/** A zone named next to the times shown in it. */
export function ZoneNote({ label, zone }: { label: string; zone: string }) {
  return (
    <Text size="xs" c="dimmed">
      {label} · {zone}
    </Text>
  );
}
