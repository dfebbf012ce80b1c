import {
  DigestCounts,
  formatVnDateTime,
  type Notification,
  type NotificationList,
  type NotificationListQuery,
} from '@tuoitho/domain';
import type { AppContext } from '../../platform/context';
import { invalidField, notFound } from '../../platform/http/errors';
import type { Actor } from '../../platform/http/route';
import { type NotificationPayload, type NotificationRow, notificationsRepo } from './notifications.repo';

function encodeCursor(row: { created_at: Date; id: string }): string {
  return Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw invalidField('query.cursor', 'invalid_cursor');
  }
  return { createdAt, id };
}

/** A stored row as the API answers it (the response schema validates it again). */
function notificationOf(row: NotificationRow): Notification {
  const payload = (row.payload ?? {}) as NotificationPayload;
  const counts = DigestCounts.safeParse(payload.counts);
  return {
    id: row.id,
    kind: row.kind as Notification['kind'],
    caseId: row.case_id,
    caseNumber: payload.caseNumber ?? null,
    step: (payload.step ?? null) as Notification['step'],
    dueAt: payload.dueAt ?? null,
    ...(counts.success ? { counts: counts.data } : {}),
    ...(payload.day ? { day: payload.day } : {}),
    ...(payload.recommendationId ? { recommendationId: payload.recommendationId } : {}),
    ...(payload.deadline ? { deadline: payload.deadline } : {}),
    ...(payload.unitName ? { unitName: payload.unitName } : {}),
    createdAt: formatVnDateTime(row.created_at),
    readAt: row.read_at ? formatVnDateTime(row.read_at) : null,
  };
}

/** The caller's own notifications: list, mark read. Nobody reads another user's. */
export class NotificationsService {
  constructor(private readonly ctx: AppContext) {}

  /** A page of the caller's notifications, newest first, with the unread count. */
  async list(actor: Actor, query: NotificationListQuery): Promise<NotificationList> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await notificationsRepo.listForUser(this.ctx.db, actor.userId, {
      isUnreadOnly: query.unread,
      limit: query.limit,
      after,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(notificationOf),
      unreadCount: await notificationsRepo.countUnread(this.ctx.db, actor.userId),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }

  /** Marks one of the caller's notifications read; 404 for any other. */
  async markRead(actor: Actor, id: string): Promise<Notification> {
    const row = await notificationsRepo.markRead(this.ctx.db, actor.userId, id);
    if (!row) throw notFound();
    return notificationOf(row);
  }

  /** Marks all of the caller's notifications read. */
  async markAllRead(actor: Actor): Promise<{ ok: true; marked: number }> {
    return { ok: true, marked: await notificationsRepo.markAllRead(this.ctx.db, actor.userId) };
  }
}
