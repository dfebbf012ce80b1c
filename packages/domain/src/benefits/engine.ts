import type { SpecialCircumstanceGroupCode } from '../catalogues/special-circumstances';
import { addCalendarDays, referenceBirthDate } from '../registry/date-of-birth';
import { formatCoefficient, formatVnd, formatVndEn } from './amounts';
import type { BaseLevelPeriod, BenefitCatalogue, BenefitRule } from './catalogue';
import type { Eligibility, EligibilityChange, EligibilityFacts } from './facts';

/**
 * The eligibility engine: pure functions from registry facts at a date to the benefits a child
 * qualifies for. Dates are calendar dates `YYYY-MM-DD` (Việt Nam), compared as strings.
 *
 * Ages are whole months: a month is complete on the same day of a later month, or on its last
 * day when it is shorter (born 31/01 → 1 month on 28/02 or 29/02), so month 48 starts on the
 * 4th birthday and month 192 on the 16th (born 29/02 → 28/02 in a common year, as `turnsAgeOn`).
 * "Under 16" (`maxAgeMonths: 192`) therefore ends on the day the child turns 16: that day is the
 * first day without the benefit, and the last day of an enrolment is the day before.
 */

type IsoDate = string;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function splitDate(date: IsoDate): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

/** A full date of birth, or the reference date (1 July) of a year-only birth. */
function birthDateOf(dateOfBirth: string): IsoDate {
  return /^\d{4}$/.test(dateOfBirth) ? referenceBirthDate(dateOfBirth) : dateOfBirth;
}

/** The day `months` months after `date` (clamped to the end of a shorter month). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = splitDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, daysInMonth(targetYear, targetMonth)))}`;
}

/** Whole months of age at a date (negative before birth); a year-only birth counts from 1 July. */
export function ageInMonths(dateOfBirth: IsoDate, at: IsoDate): number {
  const [birthYear, birthMonth, birthDay] = splitDate(birthDateOf(dateOfBirth));
  const [year, month, day] = splitDate(at);
  const months = (year - birthYear) * 12 + (month - birthMonth);
  return day < Math.min(birthDay, daysInMonth(year, month)) ? months - 1 : months;
}

/** The day a child born on `dateOfBirth` reaches `months` whole months of age. */
export function reachesAgeMonthsOn(dateOfBirth: IsoDate, months: number): IsoDate {
  return addMonths(birthDateOf(dateOfBirth), months);
}

function isInForce(period: { validFrom: IsoDate; validTo: IsoDate | null }, at: IsoDate): boolean {
  return period.validFrom <= at && (period.validTo === null || at <= period.validTo);
}

/**
 * The base level of social assistance at a date for a province: the national level, replaced by
 * the province's own level when one is in force and higher (Decree 20/2021 Art. 4(3)).
 */
export function baseLevelAt(
  catalogue: BenefitCatalogue,
  provinceCode: string,
  at: IsoDate,
): BaseLevelPeriod | undefined {
  const national = catalogue.baseLevels.find((level) => level.provinceCode === null && isInForce(level, at));
  const provincial = catalogue.baseLevels
    .filter((level) => level.provinceCode === provinceCode && isInForce(level, at))
    .sort((a, b) => b.amountVnd - a.amountVnd)[0];
  if (provincial && (!national || provincial.amountVnd > national.amountVnd)) return provincial;
  return national;
}

/**
 * The rules in force at a date for a commune: national rules, the commune's own rules and, when
 * `provinceCode` is given, the province's rules (a commune code does not contain its province's).
 */
export function rulesInForce(
  catalogue: BenefitCatalogue,
  unitCode: string,
  at: IsoDate,
  provinceCode?: string,
): BenefitRule[] {
  return catalogue.rules.filter(
    (rule) =>
      isInForce(rule, at) &&
      (rule.unitCode === null ||
        rule.unitCode === unitCode ||
        (provinceCode !== undefined && rule.unitCode === provinceCode)),
  );
}

