import type { CatalogVersion } from '@chuangcheng/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/catalog/versions/{id}/activate: new cases are filed under this version from now on. */
export function activateCatalogVersion(id: string): Promise<CatalogVersion> {
  return api.post<CatalogVersion>(`/api/catalog/versions/${id}/activate`);
}

export function useActivateCatalogVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: activateCatalogVersion,
    // Routing rules name categories of the active version.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['categories'] }),
        queryClient.invalidateQueries({ queryKey: ['routing-rules'] }),
      ]),
  });
}
