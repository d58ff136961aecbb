import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../../auth/actor.js';
import { requestStatuses, stageKinds, type Interview } from '../../db/schema.js';
import type { RequestView } from '../../services/scheduling-context.js';
import type { OptionData, OptionsResult, RenderedExplanation } from '../../services/scheduling-options.js';
import { schedulingActions, type RequestSummary, type TransitionRow } from '../../services/scheduling-requests.js';
import type { StaleCalendar } from '../../services/calendar-staleness.js';

/** An instant in a zone, as ISO 8601 with that zone's offset (what people in that zone read). */
export function localIso(at: string | Date, timeZone: string): string {
  const millis = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return DateTime.fromMillis(millis, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? new Date(millis).toISOString();
}

const soonMs = 24 * 3_600_000;

/** A confirmed interview starting within 24 hours that the candidate has not confirmed: the coordinator should check in. */
export function isUnconfirmedSoon(interview: { status: string; starts_at: Date; candidate_confirmed_at: Date | null }, now: Date): boolean {
  const left = interview.starts_at.getTime() - now.getTime();
  return interview.status === 'confirmed' && interview.candidate_confirmed_at === null && left > 0 && left <= soonMs;
}

const waitingOn = z.enum(['coordinator', 'candidate', 'interviewers', 'client']).nullable();

export const explanationSchema = z.object({ code: z.string(), params: z.unknown(), message: z.string() });

export const optionSchema = z.object({
  id: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  candidateTimeZone: z.string(),
  candidateLocalStart: z.string().describe('the start in the candidate’s zone, ISO 8601 with offset'),
  sessions: z.array(
    z.object({
      name: z.string(),
      start: z.iso.datetime(),
      end: z.iso.datetime(),
      candidateLocalStart: z.string(),
      interviewers: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          timeZone: z.string(),
          localStart: z.string(),
          load: z
            .object({ day: z.number().int(), week: z.number().int(), perDay: z.number().int().nullable(), perWeek: z.number().int().nullable() })
            .nullable()
            .describe('their interviews already on that local day and in that ISO week, with their limits (null when unknown)'),
        }),
      ),
    }),
  ),
});

export function presentOption(option: OptionData, people: OptionsResult['people'], candidateZone: string, loadOf?: OptionsResult['loadOf']): z.infer<typeof optionSchema> {
  const first = option.sessions[0]!;
  const last = option.sessions[option.sessions.length - 1]!;
  return {
    id: option.id,
    start: first.start,
    end: last.end,
    candidateTimeZone: candidateZone,
    candidateLocalStart: localIso(first.start, candidateZone),
    sessions: option.sessions.map((s) => ({
      name: s.name,
      start: s.start,
      end: s.end,
      candidateLocalStart: localIso(s.start, candidateZone),
      interviewers: s.interviewerIds.map((id) => {
        const person = people.get(id);
        const timeZone = person?.timeZone ?? 'UTC';
        return { id, name: person?.name ?? 'Unknown interviewer', timeZone, localStart: localIso(s.start, timeZone), load: loadOf?.(id, s.start) ?? null };
      }),
    })),
  };
}

export const optionsResultSchema = z.object({ options: z.array(optionSchema), explanations: z.array(explanationSchema) });

export function presentOptions(result: OptionsResult, candidateZone: string): z.infer<typeof optionsResultSchema> {
  return { options: result.options.map((o) => presentOption(o, result.people, candidateZone, result.loadOf)), explanations: result.explanations.map(presentExplanation) };
}

export function presentExplanation(e: RenderedExplanation): z.infer<typeof explanationSchema> {
  return { code: e.code, params: e.params, message: e.message };
}

export const staleCalendarSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  reason: z.enum(['error', 'old']),
  lastSyncedAt: z.iso.datetime().nullable(),
});

export function presentStaleCalendar(stale: StaleCalendar): z.infer<typeof staleCalendarSchema> {
  return { userId: stale.userId, name: stale.name, reason: stale.reason, lastSyncedAt: stale.lastSyncedAt?.toISOString() ?? null };
}

export const requestSummarySchema = z.object({
  id: z.uuid(),
  status: z.enum(requestStatuses),
  waitingOn,
  readyAt: z.iso.datetime(),
  firstBookedAt: z.iso.datetime().nullable(),
  ageHours: z.number(),
  candidate: z.object({ id: z.uuid(), name: z.string() }),
  applicationId: z.uuid(),
  stage: z.object({ id: z.uuid(), name: z.string() }),
  requisition: z.object({ id: z.uuid(), title: z.string(), clientId: z.uuid().nullable() }),
  candidateConfirmedAt: z.iso.datetime().nullable().describe('when the candidate answered "I\'ll be there" for the confirmed interview'),
  unconfirmedSoon: z.boolean().describe('the confirmed interview starts within 24 hours and the candidate has not confirmed'),
  staleCalendars: z
    .array(staleCalendarSchema)
    .optional()
    .describe('interviewers (assigned, or who could be while scheduling) whose connected calendar is out of date or failing; not shown to client users'),
});

