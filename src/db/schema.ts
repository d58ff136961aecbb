import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are written as `Date` or ISO strings and always read back as `Date`. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

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
  created_at: CreatedAt;
  updated_at: Generated<Timestamp>;
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
}

export type Organization = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type InterviewAssignment = Selectable<InterviewAssignmentTable>;
export type NewInterviewAssignment = Insertable<InterviewAssignmentTable>;
