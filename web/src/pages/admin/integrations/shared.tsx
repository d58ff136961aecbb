import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { browserZone, formatDateTime } from '../../workspace/format';
import { Workspace } from '../../workspace/shared';
import { AdminOnly } from '../shared';

/** An admin page root with the workspace's contrast-safe badge colors. */
export function AdminPage({ children }: { children: ReactNode }) {
  return (
    <AdminOnly>
      <Workspace>{children}</Workspace>
    </AdminOnly>
  );
}

/** An instant in the browser's zone, or a dimmed dash when there is none. */
export function When({ at, none = '—' }: { at: string | null; none?: string }) {
  if (!at) return <Text span c="dimmed" size="sm">{none}</Text>;
  return (
    <Text span size="sm">
      {formatDateTime(at, browserZone())}
    </Text>
  );
}
