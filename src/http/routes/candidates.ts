import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addNote,
  createCandidate,
  getCandidate,
  listCandidates,
  listNotes,
  updateCandidate,
  upsertCandidateByExternalId,
} from '../../services/candidates.js';
import { contextOf, requireActor } from '../auth.js';
import { anyCandidateSchema, candidateSchema, noteSchema, presentCandidate, presentCandidateFor, presentNote } from '../presenters/candidate.js';
import { errorResponses, idParams, pageQuery } from '../schemas.js';
import { timeZoneSchema } from './organization.js';

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();
export const candidateFields = {
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).transform((email) => email.toLowerCase()),
  phone: z.string().trim().regex(/^[+()\d\s.-]{5,40}$/, 'must be a phone number').nullable().optional(),
  timeZone: timeZoneSchema,
  source: optionalText(100),
};
export const externalId = z.string().trim().min(1).max(200);

const newCandidate = z.object({ ...candidateFields, externalId: externalId.nullable().optional() }).strict();
const upsertBody = z.object(candidateFields).strict();
const candidateChanges = z
  .object({
    name: candidateFields.name.optional(),
    email: candidateFields.email.optional(),
    phone: candidateFields.phone,
    timeZone: timeZoneSchema.optional(),
    source: candidateFields.source,
    externalId: externalId.nullable().optional(),
  })
  .strict();

const candidateQuery = pageQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
  requisitionId: z.uuid().optional(),
});
const candidatePage = z.object({ items: z.array(anyCandidateSchema), nextCursor: z.string().nullable() });
const tags = ['candidates'];

export const candidatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    '/candidates',
    {
      schema: {
        tags,
        summary: 'Candidates: all for staff, their requisitions’ for hiring managers, submitted ones (name only) for client users',
        querystring: candidateQuery,
        response: { 200: candidatePage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await listCandidates(db(), contextOf(request), request.query);
      return { items: page.items.map((candidate) => presentCandidateFor(requireActor(request), candidate)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/candidates/:id',
    {
      schema: {
        tags,
        summary: 'One candidate with the applications (and internal notes) you may see; recorded as a view of personal data',
        params: idParams,
        response: { 200: anyCandidateSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { candidate, ...details } = await getCandidate(db(), contextOf(request), request.params.id);
      return presentCandidateFor(requireActor(request), candidate, details);
    },
  );

  app.post(
    '/candidates',
    { schema: { tags, summary: 'Add a candidate (staff)', body: newCandidate, response: { 201: candidateSchema, ...errorResponses(400, 401, 403, 409) } } },
    async (request, reply) => reply.status(201).send(presentCandidate(await createCandidate(db(), contextOf(request), request.body))),
  );

  app.patch(
    '/candidates/:id',
    {
      schema: { tags, summary: 'Change a candidate’s details (staff)', params: idParams, body: candidateChanges, response: { 200: candidateSchema, ...errorResponses(400, 401, 403, 404, 409) } },
    },
    async (request) => presentCandidate(await updateCandidate(db(), contextOf(request), request.params.id, request.body)),
  );

  app.put(
    '/candidates/by-external-id/:externalId',
    {
      schema: {
        tags,
        summary: 'Create or update the candidate with this ATS id (staff)',
        params: z.object({ externalId }),
        body: upsertBody,
        response: { 200: candidateSchema, 201: candidateSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const result = await upsertCandidateByExternalId(db(), contextOf(request), request.params.externalId, request.body);
      return reply.status(result.created ? 201 : 200).send(presentCandidate(result.candidate));
    },
  );

  app.get(
    '/candidates/:id/notes',
    {
      schema: {
        tags,
        summary: 'Internal notes, newest first (staff, and hiring managers on their requisitions’ candidates)',
        params: idParams,
        response: { 200: z.object({ items: z.array(noteSchema) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: (await listNotes(db(), contextOf(request), request.params.id)).map(presentNote) }),
  );

  app.post(
    '/candidates/:id/notes',
    {
      schema: {
        tags,
        summary: 'Add an internal note (staff, and hiring managers on their requisitions’ candidates)',
        params: idParams,
        body: z.object({ body: z.string().trim().min(1).max(5000) }).strict(),
        response: { 201: noteSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(presentNote(await addNote(db(), contextOf(request), request.params.id, request.body.body))),
  );
};
