import { z } from 'zod';
import type { Label } from './labels';

/**
 * Closed lists describing a child, each a zod enum with its Vietnamese and English labels. The
 * codes are the API values; the labels are what officers read and what export files contain.
 */

export const Sex = z.enum(['male', 'female'], { message: 'sex' }).meta({ id: 'Sex' });
export type Sex = z.infer<typeof Sex>;
export const sexLabels: Record<Sex, Label> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};

/** Types of disability (Luật Người khuyết tật 51/2010/QH12 Art. 3(1)). */
export const DisabilityType = z
  .enum(['mobility', 'hearing_speech', 'visual', 'mental', 'intellectual', 'other'])
  .meta({ id: 'DisabilityType' });
export type DisabilityType = z.infer<typeof DisabilityType>;
export const disabilityTypeLabels: Record<DisabilityType, Label> = {
  mobility: { vi: 'Khuyết tật vận động', en: 'Physical (mobility) disability' },
  hearing_speech: { vi: 'Khuyết tật nghe, nói', en: 'Hearing and speech disability' },
  visual: { vi: 'Khuyết tật nhìn', en: 'Visual disability' },
  mental: { vi: 'Khuyết tật thần kinh, tâm thần', en: 'Psychosocial (neurological, mental) disability' },
  intellectual: { vi: 'Khuyết tật trí tuệ', en: 'Intellectual disability' },
  other: { vi: 'Khuyết tật khác', en: 'Other disability' },
};

/** Levels of disability (Luật Người khuyết tật Art. 3(2)), most severe first. */
export const DisabilityLevel = z
  .enum(['especially_severe', 'severe', 'mild'])
  .meta({ id: 'DisabilityLevel' });
export type DisabilityLevel = z.infer<typeof DisabilityLevel>;
export const disabilityLevelLabels: Record<DisabilityLevel, Label> = {
  especially_severe: { vi: 'Khuyết tật đặc biệt nặng', en: 'Especially severe disability' },
  severe: { vi: 'Khuyết tật nặng', en: 'Severe disability' },
  mild: { vi: 'Khuyết tật nhẹ', en: 'Mild disability' },
};

/** Poverty status of the household in the yearly review (hộ nghèo, hộ cận nghèo). */
export const PovertyStatus = z.enum(['poor', 'near_poor', 'none']).meta({ id: 'PovertyStatus' });
export type PovertyStatus = z.infer<typeof PovertyStatus>;
export const povertyStatusLabels: Record<PovertyStatus, Label> = {
  poor: { vi: 'Hộ nghèo', en: 'Poor household' },
  near_poor: { vi: 'Hộ cận nghèo', en: 'Near-poor household' },
  none: { vi: 'Không thuộc hộ nghèo, cận nghèo', en: 'Neither poor nor near-poor' },
};

/** Nutrition status of a child under 5 (weight-for-age, height-for-age, weight-for-height). */
export const NutritionStatus = z
  .enum(['normal', 'underweight', 'stunted', 'wasted', 'overweight'])
  .meta({ id: 'NutritionStatus' });
export type NutritionStatus = z.infer<typeof NutritionStatus>;
export const nutritionStatusLabels: Record<NutritionStatus, Label> = {
  normal: { vi: 'Bình thường', en: 'Normal' },
  underweight: { vi: 'Suy dinh dưỡng thể nhẹ cân', en: 'Underweight' },
  stunted: { vi: 'Suy dinh dưỡng thể thấp còi', en: 'Stunted' },
  wasted: { vi: 'Suy dinh dưỡng thể gầy còm', en: 'Wasted' },
  overweight: { vi: 'Thừa cân, béo phì', en: 'Overweight or obese' },
};

/** Schooling situation of the child. */
export const EnrolmentStatus = z
  .enum(['not_yet_school_age', 'preschool', 'enrolled', 'dropped_out', 'never_enrolled', 'graduated'])
  .meta({ id: 'EnrolmentStatus' });
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;
export const enrolmentStatusLabels: Record<EnrolmentStatus, Label> = {
  not_yet_school_age: { vi: 'Chưa đến tuổi đi học', en: 'Not yet of school age' },
  preschool: { vi: 'Đang học mầm non', en: 'In preschool' },
  enrolled: { vi: 'Đang đi học', en: 'Enrolled in school' },
  dropped_out: { vi: 'Đã bỏ học', en: 'Dropped out' },
  never_enrolled: { vi: 'Chưa từng đi học', en: 'Never enrolled' },
  graduated: { vi: 'Đã học xong', en: 'Completed schooling' },
};

