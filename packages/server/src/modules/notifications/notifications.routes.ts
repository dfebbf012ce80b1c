import { Notification, NotificationList, NotificationListQuery } from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf, defineRoute } from '../../platform/http/route';
import { NotificationsService } from './notifications.service';

const IdParams = z.object({ id: z.uuid() });
const MarkedAll = z.object({ ok: z.literal(true), marked: z.number().int().min(0) });
const tags = ['Thông báo / Notifications'];

export function notificationsRoutes(ctx: AppContext) {
  const notifications = new NotificationsService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/notifications',
      tags,
      summary: 'Thông báo của tôi / my notifications',
      description:
        'Chỉ thông báo của người gọi, mới nhất trước; `unread=true`: chỉ thông báo chưa đọc. Thông báo không chứa thông tin cá nhân: số vụ việc, bước, hạn, số đếm.',
      access: { user: true },
      query: NotificationListQuery,
      response: NotificationList,
      handler: async (c) => notifications.list(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/notifications/read-all',
      tags,
      summary: 'Đánh dấu đã đọc tất cả / mark all read',
      access: { user: true },
      response: MarkedAll,
      handler: async (c) => notifications.markAllRead(actorOf(c)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/notifications/:id/read',
      tags,
      summary: 'Đánh dấu một thông báo đã đọc / mark one read',
      description: 'Thông báo của người khác hoặc không tồn tại: 404.',
      access: { user: true },
      params: IdParams,
      response: Notification,
      handler: async (c) => notifications.markRead(actorOf(c), c.params.id),
    }),
  ];
}
