import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { LocalRange, WeeklyHours } from '../core/working-hours.js';

/** Timestamps are written as `Date` or ISO strings and always read back as `Date`. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A timestamp with a database default that may still be changed later. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const roles = ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'interviewer', 'client_user'] as const;
export type Role = (typeof roles)[number];

export interface OrganizationTable {
  id: Generated<string>;
  name: string;
  default_time_zone: string;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  name: string;
  role: Role;
  time_zone: string;
  active: Generated<boolean>;
  password_hash: string | null;
  /** Set exactly when the role is `client_user`: the one client they belong to. */
  client_id: string | null;
  last_login_at: Timestamp | null;
  /** Weekday → local ranges in `time_zone` (core `WeeklyHours`). */
  working_hours: ColumnType<WeeklyHours, string | undefined, string>;
  max_interviews_per_day: number | null;
  max_interviews_per_week: number | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface ClientTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  external_id: string | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
}

/** A signed-in browser. `id` is the SHA-256 of the cookie token; the token itself is never stored. */
export interface SessionTable {
  id: string;
  organization_id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: DefaultedTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export type UserTokenPurpose = 'invite' | 'password_reset';

export interface UserTokenTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  purpose: UserTokenPurpose;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface LoginAttemptTable {
  id: Generated<string>;
  email: string;
  ip: string;
  succeeded: boolean;
  attempted_at: DefaultedTimestamp;
}

export const apiKeyScopes = ['read', 'scheduling', 'admin'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export interface ApiKeyTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  /** The first characters of the key, shown so people can tell keys apart. */
  prefix: string;
  key_hash: string;
  scope: ApiKeyScope;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditEventTable {
  id: Generated<string>;
  organization_id: string;
  seq: number;
  occurred_at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: ColumnType<Record<string, unknown> | null, string | null, never>;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string;
  hash: string;
}

export type OutboxChannel = 'email' | 'webhook' | 'calendar';
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'canceled';

/** A side effect written in the same transaction as its cause, delivered later by the worker. */
export interface OutboxMessageTable {
  id: Generated<string>;
  organization_id: string | null;
  channel: OutboxChannel;
  /** Unique per effect, so a retried command never enqueues it twice. */
  dedupe_key: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  deliver_after: DefaultedTimestamp;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  /** Lease of the worker delivering the row; a crashed worker's rows come back when it passes. */
  claimed_until: Timestamp | null;
  claim_token: string | null;
  last_attempt_at: Timestamp | null;
  /** HTTP status of the last webhook attempt (null for email or when no response came). */
  last_status_code: number | null;
  response_ms: number | null;
  webhook_endpoint_id: string | null;
}

/**
 * One interviewer's hold on one session of an interview. `blocked_until` is `ends_at` plus the
 * stage's buffer, so the exclusion constraint enforces buffers too. A released row (canceled or
 * moved) keeps its history but no longer blocks anything.
 */
export interface InterviewAssignmentTable {
  id: Generated<string>;
  organization_id: string;
  interviewer_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  blocked_until: Timestamp;
  released_at: Timestamp | null;
  interview_id: string | null;
  session_id: string | null;
  /** The interviewer declined; the coordinator must find a replacement. */
  declined_at: Timestamp | null;
  created_at: CreatedAt;
}

type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export interface AvailabilityOverrideTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  /** Local date `YYYY-MM-DD` in the user's zone. */
  date: string;
  kind: 'day_off' | 'replace' | 'extra';
  hours: ColumnType<LocalRange[], string | undefined, string>;
  created_at: CreatedAt;
}

export interface AvailabilityBlockTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: string | null;
  created_at: CreatedAt;
}

export interface PoolTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  required_tag: string | null;
  created_at: CreatedAt;
}

export interface PoolMemberTable {
  pool_id: string;
  user_id: string;
  organization_id: string;
}

export type RequisitionStatus = 'open' | 'on_hold' | 'closed';

