import type { Role } from '../../db/schema.js';
import { effectiveRole, type Actor } from '../actor.js';
import { definePolicy, staff, type Condition } from './rules.js';

/**
 * What the scheduling policies read about a request or an interview: the requisition's client
 * and hiring manager, whether the stage is shown to the client and the candidate was submitted to
 * them, who may schedule the stage, and (interviews) who is assigned.
 */
export interface SchedulingRecord {
  client_id: string | null;
  hiring_manager_id: string | null;
  client_visible: boolean;
  submitted_to_client: boolean;
  schedulers: readonly Role[];
  interviewer_ids: readonly string[];
}

const isHiringManager: Condition<SchedulingRecord> = (actor, r) => actor.kind === 'user' && r.hiring_manager_id === actor.id;
const isAssigned: Condition<SchedulingRecord> = (actor, r) => actor.kind === 'user' && r.interviewer_ids.includes(actor.id);
/** A client user sees only client-visible stages of their own client's requisitions, for submitted candidates. */
const clientSees: Condition<SchedulingRecord> = (actor, r) =>
  actor.kind === 'user' && actor.clientId !== null && r.client_id === actor.clientId && r.client_visible && r.submitted_to_client;
const mayScheduleStage = (actor: Actor, r: SchedulingRecord): boolean => (r.schedulers as readonly string[]).includes(effectiveRole(actor));
const schedulingStaff: Condition<SchedulingRecord> = (actor, r) => mayScheduleStage(actor, r);
const schedulingManager: Condition<SchedulingRecord> = (actor, r) => isHiringManager(actor, r) && mayScheduleStage(actor, r);

export const schedulingPolicies = {
  schedulingRequest: definePolicy<SchedulingRecord>({
    label: 'Scheduling request',
    actions: {
      read: [{ roles: staff }, { roles: ['hiring_manager'], when: isHiringManager }, { roles: ['client_user'], when: clientSees }],
      list: [{ roles: [...staff, 'hiring_manager', 'client_user'] }],
      create: [{ roles: staff }, { roles: ['hiring_manager'], when: isHiringManager }],
      options: [{ roles: staff }, { roles: ['hiring_manager'], when: isHiringManager }],
      /** Offer and book follow the stage's "who may schedule". */
      offer: [{ roles: staff, when: schedulingStaff }, { roles: ['hiring_manager'], when: schedulingManager }],
      book: [{ roles: staff, when: schedulingStaff }, { roles: ['hiring_manager'], when: schedulingManager }],
    },
  }),
  interview: definePolicy<SchedulingRecord>({
    label: 'Interview',
    actions: {
      read: [
        { roles: staff },
        { roles: ['hiring_manager'], when: isHiringManager },
        { roles: ['hiring_manager', 'interviewer'], when: isAssigned },
        { roles: ['client_user'], when: clientSees },
      ],
      list: [{ roles: ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'interviewer', 'client_user'] }],
      reschedule: [{ roles: staff, when: schedulingStaff }, { roles: ['hiring_manager'], when: schedulingManager }],
      cancel: [{ roles: staff }, { roles: ['hiring_manager'], when: schedulingManager }],
      outcome: [{ roles: staff }, { roles: ['hiring_manager'], when: isHiringManager }, { roles: ['hiring_manager', 'interviewer'], when: isAssigned }],
      rebook: [{ roles: staff }, { roles: ['hiring_manager'], when: isHiringManager }],
      approve: [{ roles: staff }, { roles: ['client_user'], when: clientSees }],
      decline: [{ roles: staff }, { roles: ['client_user'], when: clientSees }],
      propose: [{ roles: staff }, { roles: ['client_user'], when: clientSees }],
      decline_assignment: [{ roles: ['hiring_manager', 'interviewer'], when: isAssigned }],
    },
  }),
};
