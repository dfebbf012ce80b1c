import type { Child } from '../registry/child';
import { referenceBirthDate } from '../registry/date-of-birth';
import type { EligibilityFacts } from './facts';

/**
 * The engine's facts from a registry child: a year-only birth counts from its reference date
 * (1 July), every recorded group with its dates (the engine reads which are active at a date),
 * the household's poverty status, the assessed disability level, serious illness, school status.
 * `provinceCode` is the child's province (2 digits), which the commune code does not contain.
 */
export function eligibilityFactsOf(child: Child, provinceCode: string): EligibilityFacts {
  return {
    dateOfBirth: referenceBirthDate(child.dateOfBirth),
    provinceCode,
    unitCode: child.unitCode,
    groups: child.specialCircumstances.map((circumstance) => ({
      group: circumstance.group,
      subgroup: circumstance.subgroup,
      startDate: circumstance.startDate,
      endDate: circumstance.endDate,
    })),
    povertyStatus: child.household?.povertyStatus ?? null,
    povertyYear: child.household?.povertyYear ?? null,
    disabilityLevel: child.health?.disability?.level ?? null,
    seriousIllness: child.health?.seriousIllness ?? null,
    enrolmentStatus: child.education?.enrolmentStatus ?? null,
  };
}