export interface RequisitionTable {
  id: Generated<string>;
  organization_id: string;
  /** Null for in-house hiring; set for an agency's client. */
  client_id: string | null;
  title: string;
  status: Generated<RequisitionStatus>;
  hiring_manager_id: string | null;
  recruiter_id: string | null;
  external_id: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface RequisitionCoordinatorTable {
  requisition_id: string;
  user_id: string;
  organization_id: string;
}

export const stageKinds = ['recruiter_screen', 'hiring_manager', 'panel', 'client', 'other'] as const;
export type StageKind = (typeof stageKinds)[number];

export interface StageTable {
  id: Generated<string>;
  organization_id: string;
  requisition_id: string;
  position: number;
  key: string;
  name: string;
  kind: StageKind;
  /** Validated by `stageRulesSchema` (src/services/stage-rules.ts) on every write. */
  rules: Json<unknown>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface CandidateTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  email: string;
  phone: string | null;
  time_zone: string;
  source: string | null;
  external_id: string | null;
  no_show_count: Generated<number>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface CandidateNoteTable {
  id: Generated<string>;
  organization_id: string;
  candidate_id: string;
  author_id: string | null;
  body: string;
  created_at: CreatedAt;
}

export type ApplicationStatus = 'active' | 'rejected' | 'withdrawn' | 'hired';

export interface ApplicationTable {
  id: Generated<string>;
  organization_id: string;
  candidate_id: string;
  requisition_id: string;
  current_stage_id: string | null;
  status: Generated<ApplicationStatus>;
  /** When the candidate was submitted to the requisition's client; client users see nothing before. */
  submitted_to_client_at: Timestamp | null;
  external_id: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export const requestStatuses = ['ready', 'offered', 'booked', 'completed', 'no_show', 'canceled'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export type WaitingOn = 'coordinator' | 'candidate' | 'interviewers' | 'client';

/** A window as stored in JSON: ISO instants. */
export interface StoredWindow {
  start: string;
  end: string;
}

/** An option frozen at offer time, re-checked at booking. */
export interface StoredOption {
  id: string;
  sessions: { name: string; start: string; end: string; interviewerIds: string[] }[];
}

export interface SchedulingRequestTable {
  id: Generated<string>;
  organization_id: string;
  application_id: string;
  stage_id: string;
  status: RequestStatus;
  waiting_on: WaitingOn | null;
  offered_options: NullableJson<StoredOption[]>;
  candidate_windows: NullableJson<StoredWindow[]>;
  candidate_reschedules: Generated<number>;
  rebook_of: string | null;
  created_by: string | null;
  ready_at: DefaultedTimestamp;
  first_booked_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

/** One step of a request's state machine: what time-to-schedule and aging are computed from. */
export interface RequestTransitionTable {
  id: Generated<string>;
  organization_id: string;
  request_id: string;
  from_status: RequestStatus | null;
  to_status: RequestStatus;
  event: string;
  actor_type: string;
  actor_id: string | null;
  reason: string | null;
  /** Who asked for the change (a coordinator may move an interview because the candidate asked). */
  initiator: Initiator | null;
  at: Timestamp;
}

export const initiators = ['staff', 'interviewer', 'client', 'candidate', 'system'] as const;
export type Initiator = (typeof initiators)[number];

export type CandidateLinkPurpose = 'self_schedule' | 'availability' | 'manage';

export interface CandidateLinkTable {
  id: Generated<string>;
  organization_id: string;
  request_id: string;
  purpose: CandidateLinkPurpose;
  token_hash: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  created_at: CreatedAt;
}

export type InterviewStatus = 'pending_approval' | 'confirmed' | 'canceled' | 'completed' | 'no_show';
export type InterviewOutcome = 'completed' | 'candidate_no_show' | 'interviewer_no_show';

export interface InterviewTable {
  id: Generated<string>;
  organization_id: string;
  request_id: string;
  status: InterviewStatus;
  starts_at: Timestamp;
  ends_at: Timestamp;
  location: string | null;
  /** iCalendar SEQUENCE: bumped on every change the attendees must see. */
  sequence: Generated<number>;
  booked_by_type: string;
  booked_by_id: string | null;
  booked_at: Timestamp;
  reschedule_count: Generated<number>;
  approval: 'pending' | 'approved' | 'declined' | null;
  approval_reason: string | null;
  client_proposed_windows: NullableJson<StoredWindow[]>;
  candidate_confirmed_at: Timestamp | null;
  outcome: InterviewOutcome | null;
  outcome_at: Timestamp | null;
  canceled_at: Timestamp | null;
  canceled_by_type: string | null;
  cancel_reason: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface InterviewSessionTable {
  id: Generated<string>;
  organization_id: string;
  interview_id: string;
  position: number;
  name: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

/** A fixed rate-limit window per hashed key (candidate links, calendar feeds), shared by all instances. */
export interface RateLimitWindowTable {
  key_hash: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface IdempotencyKeyTable {
  /** Who used the key (organization + actor), so keys never collide across callers. */
  scope: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: NullableJson<unknown>;
  created_at: CreatedAt;
}

export interface Database {
  organizations: OrganizationTable;
  users: UserTable;
  interview_assignments: InterviewAssignmentTable;
  clients: ClientTable;
  sessions: SessionTable;
  user_tokens: UserTokenTable;
  login_attempts: LoginAttemptTable;
  api_keys: ApiKeyTable;
  audit_events: AuditEventTable;
  outbox_messages: OutboxMessageTable;
  availability_overrides: AvailabilityOverrideTable;
  availability_blocks: AvailabilityBlockTable;
  pools: PoolTable;
  pool_members: PoolMemberTable;
  requisitions: RequisitionTable;
  requisition_coordinators: RequisitionCoordinatorTable;
  stages: StageTable;
  candidates: CandidateTable;
  candidate_notes: CandidateNoteTable;
  applications: ApplicationTable;
  scheduling_requests: SchedulingRequestTable;
  request_transitions: RequestTransitionTable;
  candidate_links: CandidateLinkTable;
  interviews: InterviewTable;
  interview_sessions: InterviewSessionTable;
  idempotency_keys: IdempotencyKeyTable;
  rate_limit_windows: RateLimitWindowTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_attempts: WebhookAttemptTable;
  calendar_connections: CalendarConnectionTable;
  calendar_busy: CalendarBusyTable;
  calendar_events: CalendarEventTable;
  calendar_feeds: CalendarFeedTable;
  imports: ImportTable;
  audit_anchors: AuditAnchorTable;
}

export type Organization = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type InterviewAssignment = Selectable<InterviewAssignmentTable>;
export type NewInterviewAssignment = Insertable<InterviewAssignmentTable>;
export type Client = Selectable<ClientTable>;
export type Session = Selectable<SessionTable>;
export type ApiKey = Selectable<ApiKeyTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type OutboxMessage = Selectable<OutboxMessageTable>;
export type Requisition = Selectable<RequisitionTable>;
export type Stage = Selectable<StageTable>;
export type Candidate = Selectable<CandidateTable>;
export type Application = Selectable<ApplicationTable>;
export type SchedulingRequest = Selectable<SchedulingRequestTable>;
export type Interview = Selectable<InterviewTable>;
export type InterviewSession = Selectable<InterviewSessionTable>;
export type Pool = Selectable<PoolTable>;

/** An organization's webhook receiver; the secret is sealed with AES-256-GCM (src/integrations/secret-box.ts). */
export interface WebhookEndpointTable {
  id: Generated<string>;
  organization_id: string;
  url: string;
  description: string | null;
  event_types: ColumnType<string[], string[], string[]>;
  secret_sealed: string;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

/** One attempt to deliver a webhook outbox row: the delivery log. */
export interface WebhookAttemptTable {
  id: Generated<string>;
  organization_id: string;
  outbox_message_id: string;
  attempted_at: Timestamp;
  status_code: number | null;
  response_ms: number;
  error: string | null;
}

export type WebhookEndpoint = Selectable<WebhookEndpointTable>;
export type WebhookAttempt = Selectable<WebhookAttemptTable>;

export const calendarProviders = ['caldav', 'google', 'microsoft'] as const;
export type CalendarProvider = (typeof calendarProviders)[number];

/** A user's connected calendar; the password is sealed with AES-256-GCM (src/integrations/secret-box.ts). */
export interface CalendarConnectionTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  provider: CalendarProvider;
  server_url: string;
  calendar_url: string;
  calendar_name: string | null;
  username: string;
  credentials_sealed: string;
  status: Generated<'active' | 'error'>;
  /** The last successful sync: busy times are as fresh as this. */
  last_synced_at: Timestamp | null;
  last_attempt_at: Timestamp | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

/** A busy interval read from a connection; a sync replaces all of a connection's rows at once. */
export interface CalendarBusyTable {
  id: Generated<string>;
  organization_id: string;
  connection_id: string;
  user_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

/** The event Loopwise wrote for an interview into one connected calendar. */
export interface CalendarEventTable {
  id: Generated<string>;
  organization_id: string;
  connection_id: string;
  interview_id: string;
  uid: string;
  href: string;
  etag: string | null;
  /** The interview SEQUENCE last written; an older outbox row never overwrites a newer event. */
  sequence: number;
  deleted_at: Timestamp | null;
  updated_at: DefaultedTimestamp;
}

/** A person's private ICS feed; only the SHA-256 of its token is stored. */
export interface CalendarFeedTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export type CalendarConnection = Selectable<CalendarConnectionTable>;
export type CalendarEvent = Selectable<CalendarEventTable>;
export type CalendarFeed = Selectable<CalendarFeedTable>;

export const importKinds = ['candidates', 'requisitions', 'applications'] as const;
export type ImportKind = (typeof importKinds)[number];

/** One CSV import that was run for real (dry runs are not stored); `report` is the validation report. */
export interface ImportTable {
  id: Generated<string>;
  organization_id: string;
  kind: ImportKind;
  file_name: string;
  status: 'succeeded' | 'failed';
  row_count: number;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  report: ColumnType<unknown, string, never>;
  created_by: string | null;
  /** Who ran it (user or API key name), kept when the user is later removed. */
  created_by_label: string;
  created_at: CreatedAt;
}

export type Import = Selectable<ImportTable>;

/** An HMAC over one organization's chain position and hash (src/core/audit-anchor.ts); append-only. */
export interface AuditAnchorTable {
  id: Generated<string>;
  organization_id: string;
  seq: number;
  event_id: string;
  event_hash: string;
  anchored_at: Timestamp;
  mac: string;
}
