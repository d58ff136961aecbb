import type { StageRules } from '../../../api/workspace/types';

const MODE = { self_schedule: 'self-schedule', availability_request: 'availability request', coordinator: 'staff book' } as const;

/** One line about a stage: sessions, mode, notice and horizon. */
export function describeStage(rules: StageRules): string {
  const sessions = rules.sessions.map((s) => `${s.name} (${s.durationMinutes} min)`).join(' + ');
  return `${sessions} · ${MODE[rules.mode]} · ${rules.minNoticeHours} h notice · ${rules.horizonDays}-day horizon`;
}
