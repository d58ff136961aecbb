import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from './admin';
import { api } from './client';
import { qs } from './workspace/query';

/** Integrations API (admins): API keys, webhook endpoints, outbox deliveries; and the audit trail. */

export type ApiKeyScope = 'read' | 'scheduling' | 'admin';

export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type WebhookEndpoint = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
};

export type EndpointFields = { url: string; description: string | null; eventTypes: string[]; active?: boolean };

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'canceled';
export type DeliveryChannel = 'email' | 'webhook' | 'calendar';

export type Delivery = {
  id: string;
  channel: DeliveryChannel;
  status: DeliveryStatus;
  /** Email recipient, or the webhook endpoint id. */
  recipient: string | null;
  /** Email subject, or the webhook event type. */
  subject: string | null;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  lastStatusCode: number | null;
  responseMs: number | null;
};

export type WebhookAttempt = { attemptedAt: string; statusCode: number | null; responseMs: number; error: string | null };
export type WebhookDelivery = Delivery & { eventId: string | null; log: WebhookAttempt[] };

export type AuditEvent = {
  id: string;
  seq: number;
  occurredAt: string;
  actor: { type: string; id: string | null; label: string | null };
  action: string;
  entity: { type: string; id: string | null };
  changes: Record<string, unknown> | null;
  ip?: string | null;
  userAgent?: string | null;
  prevHash: string;
  hash: string;
};

export type AuditFilter = { entityType?: string; entityId?: string; actorId?: string; from?: string; to?: string };

export type AuditVerification = {
  ok: boolean;
  events: number;
  firstBreak: { seq: number; id: string | null; reason: 'edited' | 'missing' | 'out_of_order' | 'relinked'; message: string } | null;
  head: { seq: number; hash: string } | null;
  anchors: {
    count: number;
    valid: number;
    coveredEvents: number;
    unanchoredEvents: number;
    lastAnchoredAt: string | null;
    problems: { reason: 'forged' | 'rewritten' | 'truncated'; seq: number; anchorId: string; message: string }[];
  };
};

/** An event type an endpoint can subscribe to, as the server's emitter names and describes it. */
export type WebhookEventType = { type: string; description: string };

const keys = {
  apiKeys: ['api-keys'] as const,
  webhooks: ['webhooks'] as const,
  deliveries: ['deliveries'] as const,
  audit: ['audit'] as const,
};

export function useApiKeys(cursor: string | undefined) {
  return useQuery({
    queryKey: [...keys.apiKeys, cursor],
    queryFn: ({ signal }) => api.get<Page<ApiKey>>(`/api/v1/api-keys${qs({ cursor, limit: 50 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scope: ApiKeyScope }) => api.post<{ apiKey: ApiKey; secret: string }>('/api/v1/api-keys', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ApiKey>(`/api/v1/api-keys/${id}/revoke`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.apiKeys }),
  });
}

export function useWebhookEventTypes() {
  return useQuery({
    queryKey: [...keys.webhooks, 'event-types'],
    queryFn: ({ signal }) => api.get<{ items: WebhookEventType[] }>('/api/v1/webhooks/event-types', signal),
    staleTime: Infinity,
  });
}

export function useWebhooks() {
  return useQuery({ queryKey: keys.webhooks, queryFn: ({ signal }) => api.get<{ items: WebhookEndpoint[] }>('/api/v1/webhooks', signal) });
}

function useWebhookMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.webhooks }) });
}

export type EndpointWithSecret = { endpoint: WebhookEndpoint; secret: string };

export function useCreateWebhook() {
  return useWebhookMutation((fields: EndpointFields) => api.post<EndpointWithSecret>('/api/v1/webhooks', fields));
}

export function useUpdateWebhook() {
  return useWebhookMutation(({ id, changes }: { id: string; changes: Partial<EndpointFields> }) => api.patch<WebhookEndpoint>(`/api/v1/webhooks/${id}`, changes));
}

export function useDeleteWebhook() {
  return useWebhookMutation((id: string) => api.delete<undefined>(`/api/v1/webhooks/${id}`));
}

export function useRotateWebhookSecret() {
  return useWebhookMutation((id: string) => api.post<EndpointWithSecret>(`/api/v1/webhooks/${id}/rotate-secret`));
}

export function useWebhookDeliveries(endpointId: string | null) {
  return useQuery({
    queryKey: [...keys.webhooks, endpointId, 'deliveries'],
    queryFn: ({ signal }) => api.get<{ items: WebhookDelivery[] }>(`/api/v1/webhooks/${endpointId ?? ''}/deliveries?limit=50`, signal),
    enabled: endpointId !== null,
  });
}

export function useDeliveries(filter: { status: DeliveryStatus; channel?: DeliveryChannel; cursor?: string }) {
  return useQuery({
    queryKey: [...keys.deliveries, filter],
    queryFn: ({ signal }) => api.get<Page<Delivery>>(`/api/v1/deliveries${qs({ ...filter, limit: 50 })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Delivery>(`/api/v1/deliveries/${id}/retry`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.deliveries });
      void queryClient.invalidateQueries({ queryKey: keys.webhooks });
    },
  });
}

/** The audit trail, newest first, a page at a time ("Load more" appends the next page). */
export function useAuditTrail(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: [...keys.audit, 'trail', filter],
    queryFn: ({ signal, pageParam }) => api.get<Page<AuditEvent>>(`/api/v1/audit${qs({ ...filter, cursor: pageParam, limit: 50 })}`, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Re-computes the hash chain on demand (a button, not on page load: it reads every event). */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditVerification>('/api/v1/audit/verify') });
}
