import type { Kysely } from 'kysely';
import { effectiveRole, type Actor, type RequestContext } from '../auth/actor.js';
import { authorize, can } from '../auth/policies.js';
import { applicationScope, candidateScope, type CandidateRecord } from '../auth/policies/directory.js';
import { Conflict, Forbidden, NotFound } from '../core/errors.js';
import type { Candidate, Database } from '../db/schema.js';
import { visibleApplicationsOf, type ApplicationDetails } from './applications.js';
import { changedFields, recordAudit } from './audit.js';
import { enqueueWebhookEvent } from './webhooks.js';
import { decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';
import { createdFields, likePattern } from './users.js';

export interface CandidateFilter extends PageRequest {
  /** Part of the name (and, for internal users, the email). */
  q?: string | undefined;
  requisitionId?: string | undefined;
}

export interface CandidateInput {
  name: string;
  email: string;
  phone?: string | null | undefined;
  timeZone: string;
  source?: string | null | undefined;
  externalId?: string | null | undefined;
}

export type CandidateChanges = Partial<CandidateInput>;

export interface CandidateNoteView {
  id: string;
  body: string;
  author: { id: string; name: string } | null;
  createdAt: Date;
}

/** A candidate with the applications the reader may see and, when they may, the internal notes. */
export interface CandidateDetails {
  candidate: Candidate;
  applications: ApplicationDetails[];
  notes: CandidateNoteView[] | null;
}

/** Who reaches the candidate through applications: the fields the candidate policy reads. */
async function accessRecord(db: Kysely<Database>, candidate: Candidate): Promise<CandidateRecord & { organization_id: string }> {
  const rows = await db
    .selectFrom('applications')
    .innerJoin('requisitions', 'requisitions.id', 'applications.requisition_id')
    .select(['requisitions.hiring_manager_id', 'requisitions.client_id', 'applications.submitted_to_client_at'])
    .where('applications.candidate_id', '=', candidate.id)
    .execute();
  return {
    organization_id: candidate.organization_id,
    hiring_manager_ids: rows.map((row) => row.hiring_manager_id).filter((id): id is string => id !== null),
    submitted_client_ids: rows.filter((row) => row.submitted_to_client_at !== null).map((row) => row.client_id).filter((id): id is string => id !== null),
  };
}

/** Loads a candidate the actor may read (404 otherwise) with its policy record. */
async function loadCandidate(db: Kysely<Database>, ctx: RequestContext, id: string, action: string) {
  const candidate = await db.selectFrom('candidates').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).executeTakeFirst();
  if (!candidate) throw new NotFound('Candidate not found.');
  const record = await accessRecord(db, candidate);
  authorize(ctx.actor, action, 'candidate', record);
  return { candidate, record };
}

/** Client users may only search by name: matching on email would reveal it. */
const searchesEmail = (actor: Actor) => effectiveRole(actor) !== 'client_user';

export async function listCandidates(db: Kysely<Database>, ctx: RequestContext, filter: CandidateFilter): Promise<Page<Candidate>> {
  if (!can(ctx.actor, 'list', 'candidate')) throw new Forbidden('Your role does not give access to candidates.');
  let query = db.selectFrom('candidates').selectAll().where(candidateScope(ctx.actor)).orderBy('name').orderBy('id').limit(filter.limit + 1);
  if (filter.q) {
    const pattern = likePattern(filter.q);
    query = query.where((eb) => (searchesEmail(ctx.actor) ? eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]) : eb('name', 'ilike', pattern)));
  }
  if (filter.requisitionId) {
    const requisitionId = filter.requisitionId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('applications')
          .select('applications.id')
          .whereRef('applications.candidate_id', '=', 'candidates.id')
          .where('applications.requisition_id', '=', requisitionId)
          .where(applicationScope(ctx.actor)),
      ),
    );
  }
  if (filter.cursor) {
    const after = decodeCursor(filter.cursor);
    query = query.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(after.key, after.id)));
  }
  return toPage(await query.execute(), filter.limit, (candidate) => candidate.name);
}

