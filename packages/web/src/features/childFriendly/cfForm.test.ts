import {
  type CfAssessmentValue,
  type CfCatalogue,
  defaultCfCatalogue,
  scoreAssessment,
} from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  type CfDraft,
  draftOf,
  entriesOf,
  isDraftChanged,
  isShortfallEmpty,
  overridesWithoutReason,
  shortfallOf,
  valuesToSave,
} from './cfForm';

const catalogue: CfCatalogue = defaultCfCatalogue;
const codes = catalogue.criteria.flatMap((c) => c.indicators.map((i) => i.code));

function saved(code: string, change: Partial<CfAssessmentValue> = {}): CfAssessmentValue {
  return {
    code,
    value: null,
    yes: null,
    points: null,
    system: null,
    overridden: false,
    note: null,
    evidenceNote: null,
    files: [],
    ...change,
  };
}

/** Birth registration (2.1) measured by the system at 193 of 200 children = 96.5 %. */
const births = saved('2.1', {
  value: 96.5,
  system: { figure: 'birth_registration', value: 96.5, numerator: 193, denominator: 200, asOf: '2026-11-28' },
});
/** No abuse, abandonment or trafficking case in the year (6.2): nothing to measure. */
const noCase = saved('6.2', {
  system: {
    figure: 'protection_plan_on_time',
    value: null,
    numerator: 0,
    denominator: 0,
    asOf: '2026-11-28',
  },
});

describe('the form draft', () => {
  it('starts from what is saved, keeping the system figure unless it was replaced', () => {
    const draft = draftOf(catalogue, [
      saved('1.1', { yes: true, evidenceNote: 'QĐ 12/QĐ-UBND' }),
      saved('1.4', { points: 15 }),
      births,
      saved('10.1', {
        value: 97,
        overridden: true,
        note: 'Số liệu của trường mầm non',
        system: { figure: 'preschool_5y', value: 90, numerator: 90, denominator: 100, asOf: '2026-11-28' },
      }),
    ]);
    expect(Object.keys(draft)).toEqual(codes);
    expect(draft['1.1']).toMatchObject({ yes: true, evidenceNote: 'QĐ 12/QĐ-UBND', isOverridden: false });
    expect(draft['1.4']?.points).toBe(15);
    // The system's own figure is not copied into the form: saving sends null to keep it.
    expect(draft['2.1']).toMatchObject({ value: null, isOverridden: false });
    expect(draft['10.1']).toMatchObject({
      value: 97,
      isOverridden: true,
      note: 'Số liệu của trường mầm non',
    });
  });

  it('takes a system indicator the system has no figure for like any entered one', () => {
    const values = [saved('12.1', { value: 3, evidenceNote: 'Sổ theo dõi của Đoàn' })];
    const draft = draftOf(catalogue, values);
    expect(draft['12.1']).toMatchObject({ value: 3, hasSystemFigure: false, isOverridden: false });
    expect(entriesOf(catalogue, draft, values)['12.1']).toEqual({ value: 3 });
    draft['12.1'] = { ...draft['12.1']!, value: 4 };
    expect(valuesToSave(catalogue, draft).find((v) => v.code === '12.1')).toMatchObject({
      value: 4,
      note: null,
    });
    expect(overridesWithoutReason(catalogue, draft)).toEqual([]);
  });
});

describe('live scoring entries', () => {
  it('scores a system figure, a replaced figure and "no case" as the server does', () => {
    const values = [births, noCase];
    const draft = draftOf(catalogue, values);
    const entries = entriesOf(catalogue, draft, values);
    expect(entries['2.1']).toEqual({ value: 96.5 });
    expect(entries['6.2']).toEqual({ value: null, noCase: true });
    // A count has no denominator: it is never "no case".
    const injuries = saved('5.1', {
      system: { figure: 'child_injuries', value: 0, numerator: null, denominator: null, asOf: '2026-11-28' },
    });
    expect(entriesOf(catalogue, draftOf(catalogue, [injuries]), [injuries])['5.1']).toEqual({ value: 0 });
    const score = scoreAssessment(catalogue, entries, 'other');
    // 96.5 % reaches the 95 % band (40 points); no case gives 6.2 its full 75 points.
    expect(score.criteria.find((c) => c.number === 2)?.points).toBe(40);
    expect(score.criteria.find((c) => c.number === 6)?.indicators.find((i) => i.code === '6.2')?.points).toBe(
      75,
    );

    const replaced: CfDraft = {
      ...draft,
      '2.1': { ...draft['2.1']!, isOverridden: true, value: 100, note: 'Sổ hộ tịch' },
    };
    expect(entriesOf(catalogue, replaced, values)['2.1']).toEqual({ value: 100 });
    // Switched on but no number typed yet: the system figure still counts.
    const pending: CfDraft = { ...draft, '2.1': { ...draft['2.1']!, isOverridden: true, value: null } };
    expect(entriesOf(catalogue, pending, values)['2.1']).toEqual({ value: 96.5 });
  });

  it('takes yes/no, points and banded values of entered indicators', () => {
    const draft = draftOf(catalogue, []);
    draft['1.1'] = { ...draft['1.1']!, yes: true };
    draft['1.4'] = { ...draft['1.4']!, points: 12 };
    draft['3.1'] = { ...draft['3.1']!, value: 1 };
    const entries = entriesOf(catalogue, draft, []);
    expect(entries['1.1']).toEqual({ yes: true });
    expect(entries['1.4']).toEqual({ points: 12 });
    expect(entries['3.1']).toEqual({ value: 1 });
    // A system indicator without any system figure yet is missing.
    expect(entries['5.1']).toEqual({ value: null });
  });
});

