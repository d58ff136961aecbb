import type { Role } from '../session';

/** The shapes the workspace reads from the API (see the presenters under src/http/presenters). */

export type Ref = { id: string; name: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

export type RequestStatus = 'ready' | 'offered' | 'booked' | 'completed' | 'no_show' | 'canceled';
export type WaitingOn = 'coordinator' | 'candidate' | 'interviewers' | 'client';
export type StageKind = 'recruiter_screen' | 'hiring_manager' | 'panel' | 'client' | 'other';
export type SchedulingMode = 'self_schedule' | 'availability_request' | 'coordinator';

export type RequestSummary = {
  id: string;
  status: RequestStatus;
  waitingOn: WaitingOn | null;
  readyAt: string;
  firstBookedAt: string | null;
  ageHours: number;
  candidate: Ref;
  applicationId: string;
  stage: Ref;
  requisition: { id: string; title: string; clientId: string | null };
  /** When the candidate answered "I'll be there" for the confirmed interview. */
  candidateConfirmedAt: string | null;
  /** The confirmed interview starts within 24 hours and the candidate has not confirmed. */
  unconfirmedSoon: boolean;
  /** Interviewers whose connected calendar is out of date or failing (not sent to client users). */
  staleCalendars?: { userId: string; name: string; reason: 'error' | 'old'; lastSyncedAt: string | null }[];
};

export type Transition = {
  from: RequestStatus | null;
  to: RequestStatus;
  event: string;
  actorType: string;
  actorId: string | null;
  initiator: string | null;
  reason: string | null;
  at: string;
};

export type SchedulingRequest = RequestSummary & {
  candidate: Ref & { timeZone: string };
  stage: Ref & { kind: StageKind; mode: SchedulingMode; clientApprovalRequired: boolean };
  rebookOf: string | null;
  candidateReschedules: number;
  offeredOptions: { id: string; start: string; candidateLocalStart: string }[];
  candidateWindows: { start: string; end: string }[] | null;
  interviewId: string | null;
  transitions: Transition[];
  /** Whether the signed-in person may book or offer this request now, and why not. */
  actions: { book: Permission; offer: Permission };
};

/** An interviewer's interviews already on the option's local day and in its ISO week, against their limits. */
export type Load = { day: number; week: number; perDay: number | null; perWeek: number | null };
export type OptionPerson = { id: string; name: string; timeZone: string; localStart: string; load: Load | null };
export type Permission = { allowed: boolean; reason: string | null };
export type SolverOption = {
  id: string;
  start: string;
  end: string;
  candidateTimeZone: string;
  candidateLocalStart: string;
  sessions: { name: string; start: string; end: string; candidateLocalStart: string; interviewers: OptionPerson[] }[];
};
export type Explanation = { code: string; params: Record<string, unknown> | null; message: string };
export type OptionsResult = { options: SolverOption[]; explanations: Explanation[] };

/** The 409 body's alternatives when a booking lost a race or no longer fits. */
export type Alternative = { id: string; start: string; end: string; sessions: { name: string; start: string; end: string; interviewers: string[] }[] };

export type InterviewStatus = 'pending_approval' | 'confirmed' | 'canceled' | 'completed' | 'no_show';
export type Interview = {
  id: string;
  requestId: string;
  status: InterviewStatus;
  approval: 'pending' | 'approved' | 'declined' | null;
  startsAt: string;
  endsAt: string;
  candidateLocalStart: string;
  location: string | null;
  sequence: number;
  candidate: Ref & { timeZone: string; noShowCount?: number };
  stage: Ref & { kind: StageKind };
  requisition: { id: string; title: string; clientId: string | null };
  sessions: { name: string; start: string; end: string; interviewers: Ref[] }[];
  rescheduleCount?: number;
  outcome?: 'completed' | 'candidate_no_show' | 'interviewer_no_show' | null;
  cancelReason?: string | null;
  candidateConfirmedAt?: string | null;
  unconfirmedSoon?: boolean;
};

export type Requirement = { kind: 'people'; personIds: string[] } | { kind: 'pool'; poolId: string; count: number; tag?: string | null };
export type StageSession = { name: string; durationMinutes: number; requirements: Requirement[] };
export type SchedulerRole = 'admin' | 'recruiter' | 'coordinator' | 'hiring_manager';
export type StageRules = {
  mode: SchedulingMode;
  schedulers: SchedulerRole[];
  sessions: StageSession[];
  arrangement: 'back_to_back' | 'same_day';
  breakMinutes: number;
  optionsCount: number;
  minNoticeHours: number;
  horizonDays: number;
  bufferMinutes: number;
  candidateHours: { start: string; end: string; eveningsAllowed: boolean; eveningEnd: string; weekendsAllowed: boolean };
  clientVisible: boolean;
  clientApprovalRequired: boolean;
  autoBookFromAvailability: boolean;
  reschedule: { cutoffHours: number; maxByCandidate: number };
  reminderOffsetsMinutes: number[];
  location: string | null;
};
export type Stage = { id: string; requisitionId: string; position: number; key: string; name: string; kind: StageKind; rules: StageRules; createdAt: string; updatedAt: string };
export type RequisitionStatus = 'open' | 'on_hold' | 'closed';
export type Requisition = {
  id: string;
  title: string;
  status: RequisitionStatus;
  client: Ref | null;
  hiringManager: Ref | null;
  recruiter: Ref | null;
  coordinators: Ref[];
  externalId: string | null;
  stages?: Stage[];
  createdAt: string;
  updatedAt: string;
};

export type ApplicationStatus = 'active' | 'rejected' | 'withdrawn' | 'hired';
export type Application = {
  id: string;
  candidate: Ref;
  requisition: { id: string; title: string; clientId: string | null };
  stage: (Ref & { kind: StageKind }) | null;
  status: ApplicationStatus;
  submittedToClientAt: string | null;
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
};
export type Note = { id: string; body: string; author: Ref | null; createdAt: string };
export type Candidate = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  timeZone: string;
  source: string | null;
  externalId: string | null;
  noShowCount: number;
  applications?: Application[];
  notes?: Note[];
  createdAt: string;
  updatedAt: string;
};

export type AuditEvent = {
  id: string;
  seq: number;
  occurredAt: string;
  actor: { type: string; id: string | null; label: string | null };
  action: string;
  entity: { type: string; id: string | null };
  changes: Record<string, unknown> | null;
};

export type Pool = { id: string; name: string; requiredTag: string | null; members: { id: string; name: string; role: Role; tags: string[]; active: boolean }[]; createdAt: string };

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export type LocalRange = { start: string; end: string };
export type WeeklyHours = Partial<Record<Weekday, LocalRange[]>>;
export type Profile = {
  userId: string;
  name: string;
  timeZone: string;
  weeklyHours: WeeklyHours;
  maxInterviewsPerDay: number | null;
  maxInterviewsPerWeek: number | null;
  tags: string[];
  pools: { id: string; name: string; requiredTag: string | null }[];
  canEdit: boolean;
};
export type Override = { id: string; date: string; kind: 'day_off' | 'replace' | 'extra'; hours: LocalRange[]; createdAt: string };
export type Block = { id: string; startsAt: string; endsAt: string; reason: string | null; createdAt: string };
