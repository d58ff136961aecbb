import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../client';
import { useInterviews } from './interviews';
import type { Profile, SolverOption } from './types';

/** An interviewer's booked interviews on the option's day and week (in their zone), against their limits. */
export type Load = { day: number; week: number; perDay: number | null; perWeek: number | null };

const DAY = 86_400_000;

function dayKey(at: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/** Monday of the instant's week in the zone, as YYYY-MM-DD. */
function weekKey(at: number, zone: string): string {
  const weekday = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(new Date(at));
  const back = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(weekday);
  return dayKey(at - Math.max(0, back) * DAY, zone);
}

/**
 * The API's options carry no load; this counts each assigned person's confirmed and pending
 * interviews from the interview list and reads their limits from their profile.
 */
export function useOptionLoads(options: SolverOption[]): (personId: string, zone: string, start: string) => Load | undefined {
  const starts = options.map((o) => Date.parse(o.start));
  const from = starts.length ? new Date(Math.min(...starts) - 8 * DAY).toISOString() : undefined;
  const to = starts.length ? new Date(Math.max(...starts) + 8 * DAY).toISOString() : undefined;
  const interviews = useInterviews({ from, to }, starts.length > 0);
  const ids = [...new Set(options.flatMap((o) => o.sessions.flatMap((s) => s.interviewers.map((p) => p.id))))].sort();
  const profiles = useQueries({
    queries: ids.map((id) => ({ queryKey: ['profiles', id], queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Profile>(`/api/v1/users/${id}/working-hours`, signal) })),
  });
  const limits = new Map(profiles.flatMap((p) => (p.data ? [[p.data.userId, p.data] as const] : [])));
  const booked = useMemo(() => {
    const byPerson = new Map<string, number[]>();
    for (const interview of interviews.data?.items ?? []) {
      if (interview.status === 'canceled') continue;
      const people = new Set(interview.sessions.flatMap((s) => s.interviewers.map((p) => p.id)));
      for (const id of people) byPerson.set(id, [...(byPerson.get(id) ?? []), Date.parse(interview.startsAt)]);
    }
    return byPerson;
  }, [interviews.data]);

  return (personId, zone, start) => {
    if (!interviews.data) return undefined;
    const at = Date.parse(start);
    const mine = booked.get(personId) ?? [];
    const profile = limits.get(personId);
    return {
      day: mine.filter((t) => dayKey(t, zone) === dayKey(at, zone)).length,
      week: mine.filter((t) => weekKey(t, zone) === weekKey(at, zone)).length,
      perDay: profile?.maxInterviewsPerDay ?? null,
      perWeek: profile?.maxInterviewsPerWeek ?? null,
    };
  };
}
