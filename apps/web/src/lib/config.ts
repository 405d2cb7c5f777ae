import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client';

/** GET /api/config (public): what the operator configured for this installation. */
export interface PublicConfig {
  cityName: string | null;
  tileUrl: string | null;
  tileAttribution: string | null;
  center: [number, number] | null;
}

const EMPTY: PublicConfig = { cityName: null, tileUrl: null, tileAttribution: null, center: null };

export async function getConfig(): Promise<PublicConfig> {
  const config = await api.get<Partial<PublicConfig>>('/api/config', { auth: 'silent' });
  return { ...EMPTY, ...config };
}

export const configQueryOptions = queryOptions({
  queryKey: ['config'],
  queryFn: getConfig,
  staleTime: 10 * 60_000,
  retry: 1,
});

export function useConfig() {
  return useQuery(configQueryOptions);
}