export function presentRequestSummary(row: RequestSummary, now: Date, staleCalendars?: StaleCalendar[]): z.infer<typeof requestSummarySchema> {
  return {
    ...(staleCalendars ? { staleCalendars: staleCalendars.map(presentStaleCalendar) } : {}),
    id: row.id,
    status: row.status,
    waitingOn: row.waitingOn,
    readyAt: row.readyAt.toISOString(),
    firstBookedAt: row.firstBookedAt?.toISOString() ?? null,
    ageHours: Math.round(((now.getTime() - row.readyAt.getTime()) / 3_600_000) * 10) / 10,
    candidate: { id: row.candidateId, name: row.candidateName },
    applicationId: row.applicationId,
    stage: { id: row.stageId, name: row.stageName },
    requisition: { id: row.requisitionId, title: row.requisitionTitle, clientId: row.clientId },
    candidateConfirmedAt: row.candidateConfirmedAt?.toISOString() ?? null,
    unconfirmedSoon:
      row.interviewStartsAt !== null && isUnconfirmedSoon({ status: 'confirmed', starts_at: row.interviewStartsAt, candidate_confirmed_at: row.candidateConfirmedAt }, now),
  };
}

const permissionSchema = z.object({ allowed: z.boolean(), reason: z.string().nullable() });

const transitionSchema = z.object({
  from: z.enum(requestStatuses).nullable(),
  to: z.enum(requestStatuses),
  event: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  initiator: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.iso.datetime(),
});

export const requestSchema = requestSummarySchema.extend({
  candidate: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
  stage: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(stageKinds), mode: z.string(), clientApprovalRequired: z.boolean() }),
  rebookOf: z.uuid().nullable(),
  candidateReschedules: z.number().int(),
  offeredOptions: z.array(z.object({ id: z.string(), start: z.iso.datetime(), candidateLocalStart: z.string() })),
  candidateWindows: z.array(z.object({ start: z.iso.datetime(), end: z.iso.datetime() })).nullable(),
  interviewId: z.uuid().nullable(),
  transitions: z.array(transitionSchema).describe('empty for client users'),
  actions: z
    .object({ book: permissionSchema, offer: permissionSchema })
    .describe('whether you may book or offer this request now (the stage’s "who may schedule", its mode and the request’s state), and why not'),
});

/** A request as staff and hiring managers see it; client users get it without the internal history. */
export function presentRequest(
  view: RequestView,
  extra: { interviewId: string | null; interview?: Interview | null | undefined; transitions: TransitionRow[]; now: Date; actor: Actor },
): z.infer<typeof requestSchema> {
  const { request, candidate, stage, requisition, rules } = view;
  const internal = !(extra.actor.kind === 'user' && extra.actor.role === 'client_user');
  const summary = presentRequestSummary(
    {
      id: request.id,
      status: request.status,
      waitingOn: request.waiting_on,
      readyAt: request.ready_at,
      firstBookedAt: request.first_booked_at,
      candidateId: candidate.id,
      candidateName: candidate.name,
      applicationId: request.application_id,
      stageId: stage.id,
      stageName: stage.name,
      requisitionId: requisition.id,
      requisitionTitle: requisition.title,
      clientId: requisition.client_id,
      interviewStartsAt: extra.interview?.status === 'confirmed' ? extra.interview.starts_at : null,
      candidateConfirmedAt: extra.interview?.status === 'confirmed' ? extra.interview.candidate_confirmed_at : null,
    },
    extra.now,
  );
  return {
    ...summary,
    candidate: { id: candidate.id, name: candidate.name, timeZone: candidate.time_zone },
    stage: { id: stage.id, name: stage.name, kind: stage.kind, mode: rules.mode, clientApprovalRequired: rules.clientApprovalRequired },
    rebookOf: request.rebook_of,
    candidateReschedules: request.candidate_reschedules,
    offeredOptions: (request.offered_options ?? []).map((o) => ({ id: o.id, start: o.sessions[0]!.start, candidateLocalStart: localIso(o.sessions[0]!.start, candidate.time_zone) })),
    candidateWindows: request.candidate_windows,
    interviewId: extra.interviewId,
    actions: schedulingActions(extra.actor, view),
    transitions: internal
      ? extra.transitions.map((t) => ({
          from: t.from_status as z.infer<typeof transitionSchema>['from'],
          to: t.to_status as z.infer<typeof transitionSchema>['to'],
          event: t.event,
          actorType: t.actor_type,
          actorId: t.actor_id,
          initiator: t.initiator,
          reason: t.reason,
          at: t.at.toISOString(),
        }))
      : [],
  };
}
