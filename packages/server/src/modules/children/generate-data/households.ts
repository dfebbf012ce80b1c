import type { Caregiver, Household, PovertyStatus, SpecialCircumstanceGroupCode } from '@tuoitho/domain';
import {
  FATHER_MIDDLE_NAMES,
  GRANDFATHER_GIVEN_NAMES,
  GRANDMOTHER_GIVEN_NAMES,
  KINH_FAMILY_NAMES,
  MAN_GIVEN_NAMES,
  MOTHER_MIDDLE_NAMES,
  MUONG_FAMILY_NAMES,
  THAI_FAMILY_NAMES,
  WOMAN_GIVEN_NAMES,
} from './names';
import { addressFor, type GenerationUnit } from './places';
import { type Random, type Weighted, weighted } from './random';

/**
 * Households of synthetic children. A household is generated first, then its 1–4 children, so
 * that siblings share the family name, parents, village, poverty status and family situation.
 */

/** The family situation, which decides the caregivers and household-wide groups and flags. */
export type HouseholdKind =
  | 'two_parents'
  /** Parents work away from home; grandparents care for the children (trẻ em bị bỏ lại). */
  | 'left_behind'
  /** Parents divorced or separated; the children live with one of them. */
  | 'separated'
  /** One parent died; the other cares for the children. */
  | 'widowed'
  /** Both parents died: group a (Luật Trẻ em Art. 10(1)(a)). */
  | 'orphaned'
  /** One parent died and the other cannot care (prison, facility, missing): group c. */
  | 'no_one_to_rely_on'
  /** An abandoned child in alternative care: group b. */
  | 'abandoned';

/**
 * Shares of households by situation, calibrated so that, with the child-level groups of
 * `circumstances.ts`, about 1.3 % of children are in special circumstances and about 10 % at risk
 * (Thanh Hóa: 13,056 and 108,515 of about 1 million children, see admin-units/SOURCES.md).
 */
const HOUSEHOLD_KINDS = weighted(
  'two_parents 88.6, left_behind 3.3, separated 5, widowed 2.8, orphaned 0.15, no_one_to_rely_on 0.1, abandoned 0.05',
) as Weighted<HouseholdKind>;

/** Number of children under 16 in a household. */
const CHILDREN_PER_HOUSEHOLD: Weighted<number> = [
  [1, 38],
  [2, 44],
  [3, 14],
  [4, 4],
];

export type EthnicProfile = Weighted<string>;

/** Urban wards of Thanh Hóa's lowlands: almost all Kinh (codes of the GSO list: 01 Kinh, 06 Mường, 03 Thái). */
export const WARD_ETHNIC_PROFILE: EthnicProfile = weighted('01 96.4, 06 2, 03 1, 24 0.3, 09 0.3');

/**
 * Commune profiles, drawn per commune (lowland 80 %, Mường 11 %, Thái 9 %) so that a whole
 * province, wards included, reaches about Thanh Hóa's census mix (Kinh ≈ 84 %, Mường ≈ 9 %,
 * Thái ≈ 6 %, others ≈ 1 %: Thổ 24, Mông 08, Khơ-mú 29, Dao 09).
 */
const COMMUNE_ETHNIC_PROFILES: Weighted<{ profile: EthnicProfile; isUpland: boolean }> = [
  [{ profile: weighted('01 97, 06 2, 03 1'), isUpland: false }, 80],
  [{ profile: weighted('06 68, 01 26, 03 5, 24 1'), isUpland: true }, 11],
  [{ profile: weighted('03 64, 01 18, 06 10, 08 4, 29 2, 09 2'), isUpland: true }, 9],
];

/** The ethnic mix of a unit: wards are lowland and Kinh; communes draw a profile. */
export function ethnicProfileFor(
  unit: GenerationUnit,
  random: Random,
): { profile: EthnicProfile; isUpland: boolean } {
  if (unit.type === 'phuong') return { profile: WARD_ETHNIC_PROFILE, isUpland: false };
  return random.weighted(COMMUNE_ETHNIC_PROFILES);
}

function familyNamesFor(ethnicity: string | null): Weighted<string> {
  if (ethnicity === '06') return MUONG_FAMILY_NAMES;
  if (ethnicity === '03') return THAI_FAMILY_NAMES;
  return KINH_FAMILY_NAMES;
}

/** A mobile number as people write it: 09 and eight digits. */
export function mobilePhone(random: Random): string {
  return `09${random.digits(8)}`;
}