describe('saving', () => {
  it('sends null for a kept system figure, the number and its reason for a replaced one', () => {
    const values = [births];
    const draft = draftOf(catalogue, values);
    draft['1.1'] = { ...draft['1.1']!, yes: false, evidenceNote: '  ' };
    draft['10.1'] = { ...draft['10.1']!, isOverridden: true, value: 97.5, note: ' Số liệu phòng giáo dục ' };
    const sent = valuesToSave(catalogue, draft);
    expect(sent).toHaveLength(codes.length);
    expect(sent.find((v) => v.code === '2.1')).toEqual({
      code: '2.1',
      value: null,
      yes: null,
      points: null,
      note: null,
      evidenceNote: null,
    });
    expect(sent.find((v) => v.code === '10.1')).toMatchObject({
      value: 97.5,
      note: 'Số liệu phòng giáo dục',
    });
    expect(sent.find((v) => v.code === '1.1')).toMatchObject({ yes: false, evidenceNote: null });
  });

  it('refuses a replaced figure without a number or a reason', () => {
    const injuries = saved('5.1', {
      system: { figure: 'child_injuries', value: 2, numerator: null, denominator: null, asOf: '2026-11-28' },
    });
    const draft = draftOf(catalogue, [births, injuries]);
    expect(overridesWithoutReason(catalogue, draft)).toEqual([]);
    draft['2.1'] = { ...draft['2.1']!, isOverridden: true, value: 99, note: ' ' };
    draft['5.1'] = { ...draft['5.1']!, isOverridden: true, value: null, note: 'Báo cáo trạm y tế' };
    expect(overridesWithoutReason(catalogue, draft)).toEqual(['2.1', '5.1']);
  });

  it('tells a changed form from the saved one', () => {
    const savedDraft = draftOf(catalogue, [births]);
    const same = draftOf(catalogue, [births]);
    expect(isDraftChanged(catalogue, same, savedDraft)).toBe(false);
    same['1.2'] = { ...same['1.2']!, yes: true };
    expect(isDraftChanged(catalogue, same, savedDraft)).toBe(true);
  });
});

describe('what is missing', () => {
  /** Every indicator at its best: each criterion full, total 1000. */
  function fullDraft(): CfDraft {
    const draft = draftOf(catalogue, []);
    for (const indicator of catalogue.criteria.flatMap((c) => c.indicators)) {
      const entry = draft[indicator.code]!;
      const rule = indicator.rule;
      if (rule.kind === 'yes_no') entry.yes = true;
      else if (rule.kind === 'manual') entry.points = indicator.maxPoints;
      else {
        const best = [...rule.bands].sort((a, b) => b.points - a.points)[0]!;
        entry.isOverridden = indicator.source === 'system';
        entry.value = best.threshold;
        entry.note = 'Số liệu kiểm đếm';
      }
    }
    return draft;
  }

  it('is empty when every criterion is full', () => {
    const score = scoreAssessment(catalogue, entriesOf(catalogue, fullDraft(), []), 'central_city_ward');
    expect(score.total).toBe(1000);
    expect(isShortfallEmpty(shortfallOf(score))).toBe(true);
  });

  it('names a criterion at 0 even with a high total, a criterion short of its pass points, and the points short', () => {
    const draft = fullDraft();
    // Criterion 7 (immunisation, 50 points) at 0: total 950, above 900, but the commune fails.
    draft['7.1'] = { ...draft['7.1']!, value: 90 };
    let score = scoreAssessment(catalogue, entriesOf(catalogue, draft, []), 'central_city_ward');
    expect(score.total).toBe(950);
    let shortfall = shortfallOf(score);
    expect(shortfall.atZero).toEqual([7]);
    expect(shortfall.totalShort).toBe(0);
    expect(score.passed).toBe(false);

    // Criterion 1 with only 1.1 and 1.2 (65 of 100, pass 50) is met; with only 1.2 and 1.3 (30) it is not.
    draft['1.1'] = { ...draft['1.1']!, yes: false };
    draft['1.4'] = { ...draft['1.4']!, points: 0 };
    score = scoreAssessment(catalogue, entriesOf(catalogue, draft, []), 'central_city_ward');
    shortfall = shortfallOf(score);
    expect(shortfall.notMet).toEqual([{ number: 1, points: 30, passPoints: 50, short: 20 }]);
    expect(score.total).toBe(880);
    expect(shortfall.totalShort).toBe(20);
  });

  it('lists indicators with nothing entered by criterion', () => {
    const draft = fullDraft();
    draft['3.2'] = { ...draft['3.2']!, yes: null };
    draft['8.1'] = { ...draft['8.1']!, value: null };
    const score = scoreAssessment(catalogue, entriesOf(catalogue, draft, []), 'other');
    expect(shortfallOf(score).missing).toEqual([
      { number: 3, codes: ['3.2'] },
      { number: 8, codes: ['8.1'] },
    ]);
  });
});
