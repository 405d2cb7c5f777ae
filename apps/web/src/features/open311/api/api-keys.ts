import type { ApiKey, CreateApiKey, CreatedApiKey } from '@chuangcheng/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const KEY = ['open311', 'keys'] as const;

/** GET /api/open311/keys */
export function listApiKeys(signal?: AbortSignal): Promise<ApiKey[]> {
  return api.get<ApiKey[]>('/api/open311/keys', { signal });
}

export const apiKeysQueryOptions = queryOptions({
  queryKey: KEY,
  queryFn: ({ signal }) => listApiKeys(signal),
});

export function useApiKeys() {
  return useQuery(apiKeysQueryOptions);
}

/** POST /api/open311/keys — the answer carries the key itself, the only time it is shown. */
export function createApiKey(body: CreateApiKey): Promise<CreatedApiKey> {
  return api.post<CreatedApiKey>('/api/open311/keys', body);
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** POST /api/open311/keys/{id}/revoke */
export function revokeApiKey(id: string): Promise<ApiKey> {
  return api.post<ApiKey>(`/api/open311/keys/${id}/revoke`);
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