export type GeneratedHousehold = {
  kind: HouseholdKind;
  ethnicity: string | null;
  familyNames: Weighted<string>;
  /** The children's family name (usually the father's). */
  familyName: string;
  village: string;
  address: string | null;
  /** Short name of the former unit (before 2025) where the family lives, for schools and registration. */
  areaName: string;
  formerUnitName: string | null;
  childCount: number;
  household: Household;
  caregivers: Caregiver[];
  /** A group every child of the household is in (a, b or c), with its subgroup and the event date. */
  sharedGroup: { group: SpecialCircumstanceGroupCode; subgroup: string | null; since: string } | null;
  /** Whether the household's situation flags its children (left behind, parents separated). */
  isLeftBehind: boolean;
  isParentsSeparated: boolean;
};

type Context = {
  unit: GenerationUnit;
  villages: readonly string[];
  ethnicProfile: EthnicProfile;
  referenceYear: number;
  /** A date `days` days before the reference date. */
  daysAgo(days: number): string;
};

function personName(random: Random, family: string, middles: Weighted<string>, givens: readonly string[]) {
  return `${family} ${random.weighted(middles)} ${random.pick(givens)}`;
}

/** Poverty of ordinary households (≈ 3 % poor, 4 % near-poor) and of households that lost a parent. */
const POVERTY = weighted('poor 2.6, near_poor 3.8, none 93.6') as Weighted<PovertyStatus>;
// An assumption, not a statistic: losing a parent makes a household far more often poor.
const POVERTY_AFTER_LOSS = weighted('poor 18, near_poor 15, none 67') as Weighted<PovertyStatus>;
/** Subgroups of group c (Nghị định 56/2017 Art. 5), most frequent first. */
const NO_ONE_TO_RELY_ON_SUBGROUPS = weighted('c2 45, c3 35, c1 15, c4 5');
/** Who cares for children whose parents died or cannot care (a3, c: relatives; a4: foster family). */
const ORPHAN_CARERS = weighted('grandparent 80, relative 14, foster 6') as Weighted<
  'grandparent' | 'relative' | 'foster'
>;

function povertyOf(random: Random, kind: HouseholdKind): PovertyStatus {
  const isAfterLoss = kind === 'orphaned' || kind === 'no_one_to_rely_on' || kind === 'widowed';
  return random.weighted(isAfterLoss ? POVERTY_AFTER_LOSS : POVERTY);
}

