import type {
  Accountability,
  AccountabilityCounts,
  AccountabilityKind,
  CreateAccountability,
  CreateAccountabilityKind,
  Page,
  UpdateAccountabilityKind,
} from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountabilityKindsQuery } from '../../../components/accountability';
import { api, type Query } from '../../../lib/api-client';

/** The register's filters (as the list, the counts and the export take them). */
export interface RegisterFilters {
  unitId?: string;
  situationId?: string;
  methodId?: string;
  regionId?: string;
  from?: string;
  to?: string;
}

export const registerQuery = (q: RegisterFilters & { page: number; pageSize: number }) =>
  queryOptions({
    queryKey: ['accountability', 'list', q],
    queryFn: ({ signal }) =>
      api.get<Page<Accountability>>('/api/accountability', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });

export const useRegister = (q: RegisterFilters & { page: number; pageSize: number }) =>
  useQuery(registerQuery(q));

export const useCounts = (q: RegisterFilters) =>
  useQuery({
    queryKey: ['accountability', 'counts', q],
    queryFn: ({ signal }) =>
      api.get<AccountabilityCounts>('/api/accountability/counts', { query: { ...q } as Query, signal }),
    placeholderData: keepPreviousData,
  });

export const useKinds = () => useQuery(accountabilityKindsQuery);

function useInvalidating<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // The register, its counts and lists, and the entries shown on each case.
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['accountability'] }),
        qc.invalidateQueries({ queryKey: ['cases', 'accountability'] }),
      ]),
  });
}

/** POST /api/accountability: an entry made in the register. */
export const useCreateEntry = () =>
  useInvalidating((body: CreateAccountability) => api.post<Accountability>('/api/accountability', body));

export const useCreateKind = () =>
  useInvalidating((body: CreateAccountabilityKind) =>
    api.post<AccountabilityKind>('/api/accountability-kinds', body),
  );

export const useUpdateKind = () =>
  useInvalidating(({ id, body }: { id: string; body: UpdateAccountabilityKind }) =>
    api.patch<AccountabilityKind>(`/api/accountability-kinds/${id}`, body),
  );

export const useDeleteKind = () =>
  useInvalidating((id: string) => api.delete<{ ok: true }>(`/api/accountability-kinds/${id}`));
