import type {
  IssueSupervision,
  Page,
  SupervisionOrderDetail,
  SupervisionOrderSummary,
} from '@chuangcheng/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download } from '../../../lib/api-client';

/** The register's filters (as the list and the Excel export take them). */
export interface OrderFilters {
  state?: string;
  unitId?: string;
  level?: string;
  from?: string;
  to?: string;
  overdue?: string;
  q?: string;
}

export const ordersQuery = (q: OrderFilters & { page: number; pageSize: number }) =>
  queryOptions({
    queryKey: ['supervision', 'list', q],
    queryFn: ({ signal }) =>
      api.get<Page<SupervisionOrderSummary>>('/api/supervision-orders', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
export const useOrders = (q: OrderFilters & { page: number; pageSize: number }) => useQuery(ordersQuery(q));

export const useOrder = (id: string) =>
  useQuery({
    queryKey: ['supervision', 'one', id],
    queryFn: ({ signal }) => api.get<SupervisionOrderDetail>(`/api/supervision-orders/${id}`, { signal }),
  });

export const useDefaults = () =>
  useQuery({
    queryKey: ['supervision', 'defaults'],
    queryFn: ({ signal }) =>
      api.get<{ deadline: string; workdays: number }>('/api/supervision-orders/defaults', { signal }),
  });

function useOrderMutation<A>(fn: (a: A) => Promise<SupervisionOrderDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // The register, the order, and the cases that list it.
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['supervision'] }),
        qc.invalidateQueries({ queryKey: ['cases'] }),
      ]),
  });
}

export const useIssue = () =>
  useOrderMutation((body: IssueSupervision) =>
    api.post<SupervisionOrderDetail>('/api/supervision-orders', body),
  );
export const useSign = () =>
  useOrderMutation((id: string) => api.post<SupervisionOrderDetail>(`/api/supervision-orders/${id}/sign`));
export const useReply = () =>
  useOrderMutation((a: { id: string; text: string }) =>
    api.post<SupervisionOrderDetail>(`/api/supervision-orders/${a.id}/reply`, { text: a.text, photoIds: [] }),
  );
export const useClose = () =>
  useOrderMutation((a: { id: string; note?: string }) =>
    api.post<SupervisionOrderDetail>(`/api/supervision-orders/${a.id}/close`, { note: a.note }),
  );

/** GET /api/supervision-orders/{id}/docx | /pdf: rendered from the content frozen at issue. */
export const downloadOrder = (id: string, number: string, format: 'docx' | 'pdf') =>
  download(`/api/supervision-orders/${id}/${format}`, undefined, `${number}.${format}`);

/** GET /api/exports/supervision-orders.xlsx with the list's filters. */
export const exportOrders = (q: OrderFilters) =>
  download('/api/exports/supervision-orders.xlsx', { ...q }, 'supervision-orders.xlsx');

/** Open cases a unit holds (督办 targets), for the issuing form. */
export const useSupervisableCases = (enabled: boolean) =>
  useQuery({
    queryKey: ['cases', 'supervisable'],
    enabled,
    queryFn: ({ signal }) =>
      api.get<
        Page<{
          id: string;
          number: string;
          description: string;
          leadUnit: { id: string; name: string } | null;
        }>
      >('/api/cases?status=dispatched&status=in_progress&pageSize=200', { signal }),
  });