/** Short phrases of the groups for explanations. */
const groupPhrases: Record<SpecialCircumstanceGroupCode, { vi: string; en: string }> = {
  a: { vi: 'mồ côi cả cha và mẹ', en: 'orphan of both parents' },
  b: { vi: 'bị bỏ rơi', en: 'abandoned' },
  c: { vi: 'không nơi nương tựa', en: 'without anyone to rely on' },
  d: { vi: 'khuyết tật', en: 'with a disability' },
  đ: { vi: 'nhiễm HIV/AIDS', en: 'living with HIV/AIDS' },
  e: { vi: 'vi phạm pháp luật', en: 'in conflict with the law' },
  g: { vi: 'nghiện ma túy', en: 'using drugs' },
  h: { vi: 'bỏ học kiếm sống', en: 'left school to earn a living' },
  i: { vi: 'bị bạo lực', en: 'harmed by violence' },
  k: { vi: 'bị bóc lột', en: 'exploited' },
  l: { vi: 'bị xâm hại tình dục', en: 'sexually abused' },
  m: { vi: 'bị mua bán', en: 'trafficked' },
  n: { vi: 'mắc bệnh hiểm nghèo', en: 'seriously ill' },
  o: { vi: 'di cư, lánh nạn', en: 'migrant or refugee' },
};

const disabilityPhrases = {
  especially_severe: { vi: 'khuyết tật đặc biệt nặng', en: 'with an especially severe disability' },
  severe: { vi: 'khuyết tật nặng', en: 'with a severe disability' },
  mild: { vi: 'khuyết tật nhẹ', en: 'with a mild disability' },
} as const;

const povertyPhrases = {
  poor: { vi: 'thuộc hộ nghèo', en: 'in a poor household' },
  near_poor: { vi: 'thuộc hộ cận nghèo', en: 'in a near-poor household' },
  none: { vi: 'không thuộc hộ nghèo, cận nghèo', en: 'in a household neither poor nor near-poor' },
} as const;

/** A rule the child fits at a date, before exclusive groups are resolved. */
type RuleMatch = {
  rule: BenefitRule;
  order: number;
  amountVnd: number | null;
  coefficient: number | null;
  baseLevelVnd: number | null;
  groups: SpecialCircumstanceGroupCode[];
};

function activeGroupsAt(facts: EligibilityFacts, at: IsoDate) {
  return facts.groups.filter((g) => g.startDate <= at && (g.endDate === null || at <= g.endDate));
}

/** Whether the facts meet every criterion of a rule at a date; the matching groups, or undefined. */
function matchCriteria(
  rule: BenefitRule,
  facts: EligibilityFacts,
  at: IsoDate,
): SpecialCircumstanceGroupCode[] | undefined {
  const criteria = rule.criteria;
  const age = ageInMonths(facts.dateOfBirth, at);
  if (age < 0) return undefined;
  if (criteria.minAgeMonths !== undefined && age < criteria.minAgeMonths) return undefined;
  if (criteria.maxAgeMonths !== undefined && age >= criteria.maxAgeMonths) return undefined;
  let groups: SpecialCircumstanceGroupCode[] = [];
  if (criteria.groups || criteria.subgroups) {
    const active = activeGroupsAt(facts, at).filter(
      (g) =>
        (!criteria.groups || criteria.groups.includes(g.group)) &&
        (!criteria.subgroups || (g.subgroup !== null && criteria.subgroups.includes(g.subgroup))),
    );
    if (active.length === 0) return undefined;
    groups = [...new Set(active.map((g) => g.group))];
  }
  if (
    criteria.povertyStatuses &&
    (!facts.povertyStatus || !criteria.povertyStatuses.includes(facts.povertyStatus))
  )
    return undefined;
  if (
    criteria.disabilityLevels &&
    (!facts.disabilityLevel || !criteria.disabilityLevels.includes(facts.disabilityLevel))
  )
    return undefined;
  if (criteria.seriousIllness !== undefined && (facts.seriousIllness ?? false) !== criteria.seriousIllness)
    return undefined;
  if (
    criteria.enrolmentStatuses &&
    (!facts.enrolmentStatus || !criteria.enrolmentStatuses.includes(facts.enrolmentStatus))
  )
    return undefined;
  return groups;
}

