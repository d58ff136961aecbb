import { describe, expect, it } from 'vitest';
import { stageRulesSchema, stageTemplate } from '../../src/services/stage-rules.js';

const person = '00000000-0000-4000-8000-000000000000';
const base = { sessions: [{ name: 'Screen', durationMinutes: 30, requirements: [{ kind: 'people' as const, personIds: [person] }] }] };

describe('stage rules', () => {
  it.each([
    ['24:30', 'candidateHours.end'],
    ['9:00', 'candidateHours.end'],
    ['07:00', 'candidateHours.end'],
  ])('refuses candidate hours ending at %s with a field path', (end, path) => {
    const result = stageRulesSchema.safeParse({ ...base, candidateHours: { start: '08:00', end } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('accepts a day that runs to midnight and fills sensible defaults', () => {
    const rules = stageRulesSchema.parse({ ...base, candidateHours: { start: '08:00', end: '24:00' } });
    expect(rules).toMatchObject({ mode: 'self_schedule', optionsCount: 3, minNoticeHours: 24, reminderOffsetsMinutes: [1440, 60] });
  });

  it('requires client visibility for client approval and notice shorter than the horizon', () => {
    const result = stageRulesSchema.safeParse({ ...base, clientApprovalRequired: true, minNoticeHours: 48, horizonDays: 2 });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['clientApprovalRequired', 'minNoticeHours']);
  });

  it('builds valid templates for the four seed workflows', () => {
    const people = { recruiterId: person, hiringManagerId: person, technicalPoolId: person, culturePoolId: person };
    const kinds = ['recruiter_screen', 'hiring_manager', 'panel', 'client'] as const;
    const templates = kinds.map((kind) => stageTemplate(kind, people));
    expect(templates.map((t) => t.rules.mode)).toEqual(['self_schedule', 'self_schedule', 'coordinator', 'self_schedule']);
    expect(templates[3]?.rules).toMatchObject({ clientVisible: true, clientApprovalRequired: true });
    expect(templates[2]?.rules.sessions).toHaveLength(2);
  });
});
