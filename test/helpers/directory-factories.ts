import type { Kysely } from 'kysely';
import type { Database, StageKind } from '../../src/db/schema.js';
import { stageRulesSchema, stageTemplate, type StageRulesInput } from '../../src/services/stage-rules.js';

let sequence = 0;

/** Ids of the demo data by name, for tests over `openTestApp(backend, { demo: true })`. */
export async function demoIds(db: Kysely<Database>) {
  const orgs = await db.selectFrom('organizations').select(['id', 'name']).execute();
  const users = await db.selectFrom('users').select(['id', 'email', 'organization_id']).execute();
  const clients = await db.selectFrom('clients').select(['id', 'name']).execute();
  const requisitions = await db.selectFrom('requisitions').select(['id', 'title']).execute();
  const candidates = await db.selectFrom('candidates').select(['id', 'name']).execute();
  const pools = await db.selectFrom('pools').select(['id', 'name']).execute();
  const find = <T extends { id: string }>(rows: T[], match: (row: T) => boolean, what: string): string => {
    const row = rows.find(match);
    if (!row) throw new Error(`demo data has no ${what}`);
    return row.id;
  };
  return {
    org: (name: 'Acme Staffing' | 'Beta Talent') => find(orgs, (o) => o.name === name, name),
    user: (email: string) => find(users, (u) => u.email === email, email),
    client: (name: 'Northwind' | 'Globex') => find(clients, (c) => c.name === name, name),
    requisition: (title: string) => find(requisitions, (r) => r.title === title, title),
    candidate: (name: string) => find(candidates, (c) => c.name === name, name),
    pool: (name: string) => find(pools, (p) => p.name === name, name),
  };
}

/** A one-session rules object with the given interviewers and overrides. */
export function rulesFor(personIds: string[], overrides: Partial<StageRulesInput> = {}): StageRulesInput {
  return { sessions: [{ name: 'Interview', durationMinutes: 45, requirements: [{ kind: 'people', personIds }] }], ...overrides };
}

export interface RequisitionOverrides {
  title?: string;
  clientId?: string | null;
  hiringManagerId?: string | null;
  recruiterId?: string | null;
  externalId?: string | null;
  /** Stage kinds to add from the templates (default: a recruiter screen). */
  stages?: StageKind[];
  /** Make the client stage (if any) visible to the client; defaults to the template. */
  clientVisible?: boolean;
}

/** A requisition with stages from the templates; people default to the organization's first admin. */
export async function makeRequisition(db: Kysely<Database>, organizationId: string, overrides: RequisitionOverrides = {}) {
  const n = ++sequence;
  const firstUser = await db.selectFrom('users').select('id').where('organization_id', '=', organizationId).where('role', '=', 'admin').orderBy('email').limit(1).executeTakeFirstOrThrow();
  const requisition = await db
    .insertInto('requisitions')
    .values({
      organization_id: organizationId,
      title: overrides.title ?? `Requisition ${n}`,
      client_id: overrides.clientId ?? null,
      hiring_manager_id: overrides.hiringManagerId === undefined ? firstUser.id : overrides.hiringManagerId,
      recruiter_id: overrides.recruiterId === undefined ? firstUser.id : overrides.recruiterId,
      external_id: overrides.externalId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const people = { recruiterId: requisition.recruiter_id ?? firstUser.id, hiringManagerId: requisition.hiring_manager_id ?? firstUser.id };
  const stages = [];
  for (const [index, kind] of (overrides.stages ?? ['recruiter_screen']).entries()) {
    const template = stageTemplate(kind, people);
    const rules = overrides.clientVisible === undefined || kind !== 'client' ? template.rules : stageRulesSchema.parse({ ...template.rules, clientVisible: overrides.clientVisible, clientApprovalRequired: overrides.clientVisible && template.rules.clientApprovalRequired });
    stages.push(
      await db
        .insertInto('stages')
        .values({ organization_id: organizationId, requisition_id: requisition.id, position: index + 1, key: template.key, name: template.name, kind, rules: JSON.stringify(rules) })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  }
  return { requisition, stages };
}

export async function makeCandidate(db: Kysely<Database>, organizationId: string, overrides: Partial<{ name: string; email: string; timeZone: string; source: string | null; externalId: string | null }> = {}) {
  const n = ++sequence;
  return db
    .insertInto('candidates')
    .values({
      organization_id: organizationId,
      name: overrides.name ?? `Candidate ${n}`,
      email: overrides.email ?? `candidate${n}@example.test`,
      time_zone: overrides.timeZone ?? 'America/New_York',
      source: overrides.source === undefined ? 'job_board' : overrides.source,
      phone: '+1 555 0100',
      external_id: overrides.externalId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An application at the requisition's first stage (or the one given). */
export async function makeApplication(
  db: Kysely<Database>,
  input: { candidateId: string; requisitionId: string; stageId?: string | null; submitted?: boolean; status?: 'active' | 'rejected' | 'withdrawn' },
) {
  const requisition = await db.selectFrom('requisitions').select('organization_id').where('id', '=', input.requisitionId).executeTakeFirstOrThrow();
  const first = await db.selectFrom('stages').select('id').where('requisition_id', '=', input.requisitionId).orderBy('position').limit(1).executeTakeFirst();
  return db
    .insertInto('applications')
    .values({
      organization_id: requisition.organization_id,
      candidate_id: input.candidateId,
      requisition_id: input.requisitionId,
      current_stage_id: input.stageId === undefined ? (first?.id ?? null) : input.stageId,
      status: input.status ?? 'active',
      submitted_to_client_at: input.submitted ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A candidate with an application to a fresh requisition (of a client, submitted or not). */
export async function makeCandidateFor(db: Kysely<Database>, organizationId: string, options: { clientId?: string | null; submitted?: boolean; hiringManagerId?: string | null } = {}) {
  const { requisition, stages } = await makeRequisition(db, organizationId, {
    clientId: options.clientId ?? null,
    ...(options.hiringManagerId !== undefined ? { hiringManagerId: options.hiringManagerId } : {}),
    stages: options.clientId ? ['recruiter_screen', 'client'] : ['recruiter_screen', 'hiring_manager'],
  });
  const candidate = await makeCandidate(db, organizationId);
  const application = await makeApplication(db, { candidateId: candidate.id, requisitionId: requisition.id, submitted: options.submitted ?? false });
  return { requisition, stages, candidate, application };
}

export async function makePool(db: Kysely<Database>, organizationId: string, overrides: Partial<{ name: string; requiredTag: string | null; memberIds: string[] }> = {}) {
  const pool = await db
    .insertInto('pools')
    .values({ organization_id: organizationId, name: overrides.name ?? `Pool ${++sequence}`, required_tag: overrides.requiredTag ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (overrides.memberIds?.length) {
    await db.insertInto('pool_members').values(overrides.memberIds.map((userId) => ({ pool_id: pool.id, user_id: userId, organization_id: organizationId }))).execute();
  }
  return pool;
}

export async function auditActions(db: Kysely<Database>, entityId: string): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('action').where('entity_id', '=', entityId).orderBy('seq').execute();
  return rows.map((row) => row.action);
}