/** Every rule the child fits at a date with its amount (a coefficient needs a base level). */
function matchRulesAt(facts: EligibilityFacts, at: IsoDate, catalogue: BenefitCatalogue): RuleMatch[] {
  const matches: RuleMatch[] = [];
  const rules = rulesInForce(catalogue, facts.unitCode, at, facts.provinceCode);
  for (const rule of rules) {
    const groups = matchCriteria(rule, facts, at);
    if (!groups) continue;
    const order = catalogue.rules.indexOf(rule);
    const amount = rule.amount;
    if (amount.type === 'coefficient') {
      const base = baseLevelAt(catalogue, facts.provinceCode, at);
      if (!base) continue;
      matches.push({
        rule,
        order,
        groups,
        coefficient: amount.coefficient,
        baseLevelVnd: base.amountVnd,
        amountVnd: Math.round(amount.coefficient * base.amountVnd),
      });
    } else {
      const amountVnd = amount.type === 'fixed' ? amount.amountVnd : null;
      matches.push({ rule, order, groups, coefficient: null, baseLevelVnd: null, amountVnd });
    }
  }
  return matches;
}

/** Higher amount first; for shares the higher percent; then catalogue order. */
function compareMatches(a: RuleMatch, b: RuleMatch): number {
  const value = (m: RuleMatch) =>
    m.amountVnd ?? (m.rule.amount.type === 'cost_share' ? m.rule.amount.percent : -1);
  return value(b) - value(a) || a.order - b.order;
}

/** The matches kept after exclusive groups: the best of each group, with the others it supersedes. */
function resolveExclusive(matches: RuleMatch[]): Array<{ match: RuleMatch; supersedes: string[] }> {
  const result: Array<{ match: RuleMatch; supersedes: string[] }> = [];
  const byGroup = new Map<string, RuleMatch[]>();
  for (const match of matches) {
    const group = match.rule.exclusiveGroup;
    if (group === null) result.push({ match, supersedes: [] });
    else byGroup.set(group, [...(byGroup.get(group) ?? []), match]);
  }
  for (const members of byGroup.values()) {
    const [best, ...others] = [...members].sort(compareMatches);
    result.push({ match: best!, supersedes: others.map((m) => m.rule.code) });
  }
  return result.sort((a, b) => a.match.order - b.match.order);
}

function agePhrase(facts: EligibilityFacts, at: IsoDate): { vi: string; en: string } {
  const months = ageInMonths(facts.dateOfBirth, at);
  if (months < 12) return { vi: `${months} tháng tuổi`, en: `${months} month${months === 1 ? '' : 's'} old` };
  const years = Math.floor(months / 12);
  return { vi: `${years} tuổi`, en: `${years} year${years === 1 ? '' : 's'} old` };
}

/** Who the child is for this rule: "mồ côi cả cha và mẹ (nhóm a)", "nhiễm HIV/AIDS (nhóm đ), thuộc hộ nghèo". */
function whoPhrase(match: RuleMatch, facts: EligibilityFacts): { vi: string; en: string } {
  const criteria = match.rule.criteria;
  const vi: string[] = [];
  const en: string[] = [];
  for (const group of match.groups) {
    const phrase =
      group === 'd' && criteria.disabilityLevels && facts.disabilityLevel
        ? disabilityPhrases[facts.disabilityLevel]
        : groupPhrases[group];
    vi.push(`${phrase.vi} (nhóm ${group})`);
    en.push(`${phrase.en} (group ${group})`);
  }
  if (!match.groups.includes('d') && criteria.disabilityLevels && facts.disabilityLevel) {
    vi.push(disabilityPhrases[facts.disabilityLevel].vi);
    en.push(disabilityPhrases[facts.disabilityLevel].en);
  }
  if (criteria.povertyStatuses && facts.povertyStatus) {
    vi.push(povertyPhrases[facts.povertyStatus].vi);
    en.push(povertyPhrases[facts.povertyStatus].en);
  }
  if (vi.length === 0) return { vi: match.rule.criteriaVi, en: match.rule.criteriaEn };
  return { vi: vi.join(', '), en: en.join(', ') };
}

