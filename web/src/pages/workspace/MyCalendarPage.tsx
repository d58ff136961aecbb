import { ComingSoonPage } from '../ComingSoonPage';

/** Placeholder until the page is built. */
export function MyCalendarPage() {
  return <ComingSoonPage title="My calendar" description="Connect your calendar so Loopwise sees when you are busy." />;
}
