import { Badge } from '@mantine/core';
import type { DeliveryStatus } from '../../../api/admin-integrations';

const COLORS: Record<DeliveryStatus, string> = { pending: 'yellow', sent: 'green', failed: 'red', canceled: 'gray' };
const LABELS: Record<DeliveryStatus, string> = { pending: 'Pending', sent: 'Sent', failed: 'Failed', canceled: 'Canceled' };

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <Badge variant="light" color={COLORS[status]}>
      {LABELS[status]}
    </Badge>
  );
}