const periodSuffix = {
  monthly: { vi: '/tháng', en: '/month' },
  yearly: { vi: '/năm', en: '/year' },
  once: { vi: ' (một lần)', en: ' (once)' },
} as const;

/** "mồ côi cả cha và mẹ (nhóm a), 3 tuổi → hệ số 2,5 × 500.000 đ = 1.250.000 đ/tháng" and its English. */
function explain(match: RuleMatch, facts: EligibilityFacts, at: IsoDate): { vi: string; en: string } {
  const who = whoPhrase(match, facts);
  const age = agePhrase(facts, at);
  const suffix = periodSuffix[match.rule.periodicity];
  const amount = match.rule.amount;
  let vi: string;
  let en: string;
  if (amount.type === 'coefficient') {
    vi = `hệ số ${formatCoefficient(amount.coefficient)} × ${formatVnd(match.baseLevelVnd!)} = ${formatVnd(match.amountVnd!)}${suffix.vi}`;
    en = `coefficient ${amount.coefficient} × ${formatVndEn(match.baseLevelVnd!)} = ${formatVndEn(match.amountVnd!)}${suffix.en}`;
  } else if (amount.type === 'fixed') {
    vi = `${formatVnd(amount.amountVnd)}${suffix.vi}`;
    en = `${formatVndEn(amount.amountVnd)}${suffix.en}`;
  } else if (amount.type === 'cost_share') {
    vi = `${match.rule.nameVi}: ${formatCoefficient(amount.percent)} % (${amount.description})`;
    en = `${match.rule.nameEn}: ${amount.percent} % covered`;
  } else {
    vi = `${match.rule.nameVi}: ${amount.description}`;
    en = `${match.rule.nameEn} (in kind)`;
  }
  return { vi: `${who.vi}, ${age.vi} → ${vi}`, en: `${who.en}, ${age.en} → ${en}` };
}

/** The slot of a rule: its exclusive group, or the rule alone. */
function slotOf(rule: BenefitRule): string {
  return rule.exclusiveGroup === null ? `rule:${rule.code}` : `group:${rule.exclusiveGroup}`;
}

/** The kept match of a slot at a date, if any. */
function slotWinnerAt(
  slot: string,
  facts: EligibilityFacts,
  at: IsoDate,
  catalogue: BenefitCatalogue,
): RuleMatch | undefined {
  return resolveExclusive(matchRulesAt(facts, at, catalogue)).find((kept) => slotOf(kept.match.rule) === slot)
    ?.match;
}

/**
 * The dates after `after` (exclusive) up to `until` (inclusive, optional) on which an
 * eligibility can change: age limits of any rule, starts and the day after ends of groups, rule
 * periods, base-level periods. Sorted, without duplicates.
 */
export function eligibilityChangeDates(
  facts: EligibilityFacts,
  catalogue: BenefitCatalogue,
  after: IsoDate,
  until?: IsoDate,
): IsoDate[] {
  const dates = new Set<IsoDate>();
  for (const rule of catalogue.rules) {
    for (const months of [rule.criteria.minAgeMonths, rule.criteria.maxAgeMonths]) {
      if (months !== undefined) dates.add(reachesAgeMonthsOn(facts.dateOfBirth, months));
    }
    dates.add(rule.validFrom);
    if (rule.validTo) dates.add(addCalendarDays(rule.validTo, 1));
  }
  for (const level of catalogue.baseLevels) {
    dates.add(level.validFrom);
    if (level.validTo) dates.add(addCalendarDays(level.validTo, 1));
  }
  for (const group of facts.groups) {
    dates.add(group.startDate);
    if (group.endDate) dates.add(addCalendarDays(group.endDate, 1));
  }
  return [...dates].filter((date) => date > after && (until === undefined || date <= until)).sort();
}