/** One candidate for the actor; viewing personal data is recorded as `candidate.viewed`. */
export async function getCandidate(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<CandidateDetails> {
  const { candidate, record } = await loadCandidate(db, ctx, id, 'read');
  const applications = await visibleApplicationsOf(db, ctx, { candidateId: candidate.id });
  const notes = can(ctx.actor, 'read_notes', 'candidate', record) ? await notesOf(db, candidate.id) : null;
  await db.transaction().execute((trx) => recordAudit(trx, ctx, { action: 'candidate.viewed', entityType: 'candidate', entityId: candidate.id }));
  return { candidate, applications, notes };
}

export async function createCandidate(db: Kysely<Database>, ctx: RequestContext, input: CandidateInput): Promise<Candidate> {
  if (!can(ctx.actor, 'create', 'candidate')) throw new Forbidden('You are not allowed to add candidates.');
  return db.transaction().execute((trx) => insertCandidate(trx, ctx, input));
}

async function insertCandidate(trx: Kysely<Database>, ctx: RequestContext, input: CandidateInput): Promise<Candidate> {
  const candidate = await withExternalIdConflict(input.externalId, () =>
    trx
      .insertInto('candidates')
      .values({
        organization_id: ctx.actor.organizationId,
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        time_zone: input.timeZone,
        source: input.source ?? null,
        external_id: input.externalId ?? null,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  // Contact details stay out of the audit trail: it records that they were set, not their values.
  await recordAudit(trx, ctx, {
    action: 'candidate.created',
    entityType: 'candidate',
    entityId: candidate.id,
    changes: createdFields({ time_zone: candidate.time_zone, source: candidate.source, external_id: candidate.external_id }),
  });
  return candidate;
}

export async function updateCandidate(db: Kysely<Database>, ctx: RequestContext, id: string, input: CandidateChanges): Promise<Candidate> {
  return db.transaction().execute((trx) => applyChanges(trx, ctx, id, input));
}

async function applyChanges(trx: Kysely<Database>, ctx: RequestContext, id: string, input: CandidateChanges): Promise<Candidate> {
  const before = await trx.selectFrom('candidates').selectAll().where('id', '=', id).where('organization_id', '=', ctx.actor.organizationId).forUpdate().executeTakeFirst();
  if (!before) throw new NotFound('Candidate not found.');
  authorize(ctx.actor, 'update', 'candidate', await accessRecord(trx, before));
  const next = {
    name: input.name ?? before.name,
    email: input.email ?? before.email,
    phone: input.phone === undefined ? before.phone : input.phone,
    time_zone: input.timeZone ?? before.time_zone,
    source: input.source === undefined ? before.source : input.source,
    external_id: input.externalId === undefined ? before.external_id : input.externalId,
  };
  const changes = changedFields(before, next);
  if (Object.keys(changes).length === 0) return before;
  const after = await withExternalIdConflict(next.external_id, () =>
    trx.updateTable('candidates').set({ ...next, updated_at: ctx.now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),
  );
  await recordAudit(trx, ctx, { action: 'candidate.updated', entityType: 'candidate', entityId: id, changes: redactPersonal(changes) });
  // The receiver is the organization's own ATS: it gets which fields changed and re-reads the record.
  await enqueueWebhookEvent(trx, ctx, 'candidate.updated', { candidateId: id, externalId: after.external_id, changedFields: Object.keys(changes) });
  return after;
}

/** Creates the candidate with this external (ATS) id, or updates the one that has it. */
export async function upsertCandidateByExternalId(
  db: Kysely<Database>,
  ctx: RequestContext,
  externalId: string,
  input: Omit<CandidateInput, 'externalId'>,
): Promise<{ created: boolean; candidate: Candidate }> {
  return db.transaction().execute((trx) => upsertCandidateIn(trx, ctx, externalId, input));
}

/** {@link upsertCandidateByExternalId} inside the caller's transaction (CSV imports run many in one). */
export async function upsertCandidateIn(
  trx: Kysely<Database>,
  ctx: RequestContext,
  externalId: string,
  input: Omit<CandidateInput, 'externalId'>,
): Promise<{ created: boolean; candidate: Candidate }> {
  // Only staff upsert, so nobody learns from the answer whether an external id exists.
  if (!can(ctx.actor, 'create', 'candidate')) throw new Forbidden('You are not allowed to add candidates.');
  const existing = await trx.selectFrom('candidates').select('id').where('organization_id', '=', ctx.actor.organizationId).where('external_id', '=', externalId).executeTakeFirst();
  if (existing) return { created: false, candidate: await applyChanges(trx, ctx, existing.id, input) };
  return { created: true, candidate: await insertCandidate(trx, ctx, { ...input, externalId }) };
}

export async function listNotes(db: Kysely<Database>, ctx: RequestContext, candidateId: string): Promise<CandidateNoteView[]> {
  await loadCandidate(db, ctx, candidateId, 'read_notes');
  return notesOf(db, candidateId);
}

/** Adds an internal note (staff, and hiring managers on their requisitions' candidates). */
export async function addNote(db: Kysely<Database>, ctx: RequestContext, candidateId: string, body: string): Promise<CandidateNoteView> {
  await loadCandidate(db, ctx, candidateId, 'add_note');
  return db.transaction().execute(async (trx) => {
    const note = await trx
      .insertInto('candidate_notes')
      .values({ organization_id: ctx.actor.organizationId, candidate_id: candidateId, author_id: ctx.actor.kind === 'user' ? ctx.actor.id : null, body, created_at: ctx.now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'candidate.note_added', entityType: 'candidate', entityId: candidateId, changes: { note_id: note.id } });
    return { id: note.id, body: note.body, author: ctx.actor.kind === 'user' ? { id: ctx.actor.id, name: ctx.actor.name } : null, createdAt: note.created_at };
  });
}

async function notesOf(db: Kysely<Database>, candidateId: string): Promise<CandidateNoteView[]> {
  const rows = await db
    .selectFrom('candidate_notes')
    .leftJoin('users', 'users.id', 'candidate_notes.author_id')
    .select(['candidate_notes.id', 'candidate_notes.body', 'candidate_notes.created_at', 'users.id as author_id', 'users.name as author_name'])
    .where('candidate_notes.candidate_id', '=', candidateId)
    .orderBy('candidate_notes.created_at', 'desc')
    .orderBy('candidate_notes.id')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    author: row.author_id && row.author_name ? { id: row.author_id, name: row.author_name } : null,
    createdAt: row.created_at,
  }));
}

const personalFields = new Set(['name', 'email', 'phone']);

/** Keeps which personal fields changed, without their values, out of the append-only trail. */
function redactPersonal(changes: Record<string, { from: unknown; to: unknown }>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, personalFields.has(field) ? { changed: true } : change]));
}

async function withExternalIdConflict<T>(externalId: string | null | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Conflict && (error.details as { constraint?: string } | undefined)?.constraint === 'candidates_external_id') {
      throw new Conflict(`Another candidate already has the external id "${externalId ?? ''}".`, { field: 'externalId' });
    }
    throw error;
  }
}
