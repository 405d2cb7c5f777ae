import type { Notification } from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface NotificationList {
  items: Notification[];
  unread: number;
}

const POLL_MS = 60_000;

/** GET /api/notifications: my latest notifications and how many are unread. */
export function listNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return api.get<NotificationList>('/api/notifications', { signal });
}

export const notificationsQueryOptions = queryOptions({
  queryKey: ['notifications'],
  queryFn: ({ signal }) => listNotifications(signal),
  // Polled: new cases, returns and overdue warnings arrive without a reload.
  refetchInterval: POLL_MS,
  staleTime: POLL_MS / 2,
  // A failed poll is retried by the next one rather than three times in a row.
  retry: false,
});

export function useNotifications() {
  return useQuery(notificationsQueryOptions);
}
