import type { PortalCity } from '@chuangcheng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** GET/PUT /api/settings/portal-city (system administrator): the city the citizen portal serves. */
export function usePortalCity() {
  return useQuery({
    queryKey: ['settings', 'portal-city'],
    queryFn: ({ signal }) => api.get<PortalCity>('/api/settings/portal-city', { signal }),
  });
}

export function useSetPortalCity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (cityId: string) => api.put<PortalCity>('/api/settings/portal-city', { cityId }),
    onSuccess: (city) => qc.setQueryData(['settings', 'portal-city'], city),
  });
}
