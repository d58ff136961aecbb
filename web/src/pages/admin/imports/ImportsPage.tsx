import { ComingSoonPage } from '../../ComingSoonPage';

/** Placeholder until the page is built. */
export function ImportsPage() {
  return <ComingSoonPage title="Import" description="Import candidates and requisitions from a CSV file." />;
}