/** The first coming change of a kept rule's benefit (its slot): a new amount, or its end. */
function nextChangeOf(
  match: RuleMatch,
  facts: EligibilityFacts,
  at: IsoDate,
  catalogue: BenefitCatalogue,
): EligibilityChange | null {
  const slot = slotOf(match.rule);
  for (const date of eligibilityChangeDates(facts, catalogue, at)) {
    const next = slotWinnerAt(slot, facts, date, catalogue);
    const dateVi = formatDateVi(date);
    if (!next) {
      return {
        on: date,
        kind: 'ends',
        amountVnd: null,
        reasonVi: `Hết điều kiện hưởng từ ${dateVi}: ${endReason(match, facts, date).vi}`,
        reasonEn: `No longer eligible from ${date}: ${endReason(match, facts, date).en}`,
      };
    }
    if (next.amountVnd !== match.amountVnd) {
      const explanation = explain(next, facts, date);
      return {
        on: date,
        kind: 'amount_changes',
        amountVnd: next.amountVnd,
        reasonVi: `Từ ${dateVi}: ${explanation.vi}`,
        reasonEn: `From ${date}: ${explanation.en}`,
      };
    }
    if (next.amountVnd === null && next.rule.code !== match.rule.code) {
      return {
        on: date,
        kind: 'ends',
        amountVnd: null,
        reasonVi: `Từ ${dateVi} chuyển sang: ${next.rule.nameVi}`,
        reasonEn: `From ${date} replaced by: ${next.rule.nameEn}`,
      };
    }
  }
  return null;
}

/** Why a benefit ends on a date: the age limit reached, a group ended, the rule's period over. */
function endReason(match: RuleMatch, facts: EligibilityFacts, date: IsoDate): { vi: string; en: string } {
  const { maxAgeMonths } = match.rule.criteria;
  if (maxAgeMonths !== undefined && reachesAgeMonthsOn(facts.dateOfBirth, maxAgeMonths) === date) {
    const years = maxAgeMonths % 12 === 0 ? maxAgeMonths / 12 : undefined;
    return years !== undefined
      ? { vi: `đủ ${years} tuổi`, en: `turns ${years}` }
      : { vi: `đủ ${maxAgeMonths} tháng tuổi`, en: `reaches ${maxAgeMonths} months of age` };
  }
  const ended = facts.groups.find(
    (g) => match.groups.includes(g.group) && g.endDate !== null && addCalendarDays(g.endDate, 1) === date,
  );
  if (ended) {
    return {
      vi: `thôi thuộc nhóm ${ended.group} từ ${formatDateVi(date)}`,
      en: `no longer in group ${ended.group} from ${date}`,
    };
  }
  if (match.rule.validTo !== null && addCalendarDays(match.rule.validTo, 1) === date) {
    return { vi: 'chế độ hết hiệu lực', en: 'the rule is no longer in force' };
  }
  return { vi: 'không còn đáp ứng tiêu chí', en: 'the criteria are no longer met' };
}

/** dd/MM/yyyy. */
export function formatDateVi(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * The benefits a child qualifies for at a date. Every criterion of a rule must hold; a rule with
 * an exclusive group is kept only when it pays the most of the group's rules the child fits (the
 * others are listed in `supersedes`). Coefficient amounts are coefficient × base level at the
 * date, rounded to the đồng; fixed amounts as they are; shares and goods have no amount.
 */
export function eligibilityAt(
  facts: EligibilityFacts,
  at: IsoDate,
  catalogue: BenefitCatalogue,
): Eligibility[] {
  return resolveExclusive(matchRulesAt(facts, at, catalogue)).map(({ match, supersedes }) => {
    const explanation = explain(match, facts, at);
    const rule = match.rule;
    return {
      ruleCode: rule.code,
      kind: rule.kind,
      nameVi: rule.nameVi,
      nameEn: rule.nameEn,
      periodicity: rule.periodicity,
      budgetSource: rule.budgetSource,
      amountVnd: match.amountVnd,
      coefficient: match.coefficient,
      baseLevelVnd: match.baseLevelVnd,
      explanationVi: explanation.vi,
      explanationEn: explanation.en,
      legalRef: rule.legalRef,
      verified: rule.verified,
      needsDecision: rule.needsDecision,
      nextChange: nextChangeOf(match, facts, at, catalogue),
      supersedes,
      exclusiveGroup: rule.exclusiveGroup,
    };
  });
}
