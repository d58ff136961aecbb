import { describe, expect, it } from 'vitest';
import { renderExplanation, type Explanation } from './explain.js';

const who = { session: 'Coding', poolId: 'p1', pool: 'Backend', tag: 'technical', personId: null };
const short = { ...who, required: 2, available: 1, durationMinutes: 60, weekdaysOnly: true, until: '2026-12-04' };

describe('renderExplanation', () => {
  it('renders the example of the spec', () => {
    expect(renderExplanation({ code: 'requirement_short', params: short })).toBe(
      'Session "Coding": pool Backend needs 2 interviewers tagged technical; at most 1 is free for 60 minutes on any weekday before 2026-12-04.',
    );
  });

  it('renders every code as one full sentence with its parameters', () => {
    const all: Explanation[] = [
      { code: 'notice_beyond_horizon', params: { minNoticeHours: 48, horizonDays: 1 } },
      { code: 'no_allowed_hours', params: { start: '08:00', end: '18:00', weekendsAllowed: false, until: '2026-12-04' } },
      { code: 'candidate_windows_outside', params: { until: '2026-12-04' } },
      { code: 'panel_too_long', params: { durationMinutes: 300, longestWindowMinutes: 240 } },
      { code: 'pool_empty', params: who },
      { code: 'requirement_short', params: { ...short, personId: 'u1', poolId: null, pool: null, tag: null, required: 1, available: 0 } },
      { code: 'load_limit', params: { ...short, availableIgnoringLimits: 3 } },
      { code: 'candidate_windows', params: { ...short, availableWithoutWindows: 2 } },
      { code: 'no_common_time', params: { sessions: 3, arrangement: 'same_day', durationMinutes: 180, weekdaysOnly: false, until: '2026-12-04' } },
      { code: 'fewer_options', params: { found: 1, requested: 3 } },
      { code: 'session_mismatch', params: { session: 'Coding', reason: 'order' } },
      { code: 'too_soon', params: { earliest: '2026-12-01T09:00:00.000Z' } },
      { code: 'beyond_horizon', params: { latest: '2026-12-04T09:00:00.000Z' } },
      { code: 'outside_candidate_hours', params: { session: 'Coding' } },
      { code: 'outside_candidate_windows', params: { session: 'Coding' } },
      { code: 'unknown_person', params: { session: 'Coding', personId: 'u9' } },
      { code: 'person_reused', params: { personId: 'u1' } },
      { code: 'requirements_unmet', params: { session: 'Coding' } },
      { code: 'outside_working_hours', params: { session: 'Coding', personId: 'u1' } },
      { code: 'person_busy', params: { session: 'Coding', personId: 'u1' } },
      { code: 'limit_exceeded', params: { personId: 'u1', kind: 'perWeek', limit: 5, count: 6, period: '2026-11-30' } },
    ];
    for (const e of all) {
      const text = renderExplanation(e, (id) => `<${id}>`);
      expect(text, e.code).toMatch(/^[A-Z<].*\.$/);
      expect(text, e.code).not.toMatch(/undefined|null|NaN|\[object/);
    }
    expect(renderExplanation(all[5]!, () => 'Ada')).toBe('Session "Coding": Ada is not free for 60 minutes on any weekday before 2026-12-04.');
    expect(renderExplanation(all[20]!, () => 'Ada')).toBe('Ada would have 6 interviews in the week of 2026-11-30, over the limit of 5.');
  });
});
