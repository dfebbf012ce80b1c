import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Notification, NotificationList } from '@tuoitho/domain';
import { z } from 'zod';
import { api } from '../../lib/api';

const LATEST = 10;
/** The bell asks again every minute; alerts are produced every 15 minutes on the server. */
export const NOTIFICATIONS_REFETCH_MS = 60_000;
const MarkedAll = z.object({ ok: z.literal(true), marked: z.number() });

export const notificationKeys = { all: ['notifications'] as const };

/** The latest notifications of the signed-in user and the unread count, refreshed every minute. */
export function useLatestNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) =>
      api.get('/notifications', { schema: NotificationList, query: { limit: LATEST }, signal }),
    refetchInterval: NOTIFICATIONS_REFETCH_MS,
  });
}

function useRefreshAfter() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

/** Marks one notification read. */
export function useMarkNotificationRead() {
  const onSettled = useRefreshAfter();
  return useMutation({
    mutationFn: (id: string) =>
      api.post(`/notifications/${encodeURIComponent(id)}/read`, { schema: Notification, body: {} }),
    onSettled,
  });
}

/** Marks every notification of the user read. */
export function useMarkAllNotificationsRead() {
  const onSettled = useRefreshAfter();
  return useMutation({
    mutationFn: () => api.post('/notifications/read-all', { schema: MarkedAll, body: {} }),
    onSettled,
  });
}
