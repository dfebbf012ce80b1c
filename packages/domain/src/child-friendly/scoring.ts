import type { Label } from '../catalogues/labels';
import {
  type CfCatalogue,
  type CfCriterion,
  type CfIndicator,
  type CfScoringRule,
  type CfUnitCategory,
  cfUnitCategories,
} from './catalogue';

/**
 * Pure scoring of a child-friendly assessment (Quyết định 06/QĐ-TTg, Điều 3): indicator points from
 * the entered or system values, criterion points and whether each criterion is met, the total and
 * the pass decision. A commune passes when every criterion is met, no criterion is at 0 and the
 * total reaches the threshold of its category.
 */

/** What was entered (or filled from the system) for one indicator. */
export interface CfIndicatorEntry {
  /** `bands`: the percent or count. */
  value?: number | null;
  /** `yes_no`: the answer. */
  yes?: boolean | null;
  /** `manual`: the points given, 0..max. */
  points?: number | null;
  /** `bands` with a denominator of 0: no case to measure in the year. */
  noCase?: boolean;
}

export interface CfIndicatorScore {
  code: string;
  points: number;
  maxPoints: number;
  /** Nothing usable entered: scored 0 and listed as missing. */
  missing: boolean;
}

export interface CfCriterionScore {
  number: number;
  points: number;
  maxPoints: number;
  passPoints: number;
  met: boolean;
  indicators: CfIndicatorScore[];
}

export type CfFailureReason = 'criterion_not_met' | 'criterion_zero' | 'total_below_threshold';

export interface CfFailure {
  reason: CfFailureReason;
  /** The criterion concerned, for the first two reasons. */
  criterion: number | null;
}

export interface CfAssessmentScore {
  criteria: CfCriterionScore[];
  total: number;
  maxTotal: number;
  category: CfUnitCategory;
  threshold: number;
  passed: boolean;
  failures: CfFailure[];
  /** Codes of the indicators with nothing entered. */
  missing: string[];
}

export const cfFailureLabels: Record<CfFailureReason, Label> = {
  criterion_not_met: { vi: 'Tiêu chí chưa đạt', en: 'Criterion not met' },
  criterion_zero: { vi: 'Tiêu chí bị 0 điểm', en: 'Criterion scored 0' },
  total_below_threshold: { vi: 'Tổng điểm chưa đạt mức quy định', en: 'Total below the threshold' },
};

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);

/** The points of a banded value: the best band reached in the rule's direction, 0 if none. */
export function bandPoints(rule: Extract<CfScoringRule, { kind: 'bands' }>, value: number): number {
  let best = 0;
  for (const band of rule.bands) {
    const reached = rule.direction === 'at_least' ? value >= band.threshold : value <= band.threshold;
    if (reached && band.points > best) best = band.points;
  }
  return best;
}

/** The points of one indicator for what was entered. */
export function scoreIndicator(
  indicator: CfIndicator,
  entry: CfIndicatorEntry | undefined,
): CfIndicatorScore {
  const base = { code: indicator.code, maxPoints: indicator.maxPoints };
  const rule = indicator.rule;
  switch (rule.kind) {
    case 'yes_no':
      if (entry?.yes == null) return { ...base, points: 0, missing: true };
      return { ...base, points: entry.yes ? clamp(rule.points, indicator.maxPoints) : 0, missing: false };
    case 'manual':
      if (entry?.points == null) return { ...base, points: 0, missing: true };
      return { ...base, points: clamp(entry.points, indicator.maxPoints), missing: false };
    case 'bands':
      if (entry?.value == null) {
        if (entry?.noCase && rule.noCasePoints != null)
          return { ...base, points: clamp(rule.noCasePoints, indicator.maxPoints), missing: false };
        return { ...base, points: 0, missing: true };
      }
      return { ...base, points: clamp(bandPoints(rule, entry.value), indicator.maxPoints), missing: false };
  }
}

/** A criterion is met when its points reach its pass points, and never at 0. */
export function scoreCriterion(
  criterion: CfCriterion,
  entries: Readonly<Record<string, CfIndicatorEntry | undefined>>,
): CfCriterionScore {
  const indicators = criterion.indicators.map((i) => scoreIndicator(i, entries[i.code]));
  const points = Math.min(
    indicators.reduce((sum, i) => sum + i.points, 0),
    criterion.maxPoints,
  );
  return {
    number: criterion.number,
    points,
    maxPoints: criterion.maxPoints,
    passPoints: criterion.passPoints,
    met: points > 0 && points >= criterion.passPoints,
    indicators,
  };
}

