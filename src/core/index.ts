/**
 * The scheduling engine's public API. Pure: callers pass `now` and all data; nothing here reads
 * a clock, a database or the network. Instants are epoch milliseconds (UTC), intervals are
 * half-open `[start, end)`; see `interval.ts`.
 */
export { type Instant, type Interval, type IntervalList, MINUTE, HOUR, DAY, normalize, union, unionAll, intersect, intersectAll, subtract, clip, buffer, atLeast, covers, overlaps, totalLength } from './interval.js';
export { type EpochDay, ZoneClock, ZoneClocks, parseDate, formatDate, isoWeekday, isoWeekStart } from './zone.js';
export { type LocalRange, type Weekday, type WeeklyHours, type DayOverride, type WorkingPlan, WEEKDAYS, parseTime, planWorkingHours, expandWorkingHours } from './working-hours.js';
export { type Person, type Limits, type ExistingInterview, type PreparedPerson, preparePerson, busyTime, workingTime, freeTime } from './availability.js';
export { type LimitExceedance, loadAt, type LoadAt, PersonLoad } from './load.js';
export { type CandidateHours, type Requirement, type SessionSpec, type WindowRules, type StageRules, type Pool, type Candidate, type StageWindow, stageWindow } from './stage.js';
export { type Slot, type HostSlot, type SlotQuery, gridStarts, findSlots, findAnyHostSlots } from './slots.js';
export { type SolveInput, type SolveResult, type PanelOption, type SessionAssignment, solvePanel } from './solver.js';
export { type ProposedOption, type ProposedSession, type BookingCheck, checkBooking } from './booking-check.js';
export { type Explanation, type Violation, renderExplanation } from './explain.js';
