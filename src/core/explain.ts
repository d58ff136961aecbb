/**
 * Explanations as data: why nothing fits, or why a proposed booking is no longer valid. Each is a
 * `{ code, params }` with JSON-safe params (instants as ISO strings, dates as `YYYY-MM-DD`, the
 * `until` date exclusive) so the web app and the API can render or translate them;
 * {@link renderExplanation} gives the English sentence.
 */

/** One explanation: a stable code and its JSON-safe parameters. */
interface Expl<C extends string, P> {
  readonly code: C;
  readonly params: Readonly<P>;
}

interface Who {
  /** Session name. */
  readonly session: string;
  readonly poolId: string | null;
  /** Pool name (for rendering). */
  readonly pool: string | null;
  readonly tag: string | null;
  /** Set when the requirement names one person. */
  readonly personId: string | null;
}

/** Every explanation the engine produces, discriminated by `code`. */
export type Explanation =
  | Expl<'notice_beyond_horizon', { minNoticeHours: number; horizonDays: number }>
  | Expl<'no_allowed_hours', { start: string; end: string; weekendsAllowed: boolean; until: string }>
  | Expl<'candidate_windows_outside', { until: string }>
  | Expl<'panel_too_long', { durationMinutes: number; longestWindowMinutes: number }>
  | Expl<'pool_empty', Who>
  | Expl<'requirement_short', Who & Shortfall>
  | Expl<'load_limit', Who & Shortfall & { availableIgnoringLimits: number }>
  | Expl<'candidate_windows', Who & Shortfall & { availableWithoutWindows: number }>
  | Expl<
      'no_common_time',
      { sessions: number; arrangement: 'back_to_back' | 'same_day'; durationMinutes: number; weekdaysOnly: boolean; until: string }
    >
  | Expl<'fewer_options', { found: number; requested: number }>
  | Violation;

interface Shortfall {
  readonly required: number;
  /** The most eligible people free at once for the session, on any start in the window. */
  readonly available: number;
  readonly durationMinutes: number;
  readonly weekdaysOnly: boolean;
  readonly until: string;
}

/** A problem with a concrete proposed booking (see `checkBooking`). */
export type Violation =
  | Expl<'session_mismatch', { session: string; reason: 'count' | 'duration' | 'order' | 'same_day' }>
  | Expl<'too_soon', { earliest: string }>
  | Expl<'beyond_horizon', { latest: string }>
  | Expl<'outside_candidate_hours', { session: string }>
  | Expl<'outside_candidate_windows', { session: string }>
  | Expl<'unknown_person', { session: string; personId: string }>
  | Expl<'person_reused', { personId: string }>
  | Expl<'requirements_unmet', { session: string }>
  | Expl<'outside_working_hours', { session: string; personId: string }>
  | Expl<'person_busy', { session: string; personId: string }>
  | Expl<'limit_exceeded', { personId: string; kind: 'perDay' | 'perWeek'; limit: number; count: number; period: string }>;

function whoText(p: Who, names: Names): string {
  if (p.personId !== null) return names(p.personId);
  const tagged = p.tag ? ` tagged ${p.tag}` : '';
  return `pool ${p.pool ?? p.poolId ?? '?'}${tagged}`;
}

function shortText(p: Who & Shortfall, names: Names): string {
  const days = p.weekdaysOnly ? 'weekday' : 'day';
  if (p.personId !== null) return `${names(p.personId)} is not free for ${p.durationMinutes} minutes on any ${days} before ${p.until}`;
  const tagged = p.tag ? ` tagged ${p.tag}` : '';
  const need = `pool ${p.pool ?? p.poolId ?? '?'} needs ${p.required} interviewer${p.required === 1 ? '' : 's'}${tagged}`;
  const free = `at most ${p.available} ${p.available === 1 ? 'is' : 'are'} free`;
  return `${need}; ${free} for ${p.durationMinutes} minutes on any ${days} before ${p.until}`;
}

type Names = (personId: string) => string;

