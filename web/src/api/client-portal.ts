import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { SessionUser } from './session';

/**
 * The client portal's view of the API: the server presents client users their own client's
 * requisitions, the candidates submitted to them and the client-visible interviews, nothing else.
 */

type Ref = { id: string; name: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

export type ClientStage = {
  id: string;
  position: number;
  name: string;
  kind: string;
  sessions: { name: string; durationMinutes: number }[];
  clientApprovalRequired: boolean;
  location: string | null;
};

export type ClientRequisition = {
  id: string;
  title: string;
  status: 'open' | 'on_hold' | 'closed';
  client: Ref | null;
  recruiter: Ref | null;
  stages?: ClientStage[];
  createdAt: string;
};

export type ClientApplication = {
  id: string;
  candidate: Ref;
  requisition: { id: string; title: string };
  stage: { id: string; name: string; kind: string } | null;
  status: 'active' | 'rejected' | 'withdrawn' | 'hired';
  submittedToClientAt: string | null;
};

export type ProposedWindow = { start: string; end: string };

export type ClientInterview = {
  id: string;
  status: 'pending_approval' | 'confirmed' | 'canceled' | 'completed' | 'no_show';
  approval: 'pending' | 'approved' | 'declined' | null;
  startsAt: string;
  endsAt: string;
  location: string | null;
  candidate: { id: string; name: string; timeZone: string };
  stage: { id: string; name: string; kind: string };
  requisition: { id: string; title: string };
  sessions: { name: string; start: string; end: string; interviewers: Ref[] }[];
  approvalReason?: string | null;
  clientProposedWindows?: ProposedWindow[] | null;
  canceledAt?: string | null;
};

/** `/me` as a client user gets it: their zone and their one client. */
export type ClientUser = SessionUser & { timeZone?: string; client?: Ref | null };

const keys = {
  requisitions: ['client-portal', 'requisitions'] as const,
  applications: ['client-portal', 'applications'] as const,
  interviews: ['client-portal', 'interviews'] as const,
};

export function useClientRequisitions() {
  return useQuery({
    queryKey: keys.requisitions,
    // One list with each requisition's client-visible stages.
    queryFn: async ({ signal }) => (await api.get<Page<ClientRequisition>>('/api/v1/requisitions?limit=100&includeStages=true', signal)).items,
  });
}

export function useClientApplications() {
  return useQuery({
    queryKey: keys.applications,
    queryFn: ({ signal }) => api.get<Page<ClientApplication>>('/api/v1/applications?limit=100', signal),
  });
}

/**
 * Interviews from a month back on: waiting for approval, upcoming, and recent history. Always
 * fetched again when the page opens: candidates book times for approval at any moment.
 */
export function useClientInterviews() {
  return useQuery({
    queryKey: keys.interviews,
    staleTime: 0,
    queryFn: ({ signal }) => {
      const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
      return api.get<{ items: ClientInterview[] }>(`/api/v1/interviews?from=${encodeURIComponent(from)}&limit=100`, signal);
    },
  });
}

function useInterviewMutation<V>(mutationFn: (variables: V) => Promise<ClientInterview>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.interviews }) });
}

export function useApproveInterview() {
  return useInterviewMutation((id: string) => api.post<ClientInterview>(`/api/v1/interviews/${id}/approve`, {}));
}

export function useDeclineInterview() {
  return useInterviewMutation(({ id, reason }: { id: string; reason: string }) => api.post<ClientInterview>(`/api/v1/interviews/${id}/decline`, { reason }));
}

export function useProposeTimes() {
  return useInterviewMutation(({ id, windows, reason }: { id: string; windows: ProposedWindow[]; reason?: string }) =>
    api.post<ClientInterview>(`/api/v1/interviews/${id}/propose`, { windows, ...(reason ? { reason } : {}) }),
  );
}
