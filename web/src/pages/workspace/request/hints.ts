/** What a coordinator can change when the solver finds nothing (explanation code → hint). */
export const EXPLANATION_HINTS: Record<string, string> = {
  notice_beyond_horizon: 'Lower the minimum notice or widen the booking horizon.',
  no_allowed_hours: 'Allow evenings or weekends in the candidate hours, or widen the booking horizon.',
  candidate_windows_outside: 'Ask the candidate for more windows, or widen the allowed candidate hours.',
  candidate_windows: 'Ask the candidate for more availability, or add pool members.',
  panel_too_long: 'Arrange the sessions on the same day instead of back to back, shorten them, or allow evenings.',
  pool_empty: 'Add members who carry the required tag to the pool.',
  requirement_short: 'Add pool members, lower the required count, widen the horizon or allow evening hours.',
  load_limit: 'Raise the interviewers’ daily or weekly limits, add pool members, or book with an override.',
  no_common_time: 'Arrange the sessions on the same day, widen the horizon, or add pool members.',
  fewer_options: 'Widen the horizon or lower the minimum notice to get more options.',
  too_soon: 'Pick a later time or lower the minimum notice.',
  beyond_horizon: 'Widen the booking horizon.',
  limit_exceeded: 'Book with an override and a reason, or choose other interviewers.',
  person_busy: 'Pick one of the fresh options.',
  outside_working_hours: 'Ask the interviewer to add extra hours for that day.',
};

export function hintFor(code: string): string | undefined {
  return EXPLANATION_HINTS[code];
}
