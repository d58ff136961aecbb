import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from './interval.js';
import {
  ageBucket,
  groupRows,
  leadTimeBucket,
  median,
  percentile,
  periodGranularity,
  periodOf,
  rate,
  summarizeAging,
  summarizeCoordinatorLoad,
  summarizeNoShows,
  summarizeReschedules,
  summarizeTimeToSchedule,
} from './metrics.js';

const t0 = Date.parse('2026-11-02T00:00:00Z');

describe('median and p90', () => {
  it('take the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('p90 is the nearest rank: the smallest value with 90% at or below it', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11], 90)).toBe(10);
    expect(percentile([3, 1, 2], 90)).toBe(3);
  });
});

describe('buckets', () => {
  it('age: < 1 d, 1–3 d, 3–7 d, > 7 d with the edges where people expect them', () => {
    expect(ageBucket(0)).toBe('lt1d');
    expect(ageBucket(DAY - 1)).toBe('lt1d');
    expect(ageBucket(DAY)).toBe('d1to3');
    expect(ageBucket(3 * DAY - 1)).toBe('d1to3');
    expect(ageBucket(3 * DAY)).toBe('d3to7');
    expect(ageBucket(7 * DAY)).toBe('d3to7');
    expect(ageBucket(7 * DAY + 1)).toBe('gt7d');
  });

  it('lead time: < 24 h, 24–72 h inclusive, > 72 h', () => {
    expect(leadTimeBucket(23 * HOUR)).toBe('lt24h');
    expect(leadTimeBucket(24 * HOUR)).toBe('h24to72');
    expect(leadTimeBucket(72 * HOUR)).toBe('h24to72');
    expect(leadTimeBucket(72 * HOUR + 1)).toBe('gt72h');
  });
});

describe('rates and grouping', () => {
  it('a rate is null when nothing was counted, else rounded to 4 decimals', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(2, 2)).toBe(1);
  });

  it('groups rows by label, a row in several groups counts once in each', () => {
    const rows = [{ p: ['b', 'a'] }, { p: ['a'] }, { p: [] }];
    const groups = groupRows(rows, (r) => r.p.map((k) => ({ key: k, label: k.toUpperCase() })));
    expect(groups.map((g) => [g.key, g.rows.length])).toEqual([['a', 2], ['b', 1]]);
  });

  it('ordered cuts sort by rank, not by label', () => {
    const groups = groupRows([3, 1, 2], (n) => [{ key: String(n), label: `z${4 - n}`, rank: n }]);
    expect(groups.map((g) => g.key)).toEqual(['1', '2', '3']);
  });

  it('periods: days up to 14 days, ISO weeks up to 120, months beyond', () => {
    expect(periodGranularity(t0, t0 + 14 * DAY)).toBe('day');
    expect(periodGranularity(t0, t0 + 30 * DAY)).toBe('week');
    expect(periodGranularity(t0, t0 + 200 * DAY)).toBe('month');
    const thursday = Date.parse('2026-11-05T23:30:00Z');
    expect(periodOf(thursday, 'day')).toMatchObject({ key: '2026-11-05' });
    expect(periodOf(thursday, 'week')).toMatchObject({ key: '2026-11-02', label: 'Week of 2026-11-02' });
    expect(periodOf(thursday, 'month')).toMatchObject({ key: '2026-11-01', label: '2026-11' });
    expect(periodOf(Date.parse('2026-11-09T00:00:00Z'), 'week').key).toBe('2026-11-09');
  });
});

describe('metric summaries', () => {
  it('time to schedule: count, median and p90 in hours', () => {
    const rows = [2, 4, 10, 30].map((h) => ({ readyAt: t0, bookedAt: t0 + h * HOUR }));
    expect(summarizeTimeToSchedule(rows)).toEqual({ scheduled: 4, medianHours: 7, p90Hours: 30 });
    expect(summarizeTimeToSchedule([])).toEqual({ scheduled: 0, medianHours: null, p90Hours: null });
  });

  it('reschedule rate: interviews rescheduled at least once over booked ones, and by initiator', () => {
    const rows = [{ rescheduledBy: ['candidate', 'candidate'] }, { rescheduledBy: ['staff', 'candidate'] }, { rescheduledBy: [] }, { rescheduledBy: [] }];
    expect(summarizeReschedules(rows)).toEqual({ booked: 4, rescheduled: 2, rate: 0.5, byCandidate: 2, byStaff: 1, byInterviewer: 0, byClient: 0 });
  });

  it('no-show rate counts both sides over interviews with an outcome', () => {
    const rows = [{ outcome: 'completed' as const }, { outcome: 'candidate_no_show' as const }, { outcome: 'interviewer_no_show' as const }, { outcome: 'completed' as const }];
    expect(summarizeNoShows(rows)).toEqual({ withOutcome: 4, noShows: 2, rate: 0.5, candidateNoShows: 1, interviewerNoShows: 1 });
  });

  it('coordinator load: touches per booked interview', () => {
    const rows = [{ kind: 'touch' as const }, { kind: 'touch' as const }, { kind: 'touch' as const }, { kind: 'booking' as const }, { kind: 'booking' as const }];
    expect(summarizeCoordinatorLoad(rows)).toEqual({ touches: 3, booked: 2, perInterview: 1.5 });
    expect(summarizeCoordinatorLoad([{ kind: 'touch' }])).toEqual({ touches: 1, booked: 0, perInterview: null });
  });

  it('aging: buckets and whom the requests wait on', () => {
    const now = t0 + 10 * DAY;
    const rows = [
      { waitingSince: now - 2 * HOUR, waitingOn: 'candidate' as const },
      { waitingSince: now - 2 * DAY, waitingOn: 'coordinator' as const },
      { waitingSince: now - 8 * DAY, waitingOn: 'candidate' as const },
    ];
    expect(summarizeAging(rows, now)).toEqual({
      open: 3,
      lt1d: 1,
      d1to3: 1,
      d3to7: 0,
      gt7d: 1,
      waitingOnCoordinator: 1,
      waitingOnCandidate: 2,
      waitingOnInterviewers: 0,
      waitingOnClient: 0,
      medianAgeHours: 48,
    });
  });
});
