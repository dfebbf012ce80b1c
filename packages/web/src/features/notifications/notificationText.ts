import type { Notification } from '@tuoitho/domain';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../lib/dates';

/**
 * The sentence of a notification in the reader's language, built from its non-personal facts:
 * "Vụ việc VV-2026-0003: quá hạn lập kế hoạch (hạn 06/05/2026 23:59)".
 */
export function notificationText(item: Notification, t: TFunction): string {
  if (item.kind === 'digest') {
    return t('notifications.digest', {
      day: formatDate(item.day ?? item.createdAt.slice(0, 10)),
      open: item.counts?.open ?? 0,
      dueSoon: item.counts?.dueSoon ?? 0,
      overdue: item.counts?.overdue ?? 0,
    });
  }
  if (item.kind === 'recommendation_due_soon' || item.kind === 'recommendation_overdue') {
    return t(`notifications.recommendation.${item.kind}`, {
      unit: item.unitName ?? '',
      deadline: item.deadline ? formatDate(item.deadline) : '',
    });
  }
  const step = item.step ? t(`notifications.steps.${item.step}`) : '';
  const what = t(`notifications.kinds.${item.kind}`, { step });
  const due = item.dueAt ? t('notifications.due', { due: formatDateTime(item.dueAt) }) : '';
  return `${t('notifications.case', { number: item.caseNumber ?? t('notifications.unknownCase'), what })}${due}`;
}

/** Where a click on a notification leads: the case, the case list for a digest, the follow-up of a recommendation. */
export function notificationTarget(item: Notification): string {
  if (item.recommendationId) return '/inspections';
  return item.caseId ? `/cases/${item.caseId}` : '/cases';
}
