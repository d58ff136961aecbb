import { useQuery } from '@tanstack/react-query';
import { ApiError, api, request, toApiError } from './client';

export type Health = { status: 'ok'; version: string; uptimeSeconds: number };
/** `/readyz` answers 200 when ready and 503 with the same shape when not. */
export type Readiness = { status: 'ready' | 'not_ready'; database: string };

const REFRESH_MS = 30_000;

async function fetchReadiness(signal: AbortSignal): Promise<Readiness> {
  const response = await request('/readyz', { signal });
  if (!response.ok && response.status !== 503) throw await toApiError(response);
  const body = (await response.json().catch(() => undefined)) as Partial<Readiness> | undefined;
  if (!body?.status) throw new ApiError(response.status, 'unexpected_response', 'The server sent an unexpected readiness answer.');
  return { status: body.status, database: body.database ?? 'unavailable' };
}

export function useHealth() {
  return useQuery({
    queryKey: ['healthz'],
    queryFn: ({ signal }) => api.get<Health>('/healthz', signal),
    refetchInterval: REFRESH_MS,
  });
}

export function useReadiness() {
  return useQuery({
    queryKey: ['readyz'],
    queryFn: ({ signal }) => fetchReadiness(signal),
    refetchInterval: REFRESH_MS,
  });
}
