import { ComingSoonPage } from '../../ComingSoonPage';

/** Placeholder until the page is built. */
export function CalendarConnectionsPage() {
  return <ComingSoonPage title="Calendar connections" description="Connected calendars and their sync state." />;
}
