import { ComingSoonPage } from '../ComingSoonPage';

/** Placeholder until the page is built. */
export function ClientDashboardPage() {
  return <ComingSoonPage title="Dashboard" description="Scheduling metrics for your requisitions." />;
}