/** Scores an assessment and decides whether the commune passes for its category. */
export function scoreAssessment(
  catalogue: CfCatalogue,
  entries: Readonly<Record<string, CfIndicatorEntry | undefined>>,
  category: CfUnitCategory,
): CfAssessmentScore {
  const criteria = catalogue.criteria.map((c) => scoreCriterion(c, entries));
  const total = criteria.reduce((sum, c) => sum + c.points, 0);
  const threshold = cfUnitCategories[category].minPoints;
  const failures: CfFailure[] = [];
  for (const c of criteria) {
    if (c.points === 0) failures.push({ reason: 'criterion_zero', criterion: c.number });
    else if (!c.met) failures.push({ reason: 'criterion_not_met', criterion: c.number });
  }
  if (total < threshold) failures.push({ reason: 'total_below_threshold', criterion: null });
  return {
    criteria,
    total,
    maxTotal: catalogue.maxTotal,
    category,
    threshold,
    passed: failures.length === 0,
    failures,
    missing: criteria.flatMap((c) => c.indicators.filter((i) => i.missing).map((i) => i.code)),
  };
}

export type CfCatalogueIssue = { path: string; message: string };

/**
 * Checks an administrator's edit of the catalogue against the current one: verified items are
 * law and stay as they are (criterion names, verified maxima, verified indicators); each
 * criterion's indicators add up to its maximum; pass points lie in 1..max; the total is 1000.
 */
export function checkCatalogueEdit(current: CfCatalogue, next: CfCatalogue): CfCatalogueIssue[] {
  const issues: CfCatalogueIssue[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  next.criteria.forEach((c, index) => {
    const path = `criteria.${index}`;
    const before = current.criteria.find((x) => x.number === c.number);
    if (!before || c.number !== index + 1) {
      issues.push({ path: `${path}.number`, message: 'cf_criterion_number' });
      return;
    }
    if (before.verified && !same(before.name, c.name))
      issues.push({ path: `${path}.name`, message: 'cf_verified_item' });
    if (before.maxPointsVerified && before.maxPoints !== c.maxPoints)
      issues.push({ path: `${path}.maxPoints`, message: 'cf_verified_item' });
    if (before.passPointsVerified && before.passPoints !== c.passPoints)
      issues.push({ path: `${path}.passPoints`, message: 'cf_verified_item' });
    if (
      c.verified !== before.verified ||
      c.maxPointsVerified !== before.maxPointsVerified ||
      c.passPointsVerified !== before.passPointsVerified
    )
      issues.push({ path: `${path}.verified`, message: 'cf_verified_item' });
    for (const old of before.indicators.filter((i) => i.verified)) {
      const kept = c.indicators.find((i) => i.code === old.code);
      if (!kept || !same(kept, old))
        issues.push({ path: `${path}.indicators.${old.code}`, message: 'cf_verified_item' });
    }
    c.indicators.forEach((i, k) => {
      const old = before.indicators.find((x) => x.code === i.code);
      if (i.verified && !old?.verified)
        issues.push({ path: `${path}.indicators.${k}.verified`, message: 'cf_verified_item' });
      if (!i.code.startsWith(`${c.number}.`))
        issues.push({ path: `${path}.indicators.${k}.code`, message: 'cf_indicator_code' });
      if ((i.source === 'system') !== (i.systemFigure !== null))
        issues.push({ path: `${path}.indicators.${k}.systemFigure`, message: 'cf_system_figure' });
      if (i.rule.kind === 'yes_no' && i.rule.points > i.maxPoints)
        issues.push({ path: `${path}.indicators.${k}.rule`, message: 'cf_rule_points' });
      if (i.rule.kind === 'bands' && i.rule.bands.some((b) => b.points > i.maxPoints))
        issues.push({ path: `${path}.indicators.${k}.rule`, message: 'cf_rule_points' });
    });
    const codes = c.indicators.map((i) => i.code);
    if (new Set(codes).size !== codes.length)
      issues.push({ path: `${path}.indicators`, message: 'cf_indicator_code' });
    const sum = c.indicators.reduce((s, i) => s + i.maxPoints, 0);
    if (sum !== c.maxPoints) issues.push({ path: `${path}.indicators`, message: 'cf_indicator_sum' });
    if (c.passPoints < 1 || c.passPoints > c.maxPoints)
      issues.push({ path: `${path}.passPoints`, message: 'cf_pass_points' });
  });
  const total = next.criteria.reduce((s, c) => s + c.maxPoints, 0);
  if (total !== next.maxTotal || next.maxTotal !== current.maxTotal)
    issues.push({ path: 'criteria', message: 'cf_total_points' });
  return issues;
}
