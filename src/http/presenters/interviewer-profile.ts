import { z } from 'zod';
import type { Selectable } from 'kysely';
import { WEEKDAYS } from '../../core/working-hours.js';
import type { AvailabilityBlockTable, AvailabilityOverrideTable } from '../../db/schema.js';
import type { InterviewerProfile } from '../../services/interviewer-profiles.js';

export const localRangeSchema = z.object({
  start: z.string().regex(/^\d{2}:\d{2}$/, 'must be a time like 09:00'),
  end: z.string().regex(/^\d{2}:\d{2}$/, 'must be a time like 17:00'),
});
export const weeklyHoursSchema = z.object(Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(localRangeSchema).max(6).optional()])) as Record<(typeof WEEKDAYS)[number], z.ZodOptional<z.ZodArray<typeof localRangeSchema>>>).strict();

export const profileSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  weeklyHours: weeklyHoursSchema,
  maxInterviewsPerDay: z.number().int().nullable(),
  maxInterviewsPerWeek: z.number().int().nullable(),
  tags: z.array(z.string()),
  pools: z.array(z.object({ id: z.uuid(), name: z.string(), requiredTag: z.string().nullable() })),
  canEdit: z.boolean(),
});

export const overrideSchema = z.object({
  id: z.uuid(),
  date: z.iso.date(),
  kind: z.enum(['day_off', 'replace', 'extra']),
  hours: z.array(localRangeSchema),
  createdAt: z.iso.datetime(),
});

export const blockSchema = z.object({
  id: z.uuid(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  reason: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

/** Working hours are shown in the person's own zone, as they were entered. */
export function presentProfile({ user, pools }: InterviewerProfile, canEdit: boolean): z.infer<typeof profileSchema> {
  return {
    userId: user.id,
    name: user.name,
    timeZone: user.time_zone,
    weeklyHours: Object.fromEntries(Object.entries(user.working_hours).map(([day, ranges]) => [day, ranges.map(({ start, end }) => ({ start, end }))])),
    maxInterviewsPerDay: user.max_interviews_per_day,
    maxInterviewsPerWeek: user.max_interviews_per_week,
    tags: user.tags,
    pools,
    canEdit,
  };
}

export function presentOverride(row: Selectable<AvailabilityOverrideTable>): z.infer<typeof overrideSchema> {
  return { id: row.id, date: row.date, kind: row.kind, hours: row.hours.map(({ start, end }) => ({ start, end })), createdAt: row.created_at.toISOString() };
}

export function presentBlock(row: Selectable<AvailabilityBlockTable>): z.infer<typeof blockSchema> {
  return { id: row.id, startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString(), reason: row.reason, createdAt: row.created_at.toISOString() };
}
