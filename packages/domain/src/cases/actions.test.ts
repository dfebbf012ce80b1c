import { describe, expect, it } from 'vitest';
import { CaseAction } from './actions';
import { concernTypeLabels, intakeChannelLabels, riskLevelLabels } from './intake';
import { act, intake, leader, vn } from './testing';

describe('case action schemas', () => {
  it('round-trip through JSON', () => {
    const action = intake();
    expect(CaseAction.parse(JSON.parse(JSON.stringify(action)))).toEqual(action);
  });

  it('refuse a removal that ends before it starts, and repeated measure ids', () => {
    const removal = act(
      'temporary_removal',
      vn('2026-04-27', '19:00'),
      {
        decisionNumber: '12/QĐ-UBND',
        decisionDate: '2026-04-27',
        placement: 'Nhà bà ngoại',
        startAt: vn('2026-04-27', '18:00'),
        plannedEndAt: vn('2026-04-27', '17:00'),
      },
      leader,
    );
    expect(CaseAction.safeParse(removal).error?.issues[0]).toMatchObject({
      path: ['plannedEndAt'],
      message: 'removal_end_before_start',
    });
    const measure = {
      id: 'm1',
      description: 'Thăm gia đình',
      responsible: 'Lan',
      service: null,
      dueDate: null,
    };
    const drafted = act('plan_drafted', vn('2026-04-28'), { measures: [measure, measure] });
    expect(CaseAction.safeParse(drafted).error?.issues[0]?.message).toBe('measure_ids_repeated');
  });

  it('refuse an unknown type, a timestamp without offset, an empty concern list', () => {
    expect(CaseAction.safeParse({ ...intake(), type: 'escalated' }).success).toBe(false);
    expect(CaseAction.safeParse({ ...intake(), at: '2026-04-27T09:00:00' }).success).toBe(false);
    expect(CaseAction.safeParse({ ...intake(), concernTypes: [] }).success).toBe(false);
  });

  it('label every intake value in Vietnamese and English', () => {
    expect(intakeChannelLabels.hotline_111.vi).toBe('Tổng đài 111');
    expect(Object.keys(concernTypeLabels)).toHaveLength(9);
    expect(riskLevelLabels.medium).toEqual({ vi: 'Trung bình', en: 'Medium' });
  });
});
