import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

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
