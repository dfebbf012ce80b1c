import type {
  AtRiskFlag,
  Sex,
  SpecialCircumstanceGroupCode,
  SpecialCircumstanceInput,
} from '@tuoitho/domain';
import { startDateAfter } from './child-facts';
import type { GeneratedHousehold } from './households';
import type { Random, Weighted } from './random';

/**
 * Groups of special circumstances (Luật Trẻ em Art. 10) and at-risk flags of synthetic children.
 * Calibration: Thanh Hóa counts about 1.3 % of its children in special circumstances and about
 * 10 % at risk (admin-units/SOURCES.md). Children with disabilities are by far the largest group
 * in the provincial reports, then orphans and children without anyone to rely on; the groups
 * caused by violence, abuse or the law are rare. Rates below are per child, for the eligible ages.
 */

/** Share of children with a disability (all of them are in group d). */
export const DISABILITY_RATE = 0.0068;
/** Share of children with a severe or long-term illness, in ordinary and in poor/near-poor households. */
export const ILLNESS_RATE = { ordinary: 0.004, poor: 0.02 } as const;
/** Share of 11–15 year-olds who have dropped out of school. */
export const DROPOUT_RATE = 0.01;

type RareGroup = {
  group: SpecialCircumstanceGroupCode;
  minAge: number;
  rate: (sex: Sex) => number;
  subgroups?: Weighted<string>;
  source: string;
};

const RARE_GROUPS: readonly RareGroup[] = [
  {
    group: 'e',
    minAge: 12,
    rate: (sex) => (sex === 'male' ? 0.0022 : 0.0004),
    source: 'Thông báo của Công an phường',
  },
  { group: 'g', minAge: 13, rate: () => 0.0003, source: 'Thông báo của Công an phường' },
  { group: 'i', minAge: 1, rate: () => 0.0004, source: 'Biên bản xác minh của UBND, hồ sơ trường hợp' },
  {
    group: 'k',
    minAge: 10,
    rate: () => 0.0003,
    subgroups: [['k1', 1]],
    source: 'Biên bản xác minh của UBND',
  },
  {
    group: 'l',
    minAge: 4,
    rate: (sex) => (sex === 'female' ? 0.0008 : 0.00015),
    subgroups: [
      ['l4', 55],
      ['l3', 25],
      ['l1', 10],
      ['l2', 5],
      ['l5', 5],
    ],
    source: 'Thông báo của Công an, hồ sơ trường hợp',
  },
  { group: 'm', minAge: 5, rate: () => 0.00005, source: 'Thông báo của Công an tỉnh' },
  { group: 'đ', minAge: 0, rate: () => 0.0001, source: 'Xác nhận của Trung tâm Y tế' },
  { group: 'o', minAge: 0, rate: () => 0.00005, source: 'Biên bản xác minh của UBND' },
];

const SHARED_GROUP_SOURCES: Partial<Record<SpecialCircumstanceGroupCode, string>> = {
  a: 'Giấy chứng tử của cha và mẹ; biên bản xác minh của UBND',
  b: 'Biên bản về việc trẻ em bị bỏ rơi; quyết định giao chăm sóc thay thế',
  c: 'Biên bản xác minh của UBND',
};

/**
 * At-risk flags drawn per child, with the youngest age they apply from. Household situations
 * (left behind, parents separated) and the school's dropout warning add their own flags.
 */
const CHILD_FLAGS: ReadonlyArray<{ flag: AtRiskFlag; minAge: number; rate: number }> = [
  { flag: 'drowning_risk', minAge: 3, rate: 0.013 },
  { flag: 'neglect_risk', minAge: 0, rate: 0.008 },
  { flag: 'violence_risk', minAge: 2, rate: 0.006 },
  { flag: 'online_risk', minAge: 9, rate: 0.007 },
  { flag: 'child_labour_risk', minAge: 10, rate: 0.006 },
  { flag: 'sexual_abuse_risk', minAge: 4, rate: 0.0025 },
  { flag: 'trafficking_risk', minAge: 12, rate: 0.002 },
];
/** Share of children of separated parents whom the commune follows as at risk. */
const SEPARATED_FLAG_RATE = 0.6;

export type CircumstanceFacts = {
  age: number;
  sex: Sex;
  dateOfBirth: string;
  referenceDate: string;
  household: GeneratedHousehold;
  hasDisability: boolean;
  isSeriouslyIll: boolean;
  isDroppedOut: boolean;
  isAtRiskOfDropout: boolean;
};

/** The groups of special circumstances of a child, each with a start date and a source. */
export function generateSpecialCircumstances(
  random: Random,
  facts: CircumstanceFacts,
): SpecialCircumstanceInput[] {
  const entries: SpecialCircumstanceInput[] = [];
  const dates = { dateOfBirth: facts.dateOfBirth, referenceDate: facts.referenceDate };
  const add = (
    group: SpecialCircumstanceGroupCode,
    subgroup: string | null,
    source: string,
    event?: string,
  ) =>
    entries.push({
      group,
      subgroup,
      startDate: startDateAfter(random, event ? { ...dates, event } : dates),
      endDate: null,
      source,
      note: null,
    });
  const shared = facts.household.sharedGroup;
  if (shared) add(shared.group, shared.subgroup, SHARED_GROUP_SOURCES[shared.group] ?? '', shared.since);
  if (facts.hasDisability) add('d', null, 'Giấy xác nhận khuyết tật do UBND cấp');
  const poverty = facts.household.household.povertyStatus;
  if (facts.isSeriouslyIll && (poverty === 'poor' || poverty === 'near_poor')) {
    add('n', null, 'Giấy ra viện, hồ sơ bệnh án; danh sách hộ nghèo, cận nghèo');
  }
  if (facts.isDroppedOut && facts.age >= 13 && random.chance(0.5)) {
    add('h', null, 'Xác nhận của nhà trường và biên bản xác minh của UBND');
  }
  for (const rare of RARE_GROUPS) {
    if (facts.age >= rare.minAge && random.chance(rare.rate(facts.sex))) {
      add(rare.group, rare.subgroups ? random.weighted(rare.subgroups) : null, rare.source);
    }
  }
  return entries;
}

/** The at-risk flags of a child (Luật Trẻ em Art. 48: prevention), each at most once. */
export function generateAtRiskFlags(random: Random, facts: CircumstanceFacts): AtRiskFlag[] {
  const flags = new Set<AtRiskFlag>();
  if (facts.household.isLeftBehind) flags.add('migration_left_behind');
  if (facts.household.isParentsSeparated && random.chance(SEPARATED_FLAG_RATE))
    flags.add('parents_separated');
  if (facts.isAtRiskOfDropout) flags.add('dropout_risk');
  for (const { flag, minAge, rate } of CHILD_FLAGS) {
    if (facts.age >= minAge && random.chance(rate)) flags.add(flag);
  }
  return [...flags];
}
