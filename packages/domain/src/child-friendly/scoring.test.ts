import { describe, expect, it } from 'vitest';
import type { CfCatalogue, CfUnitCategory } from './catalogue';
import { defaultCfCatalogue } from './default-catalogue';
import { type CfIndicatorEntry, checkCatalogueEdit, scoreAssessment, scoreIndicator } from './scoring';

/** A catalogue with one `manual` indicator per criterion, so totals can be set to the point. */
const manualCatalogue: CfCatalogue = {
  ...defaultCfCatalogue,
  criteria: defaultCfCatalogue.criteria.map((c) => ({
    ...c,
    indicators: [
      {
        code: `${c.number}.1`,
        name: c.name,
        maxPoints: c.maxPoints,
        rule: { kind: 'manual' as const },
        source: 'manual' as const,
        systemFigure: null,
        verified: false,
      },
    ],
  })),
};

/** Full marks everywhere, then `missing` points taken off the criteria in turn (never below pass points). */
function entriesFor(total: number): Record<string, CfIndicatorEntry> {
  let toRemove = 1000 - total;
  const entries: Record<string, CfIndicatorEntry> = {};
  for (const c of manualCatalogue.criteria) {
    const removable = Math.min(toRemove, c.maxPoints - c.passPoints);
    toRemove -= removable;
    entries[`${c.number}.1`] = { points: c.maxPoints - removable };
  }
  if (toRemove > 0) throw new Error('total too low for every criterion to be met');
  return entries;
}

describe('default catalogue', () => {
  it('has 13 criteria adding up to 1000, each criterion’s indicators adding up to its maximum', () => {
    expect(defaultCfCatalogue.criteria).toHaveLength(13);
    expect(defaultCfCatalogue.criteria.reduce((s, c) => s + c.maxPoints, 0)).toBe(1000);
    for (const c of defaultCfCatalogue.criteria)
      expect(
        c.indicators.reduce((s, i) => s + i.maxPoints, 0),
        `criterion ${c.number}`,
      ).toBe(c.maxPoints);
    expect(checkCatalogueEdit(defaultCfCatalogue, defaultCfCatalogue)).toEqual([]);
  });

  it('keeps the verified flags of law-vn.json', () => {
    const byCode = new Map(defaultCfCatalogue.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i])));
    expect(['1.1', '1.2', '1.3', '6.1', '6.2', '7.1'].every((code) => byCode.get(code)?.verified)).toBe(true);
    expect(byCode.get('1.4')?.verified).toBe(false);
    const verifiedMax = defaultCfCatalogue.criteria.filter((c) => c.maxPointsVerified).map((c) => c.number);
    expect(verifiedMax).toEqual([1, 6, 7]);
    for (const c of defaultCfCatalogue.criteria.filter((c) => !c.maxPointsVerified))
      expect(c.indicators.every((i) => !i.verified)).toBe(true);
  });
});

