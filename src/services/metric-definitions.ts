/**
 * The five dashboard metrics of DESIGN §6 as people read them: name, title, the definition text
 * every response carries, the columns (order, label, unit) and the cuts. `docs/metrics.md` says
 * the same in prose; change both together.
 */

export const metricNames = ['time-to-schedule', 'reschedule-rate', 'no-show-rate', 'coordinator-load', 'pipeline-aging'] as const;
export type MetricName = (typeof metricNames)[number];

export const cutNames = ['stage', 'requisition', 'client', 'coordinator', 'period', 'interviewer', 'team', 'source', 'leadTime', 'waitingOn'] as const;
export type CutName = (typeof cutNames)[number];

/** Cuts that name internal people or show candidate source: not for client users. */
export const internalCuts: readonly CutName[] = ['coordinator', 'interviewer', 'team', 'source'];

export const cutLabels: Record<CutName, string> = {
  stage: 'Stage',
  requisition: 'Requisition',
  client: 'Client',
  coordinator: 'Coordinator',
  period: 'Period',
  interviewer: 'Interviewer',
  team: 'Team (pool)',
  source: 'Candidate source',
  leadTime: 'Lead time',
  waitingOn: 'Waiting on',
};

export type ColumnFormat = 'count' | 'hours' | 'rate' | 'ratio';

export interface MetricColumn {
  key: string;
  label: string;
  format: ColumnFormat;
}

export interface MetricDefinition {
  name: MetricName;
  title: string;
  definition: string;
  /** The column a chart draws. */
  headline: string;
  columns: MetricColumn[];
  cuts: CutName[];
  /** Whether `from`/`to` select the rows; pipeline aging is a snapshot of now. */
  usesPeriod: boolean;
}

const count = (key: string, label: string): MetricColumn => ({ key, label, format: 'count' });

export const metricDefinitions: Record<MetricName, MetricDefinition> = {
  'time-to-schedule': {
    name: 'time-to-schedule',
    title: 'Time to schedule',
    definition:
      'Hours from a scheduling request entering ready (when it was opened) to its first booking, for requests whose first booking falls in the period; median and 90th percentile (nearest rank). Later reschedules do not count again. By coordinator, a request counts for each coordinator named on its requisition; by period, it counts in the day, ISO week (Monday, UTC) or month of its first booking.',
    headline: 'medianHours',
    columns: [count('scheduled', 'Requests booked'), { key: 'medianHours', label: 'Median (hours)', format: 'hours' }, { key: 'p90Hours', label: 'p90 (hours)', format: 'hours' }],
    cuts: ['stage', 'requisition', 'client', 'coordinator', 'period'],
    usesPeriod: true,
  },
  'reschedule-rate': {
    name: 'reschedule-rate',
    title: 'Reschedule rate',
    definition:
      'Interviews booked in the period that were rescheduled at least once (a reschedule or reopen step recorded on their request while they were its interview) ÷ interviews booked in the period. The initiator columns count interviews rescheduled at least once at the candidate’s, staff’s, an interviewer’s or the client’s request. By interviewer or team (pool), an interview counts for each person ever assigned to it and each pool they belong to.',
    headline: 'rate',
    columns: [
      count('booked', 'Booked'),
      count('rescheduled', 'Rescheduled'),
      { key: 'rate', label: 'Rate', format: 'rate' },
      count('byCandidate', 'By candidate'),
      count('byStaff', 'By staff'),
      count('byInterviewer', 'By interviewer'),
      count('byClient', 'By client'),
    ],
    cuts: ['interviewer', 'team', 'requisition', 'client', 'stage'],
    usesPeriod: true,
  },
  'no-show-rate': {
    name: 'no-show-rate',
    title: 'No-show rate',
    definition:
      'No-show outcomes (candidate or interviewer) ÷ interviews that started in the period, before now, and have an outcome recorded. Lead time is the time from the booking that set the interview’s final time (its booking, or its last reschedule before it started) to its start: under 24 h, 24–72 h, over 72 h.',
    headline: 'rate',
    columns: [
      count('withOutcome', 'With outcome'),
      count('noShows', 'No-shows'),
      { key: 'rate', label: 'Rate', format: 'rate' },
      count('candidateNoShows', 'Candidate no-shows'),
      count('interviewerNoShows', 'Interviewer no-shows'),
    ],
    cuts: ['stage', 'source', 'leadTime', 'requisition', 'client'],
    usesPeriod: true,
  },
  'coordinator-load': {
    name: 'coordinator-load',
    title: 'Coordinator load',
    definition:
      'Manual staff touches ÷ interviews booked in the period. A touch is an offer (sending or resending times), booking, reschedule, reopen or cancellation step taken in the period by a signed-in admin, recruiter, coordinator or hiring manager; steps by candidates, clients, interviewers, API keys and the system do not count. By coordinator, a person’s touches are divided by the interviews booked in the period on the requests they touched; by period, touches and bookings count in their own day, ISO week or month.',
    headline: 'perInterview',
    columns: [count('touches', 'Touches'), count('booked', 'Booked'), { key: 'perInterview', label: 'Touches per interview', format: 'ratio' }],
    cuts: ['coordinator', 'requisition', 'period', 'client', 'stage'],
    usesPeriod: true,
  },
  'pipeline-aging': {
    name: 'pipeline-aging',
    title: 'Pipeline aging',
    definition:
      'Open scheduling requests (ready, offered, or booked and awaiting the client’s approval) that wait on somebody right now, by how long they have waited on that party (since the request’s latest step): under 1 day, 1–3 days, 3–7 days, over 7 days; and by whom they wait on (coordinator, candidate, interviewers, client). A snapshot at the time of the request: the period does not apply.',
    headline: 'open',
    columns: [
      count('open', 'Open'),
      count('lt1d', '< 1 d'),
      count('d1to3', '1–3 d'),
      count('d3to7', '3–7 d'),
      count('gt7d', '> 7 d'),
      count('waitingOnCoordinator', 'On coordinator'),
      count('waitingOnCandidate', 'On candidate'),
      count('waitingOnInterviewers', 'On interviewers'),
      count('waitingOnClient', 'On client'),
      { key: 'medianAgeHours', label: 'Median age (hours)', format: 'hours' },
    ],
    cuts: ['stage', 'requisition', 'client', 'waitingOn'],
    usesPeriod: false,
  },
};
