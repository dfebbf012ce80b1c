import { addCalendarDays } from '../registry/date-of-birth';
import { formatVnd, formatVndEn } from './amounts';
import type { BenefitCatalogue } from './catalogue';
import { eligibilityAt, eligibilityChangeDates, formatDateVi } from './engine';
import type { Eligibility, EligibilityFacts } from './facts';
import { type EnrolmentFact, eligibilityOfEnrolment } from './gaps';

/**
 * Proposals for the officer to confirm, from the facts today and the coming changes:
 * - `start`: a benefit needing a decision the child qualifies for today, or from a day within the
 *   horizon, with no enrolment of it (or of its exclusive group);
 * - `adjust`: an enrolment whose amount differs today, or changes within the horizon (4th
 *   birthday, new base level);
 * - `terminate`: an enrolment the child no longer qualifies for today, or stops qualifying for
 *   within the horizon (16th birthday, group ended). `effectiveFrom` of a termination is the
 *   first day without the benefit: the decision's `endDate` is the day before.
 * `dedupeKey` is `${kind}:${ruleCode}:${effectiveFrom}`; the server prefixes the child id.
 */

export type BenefitProposalFact = {
  kind: 'start' | 'adjust' | 'terminate';
  ruleCode: string;
  enrolmentId: string | null;
  effectiveFrom: string;
  amountVnd: number | null;
  reasonVi: string;
  reasonEn: string;
  dedupeKey: string;
};

const slotKey = (eligibility: Eligibility) =>
  eligibility.exclusiveGroup === null
    ? `rule:${eligibility.ruleCode}`
    : `group:${eligibility.exclusiveGroup}`;

/** The proposals for a child today, looking `horizonDays` ahead (31 by default). */
export function benefitProposalsOf(
  facts: EligibilityFacts,
  today: string,
  catalogue: BenefitCatalogue,
  enrolments: EnrolmentFact[],
  horizonDays = 31,
): BenefitProposalFact[] {
  const until = addCalendarDays(today, horizonDays);
  const proposals: BenefitProposalFact[] = [];
  const add = (proposal: Omit<BenefitProposalFact, 'dedupeKey'>) => {
    const dedupeKey = `${proposal.kind}:${proposal.ruleCode}:${proposal.effectiveFrom}`;
    if (!proposals.some((p) => p.dedupeKey === dedupeKey)) proposals.push({ ...proposal, dedupeKey });
  };
  const now = eligibilityAt(facts, today, catalogue);
  const coveredSlots = new Set<string>();

  for (const enrolment of enrolments) {
    const eligibility = eligibilityOfEnrolment(enrolment, now, catalogue);
    if (!eligibility || coveredSlots.has(slotKey(eligibility))) {
      add({
        kind: 'terminate',
        ruleCode: enrolment.ruleCode,
        enrolmentId: enrolment.id,
        effectiveFrom: today,
        amountVnd: null,
        reasonVi: eligibility
          ? `Đã hưởng ${eligibility.nameVi} theo quyết định khác; không hưởng hai lần`
          : 'Không còn đủ điều kiện theo hồ sơ: tuổi, nhóm hoàn cảnh hoặc hộ nghèo đã thay đổi',
        reasonEn: eligibility
          ? `Already receives ${eligibility.nameEn} under another decision; not paid twice`
          : 'The record no longer meets the criteria: age, group or poverty status changed',
      });
      continue;
    }
    coveredSlots.add(slotKey(eligibility));
    if (eligibility.amountVnd !== null && eligibility.amountVnd !== enrolment.amountVnd) {
      add({
        kind: 'adjust',
        ruleCode: eligibility.ruleCode,
        enrolmentId: enrolment.id,
        effectiveFrom: today,
        amountVnd: eligibility.amountVnd,
        reasonVi: `Đang hưởng ${formatVnd(enrolment.amountVnd)}, theo quy định: ${eligibility.explanationVi}`,
        reasonEn: `Receives ${formatVndEn(enrolment.amountVnd)}, the rule gives: ${eligibility.explanationEn}`,
      });
    }
    const change = eligibility.nextChange;
    if (change && change.on <= until) {
      const later = change.kind === 'amount_changes' ? eligibilityAt(facts, change.on, catalogue) : [];
      const successor = later.find((e) => slotKey(e) === slotKey(eligibility));
      add({
        kind: change.kind === 'ends' ? 'terminate' : 'adjust',
        ruleCode: change.kind === 'ends' ? enrolment.ruleCode : (successor?.ruleCode ?? eligibility.ruleCode),
        enrolmentId: enrolment.id,
        effectiveFrom: change.on,
        amountVnd: change.amountVnd,
        reasonVi: change.reasonVi,
        reasonEn: change.reasonEn,
      });
    }
  }

  for (const eligibility of now) {
    if (!eligibility.needsDecision || coveredSlots.has(slotKey(eligibility))) continue;
    coveredSlots.add(slotKey(eligibility));
    add({
      kind: 'start',
      ruleCode: eligibility.ruleCode,
      enrolmentId: null,
      effectiveFrom: today,
      amountVnd: eligibility.amountVnd,
      reasonVi: `Đủ điều kiện từ nay: ${eligibility.explanationVi}`,
      reasonEn: `Eligible now: ${eligibility.explanationEn}`,
    });
  }

  for (const date of eligibilityChangeDates(facts, catalogue, today, until)) {
    for (const eligibility of eligibilityAt(facts, date, catalogue)) {
      if (!eligibility.needsDecision || coveredSlots.has(slotKey(eligibility))) continue;
      coveredSlots.add(slotKey(eligibility));
      add({
        kind: 'start',
        ruleCode: eligibility.ruleCode,
        enrolmentId: null,
        effectiveFrom: date,
        amountVnd: eligibility.amountVnd,
        reasonVi: `Đủ điều kiện từ ${formatDateVi(date)}: ${eligibility.explanationVi}`,
        reasonEn: `Eligible from ${date}: ${eligibility.explanationEn}`,
      });
    }
  }
  return proposals;
}
