import { z } from 'zod';
import type { Sex } from '../catalogues/child-attributes';
import type { Label } from '../catalogues/labels';
import { ChildListItem } from './child';
import { addCalendarDays, parseDateOfBirth } from './date-of-birth';
import { foldedWords } from './vietnamese-text';

/**
 * Duplicate detection between a child being registered or imported and a child already in the
 * registry. The score is a logistic combination of evidence weights (a light Fellegi–Sunter
 * model): each agreement adds to the log-odds of "same child", each disagreement subtracts.
 * Siblings share household, caregivers and village, and twins a date of birth too, so the given
 * name carries the decision: a different given name outweighs a shared household.
 */

/** What duplicate detection compares; any field may be missing. */
export type DuplicateSubject = {
  fullName: string;
  sex?: Sex | null;
  dateOfBirth?: string | null;
  personalId?: string | null;
  caregiverNames?: readonly string[] | null;
  householdHeadName?: string | null;
  village?: string | null;
};

export const DuplicateReason = z
  .enum([
    'personal_id_match',
    'personal_id_differs',
    'name_match',
    'name_similar',
    'name_differs',
    'date_of_birth_match',
    'date_of_birth_day_month_swapped',
    'date_of_birth_one_day_apart',
    'birth_year_match',
    'date_of_birth_differs',
    'sex_differs',
    'caregiver_match',
    'caregiver_differs',
    'household_head_match',
    'household_head_differs',
    'village_match',
  ])
  .meta({ id: 'DuplicateReason' });
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const duplicateReasonLabels: Record<DuplicateReason, Label> = {
  personal_id_match: { vi: 'Trùng số định danh cá nhân', en: 'Same personal identification number' },
  personal_id_differs: { vi: 'Khác số định danh cá nhân', en: 'Different personal identification number' },
  name_match: {
    vi: 'Trùng họ tên (không kể dấu, thứ tự)',
    en: 'Same name (ignoring diacritics and word order)',
  },
  name_similar: { vi: 'Họ tên gần giống', en: 'Similar name' },
  name_differs: { vi: 'Họ tên khác nhau', en: 'Different name' },
  date_of_birth_match: { vi: 'Trùng ngày sinh', en: 'Same date of birth' },
  date_of_birth_day_month_swapped: {
    vi: 'Ngày sinh đảo ngày và tháng',
    en: 'Date of birth with day and month swapped',
  },
  date_of_birth_one_day_apart: { vi: 'Ngày sinh lệch một ngày', en: 'Dates of birth one day apart' },
  birth_year_match: { vi: 'Trùng năm sinh', en: 'Same year of birth' },
  date_of_birth_differs: { vi: 'Ngày sinh khác nhau', en: 'Different date of birth' },
  sex_differs: { vi: 'Khác giới tính', en: 'Different sex' },
  caregiver_match: { vi: 'Trùng tên người chăm sóc', en: 'Same caregiver' },
  caregiver_differs: { vi: 'Khác người chăm sóc', en: 'Different caregivers' },
  household_head_match: { vi: 'Trùng tên chủ hộ', en: 'Same head of household' },
  household_head_differs: { vi: 'Khác chủ hộ', en: 'Different head of household' },
  village_match: { vi: 'Cùng thôn, tổ dân phố', en: 'Same village or residential group' },
};

/** Surnames shared by a large part of the population, and the middle names văn and thị. */
const COMMON_SURNAMES = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong'.split(' '),
);
const FUZZY_WORD_CREDIT = 0.4;
const COMMON_MIDDLE_NAMES = new Set(['van', 'thi']);

function tokenWeight(token: string): number {
  if (COMMON_MIDDLE_NAMES.has(token)) return 0.2;
  return COMMON_SURNAMES.has(token) ? 0.4 : 1;
}

/** Whether two words differ by at most one letter inserted, deleted or replaced. */
function isOneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const [x, y] = [a.slice(i), b.slice(i)];
  return x.slice(1) === y.slice(1) || x.slice(1) === y || x === y.slice(1);
}