/**
 * The English sentence for an explanation. `names` maps person ids to display names (default:
 * the id), so a presenter can show "Ada Lovelace" instead of a UUID.
 */
export function renderExplanation(e: Explanation, names: Names = (id) => id): string {
  const session = (s: string): string => `Session "${s}": `;
  switch (e.code) {
    case 'notice_beyond_horizon':
      return `The minimum notice (${e.params.minNoticeHours} hours) reaches past the booking horizon (${e.params.horizonDays} days).`;
    case 'no_allowed_hours':
      return (
        `No allowed candidate hours (${e.params.start}–${e.params.end}${e.params.weekendsAllowed ? '' : ', weekdays only'}) ` +
        `fall between the minimum notice and ${e.params.until}.`
      );
    case 'candidate_windows_outside':
      return `None of the candidate's windows fall inside the allowed hours before ${e.params.until}.`;
    case 'panel_too_long':
      return (
        `The panel needs ${e.params.durationMinutes} minutes in one stretch, ` +
        `but the longest allowed stretch is ${e.params.longestWindowMinutes} minutes.`
      );
    case 'pool_empty':
      return `${session(e.params.session)}${whoText(e.params, names)} has no eligible members.`;
    case 'requirement_short':
      return `${session(e.params.session)}${shortText(e.params, names)}.`;
    case 'load_limit':
      return (
        `${session(e.params.session)}${shortText(e.params, names)} ` +
        `within their interview limits (${e.params.availableIgnoringLimits} without the limits).`
      );
    case 'candidate_windows':
      return (
        `${session(e.params.session)}${shortText(e.params, names)} ` +
        `inside the candidate's windows (${e.params.availableWithoutWindows} in the allowed hours outside them).`
      );
    case 'no_common_time': {
      const kind = e.params.arrangement === 'back_to_back' ? 'back-to-back' : 'same-day';
      return (
        `Every requirement can be met on its own, but never all together for the ${e.params.sessions}-session ${kind} ` +
        `panel (${e.params.durationMinutes} minutes) on any ${e.params.weekdaysOnly ? 'weekday' : 'day'} before ${e.params.until}.`
      );
    }
    case 'fewer_options':
      return `Only ${e.params.found} of the ${e.params.requested} requested options fit.`;
    default:
      return renderViolation(e, names);
  }
}

function renderViolation(v: Violation, names: Names): string {
  const session = (s: string): string => `Session "${s}": `;
  switch (v.code) {
    case 'session_mismatch': {
      const reasons = {
        count: 'the number of sessions differs from the stage',
        duration: 'its length differs from the stage',
        order: 'it does not follow the previous session as the stage requires',
        same_day: 'it is not on the same day as the first session',
      };
      return `${session(v.params.session)}${reasons[v.params.reason]}.`;
    }
    case 'too_soon':
      return `The interview starts before the minimum notice allows (${v.params.earliest}).`;
    case 'beyond_horizon':
      return `The interview ends after the booking horizon (${v.params.latest}).`;
    case 'outside_candidate_hours':
      return `${session(v.params.session)}outside the candidate's allowed hours.`;
    case 'outside_candidate_windows':
      return `${session(v.params.session)}outside the windows the candidate sent.`;
    case 'unknown_person':
      return `${session(v.params.session)}${names(v.params.personId)} is not a known interviewer.`;
    case 'person_reused':
      return `${names(v.params.personId)} is assigned more than once.`;
    case 'requirements_unmet':
      return `${session(v.params.session)}the assigned people do not match the session's requirements.`;
    case 'outside_working_hours':
      return `${session(v.params.session)}outside ${names(v.params.personId)}'s working hours.`;
    case 'person_busy':
      return `${session(v.params.session)}${names(v.params.personId)} is busy (or within the buffer of another interview).`;
    case 'limit_exceeded': {
      const when = v.params.kind === 'perDay' ? `on ${v.params.period}` : `in the week of ${v.params.period}`;
      return `${names(v.params.personId)} would have ${v.params.count} interviews ${when}, over the limit of ${v.params.limit}.`;
    }
  }
}
