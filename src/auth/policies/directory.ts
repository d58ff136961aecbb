/** Requisitions, stages, candidates, applications, pools and interviewer profiles. */
export const directoryPolicies = {};