/**
 * Similarity of two names from 0 to 1, ignoring diacritics, case and word order: a weighted Dice
 * coefficient over the words, where common surnames and "văn"/"thị" weigh less than given names
 * and a word one letter off ("An"/"Anh") counts for 0.4 of a match: enough to surface a typo as a
 * possible duplicate, not enough to call twins named Minh and Mạnh a likely one.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = foldedWords(a);
  const right = foldedWords(b);
  const total = [...left, ...right].reduce((sum, token) => sum + tokenWeight(token), 0);
  if (total === 0) return 0;
  const unmatched = [...right];
  let shared = 0;
  const fuzzy: string[] = [];
  for (const token of left) {
    const index = unmatched.indexOf(token);
    if (index >= 0) {
      shared += tokenWeight(token);
      unmatched.splice(index, 1);
    } else fuzzy.push(token);
  }
  for (const token of fuzzy) {
    const index = unmatched.findIndex((other) => isOneEditApart(token, other));
    if (index < 0) continue;
    shared += FUZZY_WORD_CREDIT * Math.min(tokenWeight(token), tokenWeight(unmatched[index]!));
    unmatched.splice(index, 1);
  }
  return (2 * shared) / total;
}

const VILLAGE_PREFIXES = new Set(['thon', 'xom', 'ban', 'ap', 'to', 'dan', 'pho', 'khu', 'tdp', 'so']);

function villageKey(village: string): string {
  const words = foldedWords(village);
  const start = words.findIndex((word) => !VILLAGE_PREFIXES.has(word));
  return start < 0 ? words.join(' ') : words.slice(start).join(' ');
}

type Evidence = { weight: number; reason: DuplicateReason };

function compareDatesOfBirth(a: string, b: string): Evidence | undefined {
  const [x, y] = [parseDateOfBirth(a), parseDateOfBirth(b)];
  if (!x || !y) return undefined;
  if (x.precision === 'day' && y.precision === 'day') {
    if (x.date === y.date) return { weight: 3, reason: 'date_of_birth_match' };
    if (x.year === y.year && x.day === y.month && x.month === y.day) {
      return { weight: 1.5, reason: 'date_of_birth_day_month_swapped' };
    }
    if (addCalendarDays(x.date, 1) === y.date || addCalendarDays(y.date, 1) === x.date) {
      return { weight: 1.5, reason: 'date_of_birth_one_day_apart' };
    }
    return { weight: x.year === y.year ? -1.5 : -3, reason: 'date_of_birth_differs' };
  }
  return x.year === y.year
    ? { weight: 1.5, reason: 'birth_year_match' }
    : { weight: -3, reason: 'date_of_birth_differs' };
}

const SAME_PERSON_NAME = 0.85;
const PRIOR_LOG_ODDS = -4;

function collectEvidence(candidate: DuplicateSubject, existing: DuplicateSubject): Evidence[] {
  const evidence: Evidence[] = [];
  const similarity = nameSimilarity(candidate.fullName, existing.fullName);
  if (similarity >= 0.999) evidence.push({ weight: 4, reason: 'name_match' });
  else if (similarity >= 0.75) evidence.push({ weight: 12 * (similarity - 0.75), reason: 'name_similar' });
  else evidence.push({ weight: Math.max(-6, 12 * (similarity - 0.75)), reason: 'name_differs' });

  if (candidate.dateOfBirth && existing.dateOfBirth) {
    const dates = compareDatesOfBirth(candidate.dateOfBirth, existing.dateOfBirth);
    if (dates) evidence.push(dates);
  }
  if (candidate.sex && existing.sex && candidate.sex !== existing.sex) {
    evidence.push({ weight: -3, reason: 'sex_differs' });
  }
  const [ours, theirs] = [candidate.caregiverNames ?? [], existing.caregiverNames ?? []];
  if (ours.length > 0 && theirs.length > 0) {
    const shared = ours.some((a) => theirs.some((b) => nameSimilarity(a, b) >= SAME_PERSON_NAME));
    evidence.push(
      shared ? { weight: 1.5, reason: 'caregiver_match' } : { weight: -1, reason: 'caregiver_differs' },
    );
  }
  if (candidate.householdHeadName && existing.householdHeadName) {
    const same = nameSimilarity(candidate.householdHeadName, existing.householdHeadName) >= SAME_PERSON_NAME;
    evidence.push(
      same
        ? { weight: 1.5, reason: 'household_head_match' }
        : { weight: -1, reason: 'household_head_differs' },
    );
  }
  if (
    candidate.village &&
    existing.village &&
    villageKey(candidate.village) === villageKey(existing.village)
  ) {
    evidence.push({ weight: 0.7, reason: 'village_match' });
  }
  if (candidate.personalId && existing.personalId && candidate.personalId !== existing.personalId) {
    evidence.push({ weight: -5, reason: 'personal_id_differs' });
  }
  return evidence;
}

/** The score of a pair and the reasons behind it, strongest first. */
export type DuplicateScore = { score: number; reasons: DuplicateReason[] };

/**
 * Scores how likely `candidate` is the same child as `existing`, from 0 to 1 (two decimals).
 * The same personal id is near-certain (0.99) whatever else differs; other evidence never
 * reaches it (capped at 0.98), so an id match always ranks first.
 */
export function scoreDuplicate(candidate: DuplicateSubject, existing: DuplicateSubject): DuplicateScore {
  const evidence = collectEvidence(candidate, existing).sort(
    (a, b) => Math.abs(b.weight) - Math.abs(a.weight),
  );
  const reasons = evidence.map((e) => e.reason);
  if (candidate.personalId && candidate.personalId === existing.personalId) {
    return { score: 0.99, reasons: ['personal_id_match', ...reasons] };
  }
  const logOdds = evidence.reduce((sum, e) => sum + e.weight, PRIOR_LOG_ODDS);
  const score = Math.min(0.98, Math.round(100 / (1 + Math.exp(-logOdds))) / 100);
  return { score, reasons };
}

/** How an officer should read a score: `likely` (≥ 0.8), `possible` (≥ 0.5), else `unlikely`. */
export const DuplicateLikelihood = z
  .enum(['likely', 'possible', 'unlikely'])
  .meta({ id: 'DuplicateLikelihood' });
export type DuplicateLikelihood = z.infer<typeof DuplicateLikelihood>;

export const DUPLICATE_LIKELY_SCORE = 0.8;
export const DUPLICATE_POSSIBLE_SCORE = 0.5;

export function classifyDuplicate(score: number): DuplicateLikelihood {
  if (score >= DUPLICATE_LIKELY_SCORE) return 'likely';
  return score >= DUPLICATE_POSSIBLE_SCORE ? 'possible' : 'unlikely';
}

/** A child of the registry that may be the one being registered, shown before saving. */
export const DuplicateCandidate = z
  .object({
    child: ChildListItem,
    score: z.number().min(0).max(1),
    likelihood: DuplicateLikelihood,
    reasons: z.array(DuplicateReason),
  })
  .meta({ id: 'DuplicateCandidate' });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;
