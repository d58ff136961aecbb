import { ComingSoonPage } from '../../ComingSoonPage';

/** Placeholder until the page is built. */
export function DashboardsPage() {
  return <ComingSoonPage title="Dashboards" description="Time to schedule, reschedules, no-shows and aging." />;
}
