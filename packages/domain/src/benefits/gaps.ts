import type { GapKind } from '../benefits-api';
import type { IsoDate } from '../common';
import { formatVnd, formatVndEn } from './amounts';
import type { BenefitCatalogue } from './catalogue';
import type { Eligibility } from './facts';

/** An enrolment as the gap and proposal rules read it; the caller passes the enrolments active at the date. */
export type EnrolmentFact = {
  id: string;
  ruleCode: string;
  amountVnd: number;
  startDate: string;
  endDate: string | null;
};

export type BenefitGapFact = {
  kind: GapKind;
  ruleCode: string;
  expectedAmountVnd: number | null;
  enrolledAmountVnd: number | null;
  enrolmentId: string | null;
  reasonVi: string;
  reasonEn: string;
};

/** The exclusive group of a rule code in the catalogue; null when unknown or without a catalogue. */
function exclusiveGroupOf(ruleCode: string, catalogue: BenefitCatalogue | undefined): string | null {
  if (catalogue) {
    const rules = catalogue.rules.filter((rule) => rule.code === ruleCode);
    if (rules.length > 0) return rules.find((rule) => rule.exclusiveGroup !== null)?.exclusiveGroup ?? null;
  }
  return null;
}

const codePrefix = (code: string) => code.split('.')[0];

/**
 * The eligibility an enrolment counts for: the one of the same rule, else one that supersedes the
 * enrolment's rule, else one of the same exclusive group (an enrolment of the under-4 allowance
 * stands for the 4-to-16 allowance after the 4th birthday, with another amount). A rule code
 * not in the catalogue (or no catalogue) falls back to the naming convention of the national
 * catalogue: rules of an exclusive group share the first code segment (`tcxh.…`, `bhyt.…`).
 */
export function eligibilityOfEnrolment(
  enrolment: EnrolmentFact,
  eligibilities: Eligibility[],
  catalogue?: BenefitCatalogue,
): Eligibility | undefined {
  const group = exclusiveGroupOf(enrolment.ruleCode, catalogue);
  return (
    eligibilities.find((e) => e.ruleCode === enrolment.ruleCode) ??
    eligibilities.find((e) => e.supersedes.includes(enrolment.ruleCode)) ??
    eligibilities.find(
      (e) =>
        e.exclusiveGroup !== null &&
        (group !== null
          ? e.exclusiveGroup === group
          : !catalogue?.rules.some((rule) => rule.code === enrolment.ruleCode) &&
            codePrefix(e.ruleCode) === codePrefix(enrolment.ruleCode)),
    )
  );
}

/**
 * The gaps between what a child qualifies for and what the child gets, for rules that need a
 * decision: eligible but not enrolled, enrolled but no longer eligible (or enrolled twice in one
 * exclusive group), and an enrolled amount that differs from the amount of the rule at the date.
 * `enrolments` are the child's enrolments active at the date of the eligibilities. Pass the
 * catalogue so that enrolments of local rules find their exclusive group; without it the national
 * naming convention is used (rules of a group share the first code segment).
 */
export function benefitGapsOf(
  eligibilities: Eligibility[],
  enrolments: EnrolmentFact[],
  catalogue?: BenefitCatalogue,
): BenefitGapFact[] {
  const gaps: BenefitGapFact[] = [];
  const used = new Set<string>();
  for (const eligibility of eligibilities) {
    const own = enrolments.filter(
      (enrolment) => eligibilityOfEnrolment(enrolment, eligibilities, catalogue) === eligibility,
    );
    if (!eligibility.needsDecision && own.length === 0) continue;
    const [enrolment, ...extra] = [...own].sort(
      (a, b) => Number(b.ruleCode === eligibility.ruleCode) - Number(a.ruleCode === eligibility.ruleCode),
    );
    if (!enrolment) {
      gaps.push({
        kind: 'eligible_not_enrolled',
        ruleCode: eligibility.ruleCode,
        expectedAmountVnd: eligibility.amountVnd,
        enrolledAmountVnd: null,
        enrolmentId: null,
        reasonVi: `Đủ điều kiện hưởng ${eligibility.nameVi} nhưng chưa có quyết định: ${eligibility.explanationVi}`,
        reasonEn: `Eligible for ${eligibility.nameEn} without a decision: ${eligibility.explanationEn}`,
      });
      continue;
    }
    used.add(enrolment.id);
    if (eligibility.amountVnd !== null && enrolment.amountVnd !== eligibility.amountVnd) {
      gaps.push({
        kind: 'amount_differs',
        ruleCode: eligibility.ruleCode,
        expectedAmountVnd: eligibility.amountVnd,
        enrolledAmountVnd: enrolment.amountVnd,
        enrolmentId: enrolment.id,
        reasonVi: `Đang hưởng ${formatVnd(enrolment.amountVnd)}, theo quy định ${formatVnd(eligibility.amountVnd)}: ${eligibility.explanationVi}`,
        reasonEn: `Receives ${formatVndEn(enrolment.amountVnd)}, the rule gives ${formatVndEn(eligibility.amountVnd)}: ${eligibility.explanationEn}`,
      });
    }
    for (const duplicate of extra) {
      used.add(duplicate.id);
      gaps.push({
        kind: 'enrolled_not_eligible',
        ruleCode: duplicate.ruleCode,
        expectedAmountVnd: null,
        enrolledAmountVnd: duplicate.amountVnd,
        enrolmentId: duplicate.id,
        reasonVi: `Đã hưởng ${eligibility.nameVi}; chỉ được hưởng một mức cao nhất, không hưởng hai lần`,
        reasonEn: `Already receives ${eligibility.nameEn}; only the highest amount is paid, not both`,
      });
    }
  }
  for (const enrolment of enrolments) {
    if (used.has(enrolment.id)) continue;
    gaps.push({
      kind: 'enrolled_not_eligible',
      ruleCode: enrolment.ruleCode,
      expectedAmountVnd: null,
      enrolledAmountVnd: enrolment.amountVnd,
      enrolmentId: enrolment.id,
      reasonVi: `Đang hưởng (${enrolment.ruleCode}) nhưng không còn đủ điều kiện theo hồ sơ: tuổi, nhóm hoàn cảnh hoặc hộ nghèo đã thay đổi`,
      reasonEn: `Enrolled (${enrolment.ruleCode}) but the record no longer meets the criteria: age, group or poverty status changed`,
    });
  }
  return gaps;
}

/**
 * The special-circumstance groups a child must be in for any gap to arise at a date, or null when
 * some decision-needing rule in force asks for no group (then every child must be examined).
 * Lets the gap list read only the children who can have a gap, plus those with an enrolment.
 */
export function gapCandidateGroups(catalogue: BenefitCatalogue, at: IsoDate): string[] | null {
  const groups = new Set<string>();
  for (const rule of catalogue.rules) {
    if (!rule.needsDecision || rule.validFrom > at || (rule.validTo !== null && rule.validTo < at)) continue;
    if (!rule.criteria.groups) return null;
    for (const group of rule.criteria.groups) groups.add(group);
  }
  return [...groups].sort();
}
