import type { Sex } from '../catalogues/child-attributes';
import { ageAt, parseDateOfBirth } from './date-of-birth';
import { checkPersonalId } from './personal-id';

/** Age up to which nutrition status is followed (under-5 indicators of Thông tư 13/2021). */
export const NUTRITION_AGE_LIMIT = 5;

/** What the cross-field rules look at; a request, a merged update or a stored record fits. */
export type ChildRecordFacts = {
  sex?: Sex | null;
  dateOfBirth?: string | null;
  personalId?: string | null;
  birthRegistration?: { registered: boolean; date?: string | null } | null;
  health?: { nutritionStatus?: string | null; nutritionAssessedOn?: string | null } | null;
  specialCircumstances?: ReadonlyArray<{ group: string; startDate: string; endDate?: string | null }> | null;
};

/** A broken rule: where (a path into the record) and what (a key of `validationMessages`). */
export type RecordIssue = { path: Array<string | number>; message: string };

/** The first day on which the child certainly existed: the birth date, or 1 January of the year. */
function earliestLifeDay(dateOfBirth: string | null | undefined): string | undefined {
  const parsed = dateOfBirth ? parseDateOfBirth(dateOfBirth) : undefined;
  if (!parsed) return undefined;
  return parsed.precision === 'day' ? parsed.date : `${parsed.year}-01-01`;
}

/** Whether two periods share a day; an open end (`null`) runs on for ever. */
export function periodsOverlap(
  a: { startDate: string; endDate?: string | null },
  b: { startDate: string; endDate?: string | null },
): boolean {
  return a.startDate <= (b.endDate ?? '9999-12-31') && b.startDate <= (a.endDate ?? '9999-12-31');
}

/**
 * The rules relating parts of a child record to each other, checked on create, on update (over
 * the merged record, by the server) and on import: the personal id agrees with sex and year of
 * birth; no event precedes birth; the same group is not recorded twice over the same period;
 * nutrition status concerns children under 5. `today` dates a nutrition status without its date.
 */
export function checkChildRecord(record: ChildRecordFacts, today: string): RecordIssue[] {
  const issues: RecordIssue[] = [];
  if (record.personalId && /^\d{12}$/.test(record.personalId)) {
    const rules = checkPersonalId(record.personalId, { sex: record.sex, dateOfBirth: record.dateOfBirth });
    for (const rule of rules) {
      if (rule !== 'personal_id_format' && rule !== 'personal_id_province') {
        issues.push({ path: ['personalId'], message: rule });
      }
    }
  }
  const born = earliestLifeDay(record.dateOfBirth);
  const registration = record.birthRegistration;
  if (born && registration?.date && registration.date < born) {
    issues.push({ path: ['birthRegistration', 'date'], message: 'date_before_birth' });
  }
  const health = record.health;
  if (born && health?.nutritionAssessedOn && health.nutritionAssessedOn < born) {
    issues.push({ path: ['health', 'nutritionAssessedOn'], message: 'date_before_birth' });
  } else if (born && health?.nutritionStatus && record.dateOfBirth) {
    const age = ageAt(record.dateOfBirth, health.nutritionAssessedOn ?? today);
    if (age >= NUTRITION_AGE_LIMIT)
      issues.push({ path: ['health', 'nutritionStatus'], message: 'nutrition_status_age' });
  }
  const entries = record.specialCircumstances ?? [];
  entries.forEach((entry, index) => {
    if (born && entry.startDate < born) {
      issues.push({ path: ['specialCircumstances', index, 'startDate'], message: 'date_before_birth' });
    }
    const clash = entries.findIndex(
      (other, j) => j < index && other.group === entry.group && periodsOverlap(entry, other),
    );
    if (clash >= 0) {
      issues.push({
        path: ['specialCircumstances', index, 'startDate'],
        message: 'special_circumstance_overlap',
      });
    }
  });
  return issues;
}
