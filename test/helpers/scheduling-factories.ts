import type { Kysely } from 'kysely';
import { hashToken } from '../../src/auth/tokens.js';
import type { Database, StageKind, User } from '../../src/db/schema.js';
import { stageRulesSchema, stageTemplate, type StageRulesInput } from '../../src/services/stage-rules.js';

let sequence = 0;

/** The demo organization Acme Staffing as the scheduling tests use it: people, clients, pools. */
export interface Acme {
  db: Kysely<Database>;
  orgId: string;
  clients: { northwind: string; globex: string };
  user(email: string): User;
  pools: { technical: string; culture: string };
}

/** Reads the demo seed of Acme and adds two pools: technical (interviewers 1–4, tagged) and culture (5–8). */
export async function loadAcme(db: Kysely<Database>): Promise<Acme> {
  const org = await db.selectFrom('organizations').select('id').where('name', '=', 'Acme Staffing').executeTakeFirstOrThrow();
  const clients = await db.selectFrom('clients').select(['id', 'name']).where('organization_id', '=', org.id).execute();
  const users = new Map((await db.selectFrom('users').selectAll().where('organization_id', '=', org.id).execute()).map((u) => [u.email, u]));
  const user = (email: string) => {
    const found = users.get(email);
    if (!found) throw new Error(`no demo user ${email}`);
    return found;
  };
  const technical = [1, 2, 3, 4].map((n) => user(`interviewer${n}@acme.test`).id);
  const culture = [5, 6, 7, 8].map((n) => user(`interviewer${n}@acme.test`).id);
  // A known profile for everyone, whatever the demo seed sets: 09:00–17:00 on weekdays, no limits.
  const nineToFive = JSON.stringify(Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])));
  await db.updateTable('users').set({ working_hours: nineToFive, max_interviews_per_day: null, max_interviews_per_week: null, tags: [] }).where('organization_id', '=', org.id).execute();
  await db.updateTable('users').set({ tags: ['technical'] }).where('id', 'in', technical).execute();
  const n = ++sequence;
  const makePool = async (name: string, members: string[], tag: string | null) => {
    const pool = await db.insertInto('pools').values({ organization_id: org.id, name: `${name} ${n}`, required_tag: tag }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('pool_members').values(members.map((user_id) => ({ pool_id: pool.id, user_id, organization_id: org.id }))).execute();
    return pool.id;
  };
  return {
    db,
    orgId: org.id,
    clients: { northwind: clients.find((c) => c.name === 'Northwind')!.id, globex: clients.find((c) => c.name === 'Globex')!.id },
    user,
    pools: { technical: await makePool('Technical', technical, 'technical'), culture: await makePool('Culture', culture, null) },
  };
}

export interface RequisitionInput {
  client?: 'northwind' | 'globex' | null;
  title?: string;
  hiringManager?: string;
  recruiter?: string;
  coordinators?: string[];
}

/** A requisition with the four template stages (keys screen, hm, panel, client) plus any extra stages. */
export async function makeRequisition(acme: Acme, input: RequisitionInput = {}, extraStages: { key: string; kind?: StageKind; rules: StageRulesInput }[] = []) {
  const { db } = acme;
  const hm = acme.user(input.hiringManager ?? 'hm@acme.test');
  const recruiter = acme.user(input.recruiter ?? 'recruiter@acme.test');
  const requisition = await db
    .insertInto('requisitions')
    .values({
      organization_id: acme.orgId,
      client_id: input.client ? acme.clients[input.client] : null,
      title: input.title ?? `Backend Engineer ${++sequence}`,
      hiring_manager_id: hm.id,
      recruiter_id: recruiter.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const coordinators = input.coordinators ?? ['coordinator@acme.test'];
  if (coordinators.length) {
    await db.insertInto('requisition_coordinators').values(coordinators.map((email) => ({ requisition_id: requisition.id, user_id: acme.user(email).id, organization_id: acme.orgId }))).execute();
  }
  const people = { recruiterId: recruiter.id, hiringManagerId: hm.id, technicalPoolId: acme.pools.technical, culturePoolId: acme.pools.culture };
  const templates = (['recruiter_screen', 'hiring_manager', 'panel', 'client'] as const).map((kind) => stageTemplate(kind, people));
  const all = [...templates, ...extraStages.map((s) => ({ key: s.key, name: s.key, kind: s.kind ?? ('other' as const), rules: stageRulesSchema.parse(s.rules) }))];
  const stages: Record<string, string> = {};
  for (const [position, stage] of all.entries()) {
    const row = await db
      .insertInto('stages')
      .values({ organization_id: acme.orgId, requisition_id: requisition.id, position, key: stage.key, name: stage.name, kind: stage.kind, rules: JSON.stringify(stage.rules) })
      .returning('id')
      .executeTakeFirstOrThrow();
    stages[stage.key] = row.id;
  }
  return { requisition, stages };
}

export async function makeCandidate(acme: Acme, overrides: { name?: string; timeZone?: string; source?: string } = {}) {
  const n = ++sequence;
  return acme.db
    .insertInto('candidates')
    .values({
      organization_id: acme.orgId,
      name: overrides.name ?? `Candidate ${n}`,
      email: `candidate${n}@mail.test`,
      time_zone: overrides.timeZone ?? 'America/New_York',
      source: overrides.source ?? 'referral',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeApplication(acme: Acme, requisitionId: string, options: { candidateId?: string; submitted?: boolean; timeZone?: string } = {}) {
  const candidateId = options.candidateId ?? (await makeCandidate(acme, options.timeZone ? { timeZone: options.timeZone } : {})).id;
  return acme.db
    .insertInto('applications')
    .values({ organization_id: acme.orgId, candidate_id: candidateId, requisition_id: requisitionId, submitted_to_client_at: options.submitted === false ? null : new Date('2026-11-20T12:00:00Z') })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The token of the live candidate link emailed to an address (from the outbox; revoked links are skipped). */
export async function lastCandidateToken(db: Kysely<Database>, email: string): Promise<string> {
  const rows = await db.selectFrom('outbox_messages').select(['payload']).where('channel', '=', 'email').execute();
  const tokens = rows.flatMap((row) => {
    const payload = row.payload as { to?: string; text?: string };
    const token = payload.to === email ? /\/s\/([A-Za-z0-9_-]{40,})/.exec(payload.text ?? '')?.[1] : undefined;
    return token ? [token] : [];
  });
  if (tokens.length === 0) throw new Error(`no candidate link emailed to ${email}`);
  const live = await db.selectFrom('candidate_links').select('token_hash').where('revoked_at', 'is', null).where('token_hash', 'in', tokens.map(hashToken)).execute();
  const liveHashes = new Set(live.map((l) => l.token_hash));
  const token = tokens.find((t) => liveHashes.has(hashToken(t)));
  if (!token) throw new Error(`no live candidate link emailed to ${email}`);
  return token;
}