describe('scoreAssessment', () => {
  const cases: [CfUnitCategory, number, boolean][] = [
    ['other', 849, false],
    ['other', 850, true],
    ['central_city_ward', 899, false],
    ['central_city_ward', 900, true],
    ['mountain_island_disadvantaged', 799, false],
    ['mountain_island_disadvantaged', 800, true],
  ];
  it.each(cases)('%s with a total of %i: passed %s', (category, total, passed) => {
    const score = scoreAssessment(manualCatalogue, entriesFor(total), category);
    expect(score.total).toBe(total);
    expect(score.criteria.every((c) => c.met)).toBe(true);
    expect(score.passed).toBe(passed);
    expect(score.failures).toEqual(passed ? [] : [{ reason: 'total_below_threshold', criterion: null }]);
  });

  it('fails a criterion at 0 even with a total of 950', () => {
    const entries = entriesFor(1000);
    entries['4.1'] = { points: 0 }; // criterion 4 has 50 points
    const score = scoreAssessment(manualCatalogue, entries, 'other');
    expect(score.total).toBe(950);
    expect(score.passed).toBe(false);
    expect(score.failures).toEqual([{ reason: 'criterion_zero', criterion: 4 }]);
  });

  it('fails a criterion under its pass points even above the threshold', () => {
    const entries = entriesFor(1000);
    entries['1.1'] = { points: 49 }; // pass points of criterion 1: 50
    const score = scoreAssessment(manualCatalogue, entries, 'mountain_island_disadvantaged');
    expect(score.criteria[0]).toMatchObject({ points: 49, passPoints: 50, met: false });
    expect(score.failures).toEqual([{ reason: 'criterion_not_met', criterion: 1 }]);
  });

  it('passes with every criterion exactly at its pass points when the threshold is met', () => {
    const catalogue: CfCatalogue = {
      ...manualCatalogue,
      criteria: manualCatalogue.criteria.map((c) => ({
        ...c,
        passPoints: Math.floor((c.maxPoints * 85) / 100),
      })),
    };
    // Spread what flooring lost over the first criteria so that the pass points add up to 850.
    let left = 850 - catalogue.criteria.reduce((s, c) => s + c.passPoints, 0);
    for (const c of catalogue.criteria) if (left-- > 0) c.passPoints += 1;
    const entries = Object.fromEntries(
      catalogue.criteria.map((c) => [`${c.number}.1`, { points: c.passPoints }]),
    );
    const score = scoreAssessment(catalogue, entries, 'other');
    expect(score.total).toBe(850);
    expect(score.passed).toBe(true);
  });

  it('lists indicators with nothing entered as missing and scores them 0', () => {
    const score = scoreAssessment(defaultCfCatalogue, {}, 'other');
    expect(score.total).toBe(0);
    expect(score.missing).toHaveLength(defaultCfCatalogue.criteria.flatMap((c) => c.indicators).length);
    expect(score.failures.filter((f) => f.reason === 'criterion_zero')).toHaveLength(13);
  });
});

describe('scoreIndicator', () => {
  const indicators = new Map(
    defaultCfCatalogue.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i])),
  );
  const get = (code: string) => {
    const i = indicators.get(code);
    if (!i) throw new Error(code);
    return i;
  };
  it('scores yes/no', () => {
    expect(scoreIndicator(get('1.1'), { yes: true }).points).toBe(50);
    expect(scoreIndicator(get('1.1'), { yes: false })).toMatchObject({ points: 0, missing: false });
  });
  it('scores bands at least, at the boundary', () => {
    expect(scoreIndicator(get('6.1'), { value: 95 }).points).toBe(50);
    expect(scoreIndicator(get('6.1'), { value: 94.9 }).points).toBe(0);
    expect(scoreIndicator(get('2.1'), { value: 97 }).points).toBe(40);
  });
  it('scores bands at most (counts)', () => {
    expect(scoreIndicator(get('5.1'), { value: 0 }).points).toBe(50);
    expect(scoreIndicator(get('5.1'), { value: 2 }).points).toBe(35);
    expect(scoreIndicator(get('5.1'), { value: 6 }).points).toBe(0);
  });
  it('gives the no-case points when nothing could be measured', () => {
    expect(scoreIndicator(get('6.2'), { value: null, noCase: true })).toMatchObject({
      points: 75,
      missing: false,
    });
    expect(scoreIndicator(get('6.1'), { value: null, noCase: true })).toMatchObject({
      points: 0,
      missing: true,
    });
  });
  it('caps manual points at the maximum', () => {
    expect(scoreIndicator(get('1.4'), { points: 35 }).points).toBe(20);
  });
});

describe('checkCatalogueEdit', () => {
  it('refuses a change to a verified indicator and accepts one to an unverified item', () => {
    const changed = structuredClone(defaultCfCatalogue);
    const c1 = changed.criteria[0];
    if (!c1?.indicators[0]) throw new Error('catalogue');
    c1.indicators[0].maxPoints = 40;
    expect(checkCatalogueEdit(defaultCfCatalogue, changed).map((i) => i.message)).toContain(
      'cf_verified_item',
    );

    const ok = structuredClone(defaultCfCatalogue);
    const c2 = ok.criteria[1];
    if (!c2) throw new Error('catalogue');
    c2.passPoints = 60;
    expect(checkCatalogueEdit(defaultCfCatalogue, ok)).toEqual([]);
  });
});
