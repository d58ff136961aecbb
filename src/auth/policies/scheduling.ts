/** Scheduling requests and interviews. */
export const schedulingPolicies = {};
