import type { Notification } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { notificationTarget, notificationText } from './notificationText';

const base: Notification = {
  id: '2c1f7d3e-5b8a-4a9e-8c3d-1f2e3a4b5c6d',
  kind: 'overdue',
  caseId: '0b9c3f8e-4a57-4d84-9f1e-2d4c8a1b6e10',
  caseNumber: 'VV-2026-0003',
  step: 'plan',
  dueAt: '2026-05-06T23:59:59.999+07:00',
  createdAt: '2026-05-07T08:00:00+07:00',
  readAt: null,
};

describe('notificationText', () => {
  it('says in Vietnamese which case, what and by when', async () => {
    await i18n.changeLanguage('vi');
    expect(notificationText(base, i18n.t)).toBe(
      'Vụ việc VV-2026-0003: quá hạn lập kế hoạch (hạn 06/05/2026 23:59)',
    );
    expect(notificationText({ ...base, kind: 'escalated_province', step: 'plan_approval' }, i18n.t)).toBe(
      'Vụ việc VV-2026-0003: quá hạn phê duyệt kế hoạch, báo cấp tỉnh (hạn 06/05/2026 23:59)',
    );
    expect(notificationText({ ...base, kind: 'assigned', step: null, dueAt: null }, i18n.t)).toBe(
      'Vụ việc VV-2026-0003: bạn được giao thụ lý',
    );
  });

  it('tells a digest’s counts and leads to the case list', async () => {
    await i18n.changeLanguage('vi');
    const digest: Notification = {
      ...base,
      kind: 'digest',
      caseId: null,
      caseNumber: null,
      step: null,
      dueAt: null,
      day: '2026-05-07',
      counts: { open: 4, dueSoon: 1, overdue: 2 },
    };
    expect(notificationText(digest, i18n.t)).toBe(
      'Bản tin ngày 07/05/2026: 4 vụ việc đang mở, 1 sắp đến hạn, 2 quá hạn',
    );
    expect(notificationTarget(digest)).toBe('/cases');
    expect(notificationTarget(base)).toBe(`/cases/${base.caseId}`);
  });

  it('tells a recommendation reminder and leads to the inspections', async () => {
    await i18n.changeLanguage('vi');
    const reminder: Notification = {
      ...base,
      kind: 'recommendation_overdue',
      caseId: null,
      caseNumber: null,
      step: null,
      dueAt: null,
      recommendationId: '5d2f7d3e-5b8a-4a9e-8c3d-1f2e3a4b5c6d',
      deadline: '2026-05-06',
      unitName: 'Phường Bỉm Sơn',
    };
    expect(notificationText(reminder, i18n.t)).toBe(
      'Kiến nghị sau kiểm tra giao Phường Bỉm Sơn đã quá hạn (hạn 06/05/2026)',
    );
    expect(notificationTarget(reminder)).toBe('/inspections');
  });

  it('speaks English when chosen', async () => {
    await i18n.changeLanguage('en');
    expect(notificationText(base, i18n.t)).toBe(
      'Case VV-2026-0003: support plan overdue (due 06/05/2026 23:59)',
    );
    await i18n.changeLanguage('vi');
  });
});
