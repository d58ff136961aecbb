import { z } from 'zod';
import type { StageRules as CoreStageRules } from '../core/stage.js';
import { parseTime } from '../core/working-hours.js';
import type { Role, StageKind } from '../db/schema.js';

const timePattern = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const time = z.string().regex(timePattern, 'must be a time like 09:00 (00:00–24:00)');

const requirementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('people'), personIds: z.array(z.uuid()).min(1).max(10) }),
  z.object({
    kind: z.literal('pool'),
    poolId: z.uuid(),
    count: z.number().int().min(1).max(10),
    tag: z.string().trim().min(1).max(50).nullable().optional(),
  }),
]);

const sessionSchema = z.object({
  name: z.string().trim().min(1).max(100),
  durationMinutes: z.number().int().min(10).max(480).multipleOf(5),
  requirements: z.array(requirementSchema).min(1).max(6),
});

export const schedulingModes = ['self_schedule', 'availability_request', 'coordinator'] as const;
export const schedulerRoles = ['admin', 'recruiter', 'coordinator', 'hiring_manager'] as const satisfies readonly Role[];

/**
 * Every rule of a stage (DESIGN §2), validated on each write. Defaults make a reasonable
 * one-session stage, so a form only has to send what it changes.
 */
export const stageRulesSchema = z
  .object({
    mode: z.enum(schedulingModes).default('self_schedule'),
    schedulers: z.array(z.enum(schedulerRoles)).min(1).default(['admin', 'recruiter', 'coordinator']),
    sessions: z.array(sessionSchema).min(1).max(8),
    arrangement: z.enum(['back_to_back', 'same_day']).default('back_to_back'),
    breakMinutes: z.number().int().min(0).max(240).default(0),
    optionsCount: z.number().int().min(1).max(10).default(3),
    minNoticeHours: z.number().int().min(0).max(720).default(24),
    horizonDays: z.number().int().min(1).max(90).default(14),
    bufferMinutes: z.number().int().min(0).max(120).default(10),
    candidateHours: z
      .object({
        start: time.default('08:00'),
        end: time.default('18:00'),
        eveningsAllowed: z.boolean().default(false),
        eveningEnd: time.default('21:00'),
        weekendsAllowed: z.boolean().default(false),
      })
      .default({ start: '08:00', end: '18:00', eveningsAllowed: false, eveningEnd: '21:00', weekendsAllowed: false }),
    clientVisible: z.boolean().default(false),
    clientApprovalRequired: z.boolean().default(false),
    /** Availability-request mode: book the best option as soon as the candidate sends windows. */
    autoBookFromAvailability: z.boolean().default(false),
    reschedule: z
      .object({
        cutoffHours: z.number().int().min(0).max(168).default(24),
        maxByCandidate: z.number().int().min(0).max(10).default(2),
      })
      .default({ cutoffHours: 24, maxByCandidate: 2 }),
    reminderOffsetsMinutes: z.array(z.number().int().min(5).max(10_080)).max(5).default([1440, 60]),
    location: z.string().trim().max(500).nullable().default(null),
  })
  .superRefine((rules, ctx) => {
    const { start, end } = rules.candidateHours;
    // Refinements run even when a field already failed its pattern; only compare valid times.
    if (timePattern.test(start) && timePattern.test(end) && parseTime(start) >= parseTime(end)) {
      ctx.addIssue({ code: 'custom', path: ['candidateHours', 'end'], message: 'must be after the start' });
    }
    if (rules.clientApprovalRequired && !rules.clientVisible) {
      ctx.addIssue({ code: 'custom', path: ['clientApprovalRequired'], message: 'needs the stage to be visible to the client' });
    }
    if (rules.minNoticeHours >= rules.horizonDays * 24) {
      ctx.addIssue({ code: 'custom', path: ['minNoticeHours'], message: 'must be shorter than the booking horizon' });
    }
  });

export type StageRules = z.output<typeof stageRulesSchema>;
export type StageRulesInput = z.input<typeof stageRulesSchema>;

/** The engine's view of a stage's rules. */
export function toCoreRules(rules: StageRules): CoreStageRules {
  return {
    sessions: rules.sessions,
    breakMinutes: rules.breakMinutes,
    arrangement: rules.arrangement,
    optionsCount: rules.optionsCount,
    minNoticeHours: rules.minNoticeHours,
    horizonDays: rules.horizonDays,
    bufferMinutes: rules.bufferMinutes,
    candidateHours: rules.candidateHours,
  };
}

export interface TemplatePeople {
  recruiterId: string;
  hiringManagerId: string;
  /** Pools for the panel template: technical interviewers and a culture interviewer. */
  technicalPoolId?: string;
  culturePoolId?: string;
}

/** Sensible rules for the four seed workflows. */
export function stageTemplate(kind: StageKind, people: TemplatePeople): { key: string; name: string; kind: StageKind; rules: StageRules } {
  const make = (key: string, name: string, rules: StageRulesInput) => ({ key, name, kind, rules: stageRulesSchema.parse(rules) });
  switch (kind) {
    case 'recruiter_screen':
      return make('screen', 'Recruiter screen', {
        mode: 'self_schedule',
        sessions: [{ name: 'Phone screen', durationMinutes: 30, requirements: [{ kind: 'people', personIds: [people.recruiterId] }] }],
        minNoticeHours: 4,
        horizonDays: 10,
        bufferMinutes: 10,
        candidateHours: { start: '08:00', end: '18:00', eveningsAllowed: true, weekendsAllowed: false },
        location: 'Phone call: the recruiter calls you',
      });
    case 'hiring_manager':
      return make('hm', 'Hiring manager interview', {
        mode: 'self_schedule',
        schedulers: ['admin', 'recruiter', 'coordinator', 'hiring_manager'],
        sessions: [{ name: 'Hiring manager', durationMinutes: 45, requirements: [{ kind: 'people', personIds: [people.hiringManagerId] }] }],
        minNoticeHours: 24,
        horizonDays: 14,
        location: 'Video call (link in the invite)',
      });
    case 'panel':
      return make('panel', 'Panel interview', {
        mode: 'coordinator',
        schedulers: ['admin', 'coordinator'],
        sessions: [
          { name: 'Technical deep dive', durationMinutes: 60, requirements: [{ kind: 'pool', poolId: people.technicalPoolId ?? '', count: 2, tag: 'technical' }] },
          { name: 'Culture and values', durationMinutes: 45, requirements: [{ kind: 'pool', poolId: people.culturePoolId ?? '', count: 1 }] },
        ],
        arrangement: 'back_to_back',
        breakMinutes: 15,
        minNoticeHours: 48,
        horizonDays: 21,
        bufferMinutes: 15,
        location: 'Video call (link in the invite)',
      });
    case 'client':
      return make('client', 'Client interview', {
        mode: 'self_schedule',
        sessions: [{ name: 'Client interview', durationMinutes: 60, requirements: [{ kind: 'people', personIds: [people.recruiterId] }] }],
        minNoticeHours: 48,
        horizonDays: 21,
        clientVisible: true,
        clientApprovalRequired: true,
        location: 'At the client or by video, as confirmed',
      });
    default:
      return make('other', 'Interview', {
        sessions: [{ name: 'Interview', durationMinutes: 45, requirements: [{ kind: 'people', personIds: [people.hiringManagerId] }] }],
      });
  }
}