/** Generates one household with its caregivers, before its children. */
export function generateHousehold(random: Random, ctx: Context): GeneratedHousehold {
  const kind = random.weighted(HOUSEHOLD_KINDS);
  const ethnicity = random.chance(0.01) ? null : random.weighted(ctx.ethnicProfile);
  const familyNames = familyNamesFor(ethnicity);
  const fatherFamily = random.weighted(familyNames);
  const father = {
    fullName: personName(random, fatherFamily, FATHER_MIDDLE_NAMES, MAN_GIVEN_NAMES),
    phone: random.chance(0.75) ? mobilePhone(random) : null,
  };
  const motherFamily = random.weighted(familyNames);
  const mother = {
    fullName: personName(random, motherFamily, MOTHER_MIDDLE_NAMES, WOMAN_GIVEN_NAMES),
    phone: random.chance(0.85) ? mobilePhone(random) : null,
  };
  const grandfather = {
    fullName: `${fatherFamily} Văn ${random.pick(GRANDFATHER_GIVEN_NAMES)}`,
    phone: random.chance(0.5) ? mobilePhone(random) : null,
  };
  const grandmother = {
    fullName: `${random.weighted(familyNames)} Thị ${random.pick(GRANDMOTHER_GIVEN_NAMES)}`,
    phone: random.chance(0.4) ? mobilePhone(random) : null,
  };
  const formerUnitName = ctx.unit.formerUnitNames?.length ? random.pick(ctx.unit.formerUnitNames) : null;
  const areaName = formerUnitName?.replace(/^(Phường|Xã|Thị trấn)\s+/u, '') ?? ctx.unit.name;
  const childCount = kind === 'abandoned' ? 1 : random.weighted(CHILDREN_PER_HOUSEHOLD);
  const livesWithGrandparents = random.chance(0.25);

  let familyName = fatherFamily;
  let caregivers: Caregiver[];
  let headName: string;
  let adults: number;
  let sharedGroup: GeneratedHousehold['sharedGroup'] = null;
  const eventDate = ctx.daysAgo(random.int(60, 3000));
  switch (kind) {
    case 'two_parents': {
      caregivers = [
        { ...father, relationship: 'father', isGuardian: false },
        { ...mother, relationship: 'mother', isGuardian: false },
      ];
      headName =
        livesWithGrandparents && random.chance(0.4)
          ? grandfather.fullName
          : random.chance(0.9)
            ? father.fullName
            : mother.fullName;
      adults = 2 + (livesWithGrandparents ? random.int(1, 2) : 0);
      break;
    }
    case 'left_behind': {
      caregivers = [
        { ...grandmother, relationship: 'grandparent', isGuardian: false },
        { ...grandfather, relationship: 'grandparent', isGuardian: false },
        { ...father, phone: mobilePhone(random), relationship: 'father', isGuardian: false },
        { ...mother, phone: mobilePhone(random), relationship: 'mother', isGuardian: false },
      ];
      headName = grandfather.fullName;
      adults = 2;
      break;
    }
    case 'separated': {
      const withMother = random.chance(0.8);
      // A mother raising children alone sometimes gives them her own family name.
      if (withMother && random.chance(0.1)) familyName = motherFamily;
      const parent = withMother
        ? { ...mother, relationship: 'mother' as const }
        : { ...father, relationship: 'father' as const };
      const other = withMother
        ? { ...father, relationship: 'father' as const }
        : { ...mother, relationship: 'mother' as const };
      caregivers = [{ ...parent, isGuardian: false }];
      if (familyName === fatherFamily && random.chance(0.5)) caregivers.push({ ...other, isGuardian: false });
      headName = parent.fullName;
      adults = 1 + (livesWithGrandparents ? random.int(1, 2) : 0);
      break;
    }
    case 'widowed': {
      const parent = random.chance(0.6)
        ? { ...mother, relationship: 'mother' as const }
        : { ...father, relationship: 'father' as const };
      caregivers = [{ ...parent, isGuardian: false }];
      headName = parent.fullName;
      adults = 1 + (livesWithGrandparents ? random.int(1, 2) : 0);
      break;
    }
    case 'orphaned':
    case 'no_one_to_rely_on': {
      // Children who lost their parents live with grandparents, other relatives, or a foster family.
      const carer = random.weighted(ORPHAN_CARERS);
      const guardian =
        carer === 'grandparent'
          ? { ...grandmother, phone: grandmother.phone ?? mobilePhone(random), relationship: carer }
          : {
              fullName:
                carer === 'relative'
                  ? personName(random, fatherFamily, FATHER_MIDDLE_NAMES, MAN_GIVEN_NAMES)
                  : personName(random, random.weighted(familyNames), MOTHER_MIDDLE_NAMES, WOMAN_GIVEN_NAMES),
              phone: mobilePhone(random),
              relationship: carer,
            };
      caregivers = [{ ...guardian, isGuardian: true }];
      if (carer === 'grandparent' && random.chance(0.5)) {
        caregivers.push({ ...grandfather, relationship: 'grandparent', isGuardian: false });
      }
      headName = caregivers[1]?.fullName ?? guardian.fullName;
      adults = caregivers.length + (carer === 'grandparent' ? 0 : 1);
      sharedGroup =
        kind === 'orphaned'
          ? { group: 'a', subgroup: carer === 'foster' ? 'a4' : 'a3', since: eventDate }
          : { group: 'c', subgroup: random.weighted(NO_ONE_TO_RELY_ON_SUBGROUPS), since: eventDate };
      break;
    }
    case 'abandoned': {
      const fosterMother = personName(
        random,
        random.weighted(familyNames),
        MOTHER_MIDDLE_NAMES,
        WOMAN_GIVEN_NAMES,
      );
      familyName = random.weighted(familyNames);
      caregivers = [
        { fullName: fosterMother, phone: mobilePhone(random), relationship: 'foster', isGuardian: true },
      ];
      headName = fosterMother;
      adults = random.int(1, 2);
      sharedGroup = { group: 'b', subgroup: 'b2', since: eventDate };
      break;
    }
  }

  const povertyStatus = povertyOf(random, kind);
  const headPhone = caregivers.find((c) => c.fullName === headName)?.phone;
  const olderSiblings = random.chance(0.2) ? 1 : 0;
  return {
    kind,
    ethnicity,
    familyNames,
    familyName,
    village: random.pick(ctx.villages),
    address: addressFor(ctx.unit, random),
    areaName,
    formerUnitName,
    childCount,
    household: {
      headName,
      membersCount: Math.min(8, Math.max(2, adults + childCount + olderSiblings)),
      phone: headPhone ?? caregivers.find((c) => c.phone)?.phone ?? mobilePhone(random),
      povertyStatus,
      povertyYear: povertyStatus === 'none' ? null : ctx.referenceYear,
    },
    caregivers,
    sharedGroup,
    isLeftBehind: kind === 'left_behind',
    isParentsSeparated: kind === 'separated',
  };
}
