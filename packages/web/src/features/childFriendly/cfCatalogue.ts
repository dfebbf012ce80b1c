import type { CfCatalogueIssue, CfCriterion, CfIndicator, CfScoringRule } from '@tuoitho/domain';
import { formatNumber, type Language } from '../outreach/outreachCharts';

/**
 * Pure helpers of the criteria catalogue: how an indicator is scored, in words, and where an
 * issue of an administrator's edit lies ("Tiêu chí 3 · chỉ số 3.1").
 */

const words = {
  vi: {
    points: 'điểm',
    yes: 'Có',
    no: 'không',
    otherwise: 'còn lại',
    noCase: 'không có trường hợp nào',
    manual: 'Chấm điểm trực tiếp',
    criterion: 'Tiêu chí',
    indicator: 'chỉ số',
    catalogue: 'Bộ tiêu chí',
  },
  en: {
    points: 'points',
    yes: 'Yes',
    no: 'no',
    otherwise: 'otherwise',
    noCase: 'no case in the year',
    manual: 'Points given directly',
    criterion: 'Criterion',
    indicator: 'indicator',
    catalogue: 'Catalogue',
  },
} as const;

/** "≥ 98%: 50 điểm; ≥ 95%: 35 điểm; còn lại: 0 điểm" — the scoring rule of an indicator in words. */
export function describeRule(rule: CfScoringRule, maxPoints: number, language: Language): string {
  const w = words[language];
  const n = (value: number) => formatNumber(value, language, 1);
  switch (rule.kind) {
    case 'yes_no':
      return `${w.yes}: ${n(rule.points)} ${w.points}; ${w.no}: 0`;
    case 'manual':
      return `${w.manual} (0–${n(maxPoints)} ${w.points})`;
    case 'bands': {
      const sign = rule.direction === 'at_least' ? '≥' : '≤';
      const unit = rule.measure === 'percent' ? '%' : '';
      const bands = [...rule.bands].sort((a, b) => b.points - a.points);
      const parts = bands.map((band) => `${sign} ${n(band.threshold)}${unit}: ${n(band.points)} ${w.points}`);
      parts.push(`${w.otherwise}: 0`);
      if (rule.noCasePoints !== null) parts.push(`${w.noCase}: ${n(rule.noCasePoints)} ${w.points}`);
      return parts.join('; ');
    }
  }
}

/** Where an issue of `checkCatalogueEdit` lies, in words; the path indexes criteria and indicators. */
export function issueLocation(issue: CfCatalogueIssue, criteria: readonly CfCriterion[], language: Language) {
  const w = words[language];
  const [head, criterionIndex, field, ...rest] = issue.path.split('.');
  if (head !== 'criteria' || criterionIndex === undefined) return w.catalogue;
  const criterion = criteria[Number(criterionIndex)];
  if (!criterion) return w.catalogue;
  const place = `${w.criterion} ${criterion.number}`;
  if (field !== 'indicators' || rest.length === 0) return place;
  // A verified indicator is named by its code ("…indicators.1.1"), the others by their position
  // followed by a field ("…indicators.1.rule").
  const tail = rest.join('.');
  const indicatorKey = /^\d+\.\d+$/.test(tail) ? tail : (rest[0] ?? '');
  const indicator = /^\d+\.\d+$/.test(tail)
    ? criterion.indicators.find((i) => i.code === tail)
    : criterion.indicators[Number(indicatorKey)];
  return `${place} · ${w.indicator} ${indicator?.code ?? indicatorKey}`;
}

/** The sum of a criterion's indicators' maxima (they must add up to the criterion's maximum). */
export const indicatorsSum = (criterion: CfCriterion) =>
  criterion.indicators.reduce((sum, indicator) => sum + indicator.maxPoints, 0);

/** The sum of the criteria's maxima (it must stay at the catalogue's total, 1000). */
export const criteriaSum = (criteria: readonly CfCriterion[]) =>
  criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);

/** True when anything in the criterion is not confirmed against the Decision. */
export const hasUnverified = (criterion: CfCriterion) =>
  !criterion.verified ||
  !criterion.maxPointsVerified ||
  !criterion.passPointsVerified ||
  criterion.indicators.some((indicator: CfIndicator) => !indicator.verified);

/** A rule of another kind, keeping what can be kept (used when the administrator changes the kind). */
export function ruleOfKind(kind: CfScoringRule['kind'], maxPoints: number): CfScoringRule {
  switch (kind) {
    case 'yes_no':
      return { kind, points: maxPoints };
    case 'manual':
      return { kind };
    case 'bands':
      return {
        kind,
        measure: 'percent',
        direction: 'at_least',
        bands: [{ threshold: 100, points: maxPoints }],
        noCasePoints: null,
      };
  }
}
