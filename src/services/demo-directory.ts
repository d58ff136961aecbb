/**
 * The demo organization's interviewer profiles, pools, requisitions with stages, candidates,
 * applications and notes: enough for every seed workflow to be tried right after `npm start`.
 * Inserted directly inside the seed's one transaction, so starting stays fast.
 */
import type { Kysely } from 'kysely';
import type { WeeklyHours } from '../core/working-hours.js';
import type { Database, StageKind } from '../db/schema.js';
import { stageTemplate, type TemplatePeople } from './stage-rules.js';

export interface DirectorySeed {
  organizationId: string;
  now: Date;
  /** Demo user email → id. */
  userIds: ReadonlyMap<string, string>;
  /** Client name → id. */
  clientIds: ReadonlyMap<string, string>;
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const hours = (...ranges: [string, string][]): WeeklyHours =>
  Object.fromEntries(weekdays.map((day) => [day, ranges.map(([start, end]) => ({ start, end }))]));

/** Interviewer n (1–8): weekly hours and tags. Interviewer 2 takes a lunch break; 5 is in both pools. */
const interviewers: { hours: WeeklyHours; tags: string[] }[] = [
  { hours: hours(['09:00', '17:00']), tags: ['technical'] },
  { hours: hours(['09:00', '12:00'], ['13:00', '17:00']), tags: ['technical', 'spanish'] },
  { hours: hours(['10:00', '18:00']), tags: ['technical'] },
  { hours: hours(['09:00', '17:30']), tags: ['technical'] },
  { hours: hours(['08:30', '16:30']), tags: ['technical', 'culture'] },
  { hours: hours(['09:00', '17:00']), tags: ['culture'] },
  { hours: hours(['11:00', '19:00']), tags: ['culture'] },
  { hours: { mon: [{ start: '09:00', end: '15:00' }], tue: [{ start: '09:00', end: '15:00' }], wed: [{ start: '09:00', end: '15:00' }], thu: [{ start: '09:00', end: '15:00' }] }, tags: ['culture'] },
];

interface DemoCandidate {
  name: string;
  email: string;
  phone: string | null;
  timeZone: string;
  source: string;
  externalId: string;
}

const candidates: DemoCandidate[] = [
  { name: 'Priya Sharma', email: 'priya.sharma@example.com', phone: '+91 98765 43210', timeZone: 'Asia/Kolkata', source: 'referral', externalId: 'C-2001' },
  { name: 'James Whitfield', email: 'james.whitfield@example.com', phone: '+44 7700 900123', timeZone: 'Europe/London', source: 'job_board', externalId: 'C-2002' },
  { name: 'Maria Gonzalez', email: 'maria.gonzalez@example.com', phone: '+1 312 555 0142', timeZone: 'America/Chicago', source: 'agency_sourcing', externalId: 'C-2003' },
  { name: 'Kenji Tanaka', email: 'kenji.tanaka@example.com', phone: null, timeZone: 'America/Los_Angeles', source: 'job_board', externalId: 'C-2004' },
  { name: 'Chloe Martin', email: 'chloe.martin@example.com', phone: '+1 212 555 0199', timeZone: 'America/New_York', source: 'linkedin', externalId: 'C-2005' },
  { name: 'Daniel Okoye', email: 'daniel.okoye@example.com', phone: '+44 7700 900456', timeZone: 'Europe/London', source: 'referral', externalId: 'C-2006' },
];

interface DemoRequisition {
  title: string;
  client: string | null;
  externalId: string;
  hiringManager: string;
  stages: StageKind[];
  /** Candidate external id → [current stage kind, submitted to the client, status]. */
  applications: [string, StageKind, boolean, 'active' | 'rejected'][];
}

const requisitions: DemoRequisition[] = [
  {
    title: 'Senior Backend Engineer',
    client: null,
    externalId: 'ATS-1001',
    hiringManager: 'hm@acme.test',
    stages: ['recruiter_screen', 'hiring_manager', 'panel'],
    applications: [
      ['C-2001', 'panel', false, 'active'],
      ['C-2002', 'recruiter_screen', false, 'active'],
      ['C-2006', 'hiring_manager', false, 'active'],
    ],
  },
  {
    title: 'Data Analyst',
    client: 'Northwind',
    externalId: 'ATS-1002',
    hiringManager: 'recruiter@acme.test',
    stages: ['recruiter_screen', 'client'],
    applications: [
      ['C-2003', 'client', true, 'active'],
      ['C-2004', 'recruiter_screen', false, 'active'],
    ],
  },
  {
    title: 'Product Designer',
    client: 'Globex',
    externalId: 'ATS-1003',
    hiringManager: 'recruiter@acme.test',
    stages: ['recruiter_screen', 'client'],
    applications: [
      ['C-2005', 'client', true, 'active'],
      ['C-2006', 'recruiter_screen', false, 'rejected'],
    ],
  },
];

export async function seedDirectory(trx: Kysely<Database>, seed: DirectorySeed): Promise<void> {
  const { organizationId, now } = seed;
  const user = (email: string) => must(seed.userIds.get(email), email);
  const interviewerId = (n: number) => user(`interviewer${n}@acme.test`);

  for (const [index, profile] of interviewers.entries()) {
    await trx
      .updateTable('users')
      .set({ working_hours: JSON.stringify(profile.hours), tags: profile.tags, max_interviews_per_day: 2, max_interviews_per_week: 6 })
      .where('id', '=', interviewerId(index + 1))
      .execute();
  }

  const pools = await trx
    .insertInto('pools')
    .values([
      { organization_id: organizationId, name: 'Backend', required_tag: 'technical', created_at: now },
      { organization_id: organizationId, name: 'Culture', required_tag: 'culture', created_at: now },
    ])
    .returning(['id', 'name'])
    .execute();
  const backend = must(pools.find((pool) => pool.name === 'Backend')?.id, 'pool Backend');
  const culture = must(pools.find((pool) => pool.name === 'Culture')?.id, 'pool Culture');
  await trx
    .insertInto('pool_members')
    .values([
      ...[1, 2, 3, 4, 5].map((n) => ({ pool_id: backend, user_id: interviewerId(n), organization_id: organizationId })),
      ...[5, 6, 7, 8].map((n) => ({ pool_id: culture, user_id: interviewerId(n), organization_id: organizationId })),
    ])
    .execute();

  const candidateRows = await trx
    .insertInto('candidates')
    .values(
      candidates.map((c) => ({
        organization_id: organizationId,
        name: c.name,
        email: c.email,
        phone: c.phone,
        time_zone: c.timeZone,
        source: c.source,
        external_id: c.externalId,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'external_id'])
    .execute();
  const candidateId = (externalId: string) => must(candidateRows.find((c) => c.external_id === externalId)?.id, `candidate ${externalId}`);

  for (const requisition of requisitions) {
    const recruiterId = user('recruiter@acme.test');
    const { id: requisitionId } = await trx
      .insertInto('requisitions')
      .values({
        organization_id: organizationId,
        title: requisition.title,
        client_id: requisition.client ? must(seed.clientIds.get(requisition.client), requisition.client) : null,
        hiring_manager_id: user(requisition.hiringManager),
        recruiter_id: recruiterId,
        external_id: requisition.externalId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('requisition_coordinators').values({ requisition_id: requisitionId, user_id: user('coordinator@acme.test'), organization_id: organizationId }).execute();
    const people: TemplatePeople = { recruiterId, hiringManagerId: user(requisition.hiringManager), technicalPoolId: backend, culturePoolId: culture };
    const stages = await trx
      .insertInto('stages')
      .values(
        requisition.stages.map((kind, index) => {
          const template = stageTemplate(kind, people);
          return {
            organization_id: organizationId,
            requisition_id: requisitionId,
            position: index + 1,
            key: template.key,
            name: template.name,
            kind,
            rules: JSON.stringify(template.rules),
            created_at: now,
            updated_at: now,
          };
        }),
      )
      .returning(['id', 'kind'])
      .execute();
    await trx
      .insertInto('applications')
      .values(
        requisition.applications.map(([externalId, stageKind, submitted, status]) => ({
          organization_id: organizationId,
          candidate_id: candidateId(externalId),
          requisition_id: requisitionId,
          current_stage_id: must(stages.find((stage) => stage.kind === stageKind)?.id, `stage ${stageKind}`),
          status,
          submitted_to_client_at: submitted ? now : null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }

  await trx
    .insertInto('candidate_notes')
    .values([
      { organization_id: organizationId, candidate_id: candidateId('C-2001'), author_id: user('recruiter@acme.test'), body: 'Strong distributed-systems background; prefers early-morning US slots.', created_at: now },
      { organization_id: organizationId, candidate_id: candidateId('C-2003'), author_id: user('recruiter@acme.test'), body: 'Salary expectation above the Northwind band; discuss before the offer stage.', created_at: now },
    ])
    .execute();
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo data is missing ${what}`);
  return value;
}
