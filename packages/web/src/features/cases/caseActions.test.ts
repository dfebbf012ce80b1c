import { describe, expect, it } from 'vitest';
import {
  buildActionRequest,
  exceedsMaxRemoval,
  groupPanelActions,
  isoToVnWallClock,
  MAX_REMOVAL_DAYS,
  nextMeasureId,
  nowInVietnamIso,
  panelActions,
  vnWallClockToIso,
} from './caseActions';

describe('buildActionRequest', () => {
  it('maps the initial assessment, leaving out an empty harm', () => {
    const result = buildActionRequest(
      'initial_assessment',
      { riskLevel: 'high', isEmergency: true, protectionLevel: 'can_thiep', harm: '   ' },
      3,
    );
    expect(result).toEqual({
      ok: true,
      request: {
        type: 'initial_assessment',
        version: 3,
        riskLevel: 'high',
        isEmergency: true,
        protectionLevel: 'can_thiep',
      },
    });
  });

  it('sends an unchecked emergency switch as false', () => {
    const result = buildActionRequest(
      'initial_assessment',
      { riskLevel: 'low', protectionLevel: 'phong_ngua' },
      1,
    );
    expect(result.ok && result.request.type === 'initial_assessment' && result.request.isEmergency).toBe(
      false,
    );
  });

  it('maps a plan: trims, sends empty service and due date as null', () => {
    const result = buildActionRequest(
      'plan_drafted',
      {
        goal: ' Bảo đảm an toàn cho trẻ ',
        measures: [
          {
            id: 'm1',
            description: ' Tư vấn tâm lý ',
            responsible: 'Cán bộ xã',
            service: '',
            dueDate: undefined,
          },
          {
            id: 'm2',
            description: 'Khám sức khỏe',
            responsible: 'Trạm y tế',
            service: 'Trạm y tế xã',
            dueDate: '2026-05-20',
          },
        ],
      },
      7,
    );
    expect(result).toEqual({
      ok: true,
      request: {
        type: 'plan_drafted',
        version: 7,
        goal: 'Bảo đảm an toàn cho trẻ',
        measures: [
          { id: 'm1', description: 'Tư vấn tâm lý', responsible: 'Cán bộ xã', service: null, dueDate: null },
          {
            id: 'm2',
            description: 'Khám sức khỏe',
            responsible: 'Trạm y tế',
            service: 'Trạm y tế xã',
            dueDate: '2026-05-20',
          },
        ],
      },
    });
  });

  it('drops empty needs and sends no meeting date as null', () => {
    const result = buildActionRequest(
      'detailed_assessment',
      { riskLevel: 'medium', needs: ['Hỗ trợ học tập', '', '  '], meetingOn: undefined },
      2,
    );
    expect(result.ok && result.request).toMatchObject({ needs: ['Hỗ trợ học tập'], meetingOn: null });
  });

  it('refuses what the domain schema refuses, naming the fields', () => {
    const noMeasures = buildActionRequest('plan_drafted', { measures: [] }, 1);
    expect(noMeasures).toEqual({ ok: false, paths: ['measures'] });
    const noReason = buildActionRequest('plan_rejected', { reason: ' ' }, 1);
    expect(noReason.ok).toBe(false);
    const badDate = buildActionRequest(
      'plan_approved',
      { decisionNumber: '12/QĐ-UBND', decisionDate: '20/05/2026' },
      1,
    );
    expect(badDate).toEqual({ ok: false, paths: ['decisionDate'] });
  });

  it('maps a leader decision and an extension', () => {
    expect(
      buildActionRequest('plan_approved', { decisionNumber: ' 12/QĐ-UBND ', decisionDate: '2026-05-10' }, 4),
    ).toEqual({
      ok: true,
      request: {
        type: 'plan_approved',
        version: 4,
        decisionNumber: '12/QĐ-UBND',
        decisionDate: '2026-05-10',
      },
    });
    const extension = buildActionRequest(
      'deadline_extended',
      { step: 'plan', newDueAt: '2026-05-15T17:00:00+07:00', reason: 'Chờ kết quả giám định' },
      5,
    );
    expect(extension.ok).toBe(true);
  });
});

describe('panel actions', () => {
  it('keeps the allowed actions in the order of the process, without intake and measure_done', () => {
    expect(panelActions(['note', 'measure_done', 'plan_submitted', 'plan_drafted', 'intake'])).toEqual([
      'plan_drafted',
      'plan_submitted',
      'note',
    ]);
  });
});

describe('groupPanelActions', () => {
  it('leads with the next process step, not with the emergency actions kept open', () => {
    const grouped = groupPanelActions(
      ['emergency_measure', 'temporary_removal', 'review', 'closed', 'assigned', 'note'],
      'implementing',
    );
    expect(grouped).toEqual({
      main: ['emergency_measure', 'temporary_removal', 'review', 'closed'],
      other: ['assigned', 'note'],
      primary: 'review',
    });
  });

  it('leads with the emergency measure in an emergency and with closing when proposed', () => {
    expect(groupPanelActions(['emergency_measure', 'temporary_removal', 'note'], 'emergency').primary).toBe(
      'emergency_measure',
    );
    expect(groupPanelActions(['emergency_measure', 'closed', 'note'], 'closure_proposed').primary).toBe(
      'closed',
    );
  });
});

describe('removal and measures', () => {
  it('warns when a removal is planned longer than the law allows', () => {
    expect(MAX_REMOVAL_DAYS).toBe(15);
    expect(exceedsMaxRemoval('2026-05-01T08:00:00+07:00', '2026-05-16T08:00:00+07:00')).toBe(false);
    expect(exceedsMaxRemoval('2026-05-01T08:00:00+07:00', '2026-05-16T08:01:00+07:00')).toBe(true);
    expect(exceedsMaxRemoval(undefined, '2026-05-16T08:01:00+07:00')).toBe(false);
  });

  it('generates measure ids that are not taken', () => {
    expect(nextMeasureId([])).toBe('m1');
    expect(nextMeasureId(['m1', 'm2'])).toBe('m3');
    expect(nextMeasureId(['m2', 'm3'])).toBe('m4');
    expect(nextMeasureId(['m3'])).toBe('m2');
  });
});

describe('Vietnamese wall clock', () => {
  it('reads a date and time in Viet Nam whatever the browser zone', () => {
    expect(vnWallClockToIso('2026-05-01', '09:30')).toBe('2026-05-01T09:30:00+07:00');
    expect(isoToVnWallClock('2026-04-30T20:15:00Z')).toEqual({ date: '2026-05-01', time: '03:15' });
    expect(nowInVietnamIso(new Date('2026-04-30T20:15:42Z'))).toBe('2026-05-01T03:15:00+07:00');
  });
});