/**
 * Status of a record: only `active` children are in the commune's registry; the others stay in
 * history (a child is a child until 16, Luật Trẻ em Art. 1).
 */
export const ChildStatus = z
  .enum(['active', 'moved_away', 'turned_16', 'deceased'])
  .meta({ id: 'ChildStatus' });
export type ChildStatus = z.infer<typeof ChildStatus>;
export const childStatusLabels: Record<ChildStatus, Label> = {
  active: { vi: 'Đang theo dõi', en: 'Active' },
  moved_away: { vi: 'Đã chuyển đi', en: 'Moved away' },
  turned_16: { vi: 'Đã đủ 16 tuổi', en: 'Turned 16' },
  deceased: { vi: 'Đã mất', en: 'Deceased' },
};

/** Relationship of a caregiver to the child. */
export const CaregiverRelationship = z
  .enum(['mother', 'father', 'grandparent', 'sibling', 'relative', 'guardian', 'foster', 'other'])
  .meta({ id: 'CaregiverRelationship' });
export type CaregiverRelationship = z.infer<typeof CaregiverRelationship>;
export const caregiverRelationshipLabels: Record<CaregiverRelationship, Label> = {
  mother: { vi: 'Mẹ', en: 'Mother' },
  father: { vi: 'Cha', en: 'Father' },
  grandparent: { vi: 'Ông, bà', en: 'Grandparent' },
  sibling: { vi: 'Anh, chị', en: 'Sibling' },
  relative: { vi: 'Người thân thích khác', en: 'Other relative' },
  guardian: { vi: 'Người giám hộ', en: 'Guardian' },
  foster: { vi: 'Người nhận chăm sóc thay thế', en: 'Alternative (foster) carer' },
  other: { vi: 'Khác', en: 'Other' },
};

/**
 * Signs that a child is at risk of falling into special circumstances (trẻ em có nguy cơ rơi
 * vào hoàn cảnh đặc biệt), which the commune follows under prevention (Luật Trẻ em Art. 48).
 * The list is the project's working list, not a legal enumeration.
 */
export const AtRiskFlag = z
  .enum([
    'violence_risk',
    'neglect_risk',
    'sexual_abuse_risk',
    'trafficking_risk',
    'dropout_risk',
    'child_labour_risk',
    'drowning_risk',
    'online_risk',
    'migration_left_behind',
    'parents_separated',
  ])
  .meta({ id: 'AtRiskFlag' });
export type AtRiskFlag = z.infer<typeof AtRiskFlag>;
export const atRiskFlagLabels: Record<AtRiskFlag, Label> = {
  violence_risk: { vi: 'Có nguy cơ bị bạo lực', en: 'At risk of violence' },
  neglect_risk: { vi: 'Có nguy cơ bị bỏ mặc, sao nhãng', en: 'At risk of neglect' },
  sexual_abuse_risk: { vi: 'Có nguy cơ bị xâm hại tình dục', en: 'At risk of sexual abuse' },
  trafficking_risk: { vi: 'Có nguy cơ bị mua bán', en: 'At risk of trafficking' },
  dropout_risk: { vi: 'Có nguy cơ bỏ học', en: 'At risk of dropping out of school' },
  child_labour_risk: { vi: 'Có nguy cơ lao động trẻ em', en: 'At risk of child labour' },
  drowning_risk: { vi: 'Có nguy cơ đuối nước', en: 'At risk of drowning' },
  online_risk: { vi: 'Có nguy cơ bị xâm hại trên môi trường mạng', en: 'At risk of online abuse' },
  migration_left_behind: {
    vi: 'Cha mẹ đi làm ăn xa, trẻ ở nhà',
    en: 'Left behind by parents working away from home',
  },
  parents_separated: { vi: 'Cha mẹ ly hôn, ly thân', en: 'Parents divorced or separated' },
};
