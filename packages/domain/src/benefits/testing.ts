import type { EligibilityFacts } from './facts';

/** Facts of a child in Phường Bỉm Sơn (Thanh Hóa) with nothing recorded but what is given. */
export function factsOf(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    dateOfBirth: '2021-03-15',
    provinceCode: '38',
    unitCode: '14812',
    groups: [],
    povertyStatus: null,
    povertyYear: null,
    disabilityLevel: null,
    seriousIllness: null,
    enrolmentStatus: null,
    ...overrides,
  };
}

/** Membership of a group from a date, open-ended unless `endDate` is given. */
export function inGroup(
  group: EligibilityFacts['groups'][number]['group'],
  startDate = '2021-03-15',
  endDate: string | null = null,
): EligibilityFacts['groups'][number] {
  return { group, subgroup: null, startDate, endDate };
}
