import { z } from 'zod';
import { CaseClockStep } from './cases';
import { IsoDate, IsoDateTime, Uuid } from './common';

/**
 * The HTTP contract of in-app notifications (`/api/v1/notifications`). A notification carries no
 * personal content: the case number, the step, the deadline and, for a digest, counts. The web
 * builds the sentence from these in the reader's language.
 */

export const NotificationKind = z
  .enum([
    'due_soon',
    'overdue',
    'escalated_leader',
    'escalated_province',
    'plan_submitted',
    'plan_approved',
    'plan_rejected',
    'closure_proposed',
    'assigned',
    'digest',
    'recommendation_due_soon',
    'recommendation_overdue',
  ])
  .meta({ id: 'NotificationKind' });
export type NotificationKind = z.infer<typeof NotificationKind>;

/** The counts of a daily digest, over the open cases assigned to the reader. */
export const DigestCounts = z
  .object({
    open: z.number().int().min(0),
    dueSoon: z.number().int().min(0),
    overdue: z.number().int().min(0),
  })
  .meta({ id: 'DigestCounts' });
export type DigestCounts = z.infer<typeof DigestCounts>;

export const Notification = z
  .object({
    id: Uuid,
    kind: NotificationKind,
    caseId: Uuid.nullable(),
    caseNumber: z.string().nullable(),
    step: CaseClockStep.nullable().describe('the clock of a deadline alert'),
    dueAt: IsoDateTime.nullable(),
    counts: DigestCounts.optional().describe('digest only'),
    day: IsoDate.optional().describe('digest only: the Việt Nam day it covers'),
    recommendationId: Uuid.optional().describe('recommendation reminders only'),
    deadline: IsoDate.optional().describe('recommendation reminders only: its deadline'),
    unitName: z.string().optional().describe('recommendation reminders only: the responsible unit'),
    createdAt: IsoDateTime,
    readAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

/** `GET /api/v1/notifications`: newest first; `unread=true` for the unread ones only. */
export const NotificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationList = z
  .object({
    items: z.array(Notification),
    unreadCount: z.number().int().min(0),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;
