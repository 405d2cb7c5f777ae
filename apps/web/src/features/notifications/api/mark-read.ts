import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { NotificationList } from './list-notifications';

/** POST /api/notifications/{id}/read */
export function markNotificationRead(id: string): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(`/api/notifications/${id}/read`);
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    // The badge drops at once; the next poll brings the server's truth.
    onMutate: (id) => {
      queryClient.setQueryData<NotificationList>(['notifications'], (list) => {
        if (!list) return list;
        const target = list.items.find((n) => n.id === id);
        if (!target || target.readAt) return list;
        const now = new Date().toISOString();
        return {
          items: list.items.map((n) => (n.id === id ? { ...n, readAt: now } : n)),
          unread: Math.max(0, list.unread - 1),
        };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
