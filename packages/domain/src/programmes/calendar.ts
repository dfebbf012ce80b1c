import { z } from 'zod';
import type { Label } from '../catalogues/labels';

/** Seasons of the drowning view, by calendar quarter as Vietnamese reports name them. */
export const Season = z.enum(['spring', 'summer', 'autumn', 'winter']).meta({ id: 'Season' });
export type Season = z.infer<typeof Season>;
export const seasonLabels: Record<Season, Label> = {
  spring: { vi: 'Xuân (tháng 1–3)', en: 'Spring (Jan–Mar)' },
  summer: { vi: 'Hè (tháng 4–6)', en: 'Summer (Apr–Jun)' },
  autumn: { vi: 'Thu (tháng 7–9)', en: 'Autumn (Jul–Sep)' },
  winter: { vi: 'Đông (tháng 10–12)', en: 'Winter (Oct–Dec)' },
};

/** The season of a month 1–12. */
export function seasonOfMonth(month: number): Season {
  if (month <= 3) return 'spring';
  if (month <= 6) return 'summer';
  if (month <= 9) return 'autumn';
  return 'winter';
}

/** True in the school summer holidays (June to August), when most drownings happen. */
export function isSummerHoliday(month: number): boolean {
  return month >= 6 && month <= 8;
}

/** Age groups of the incident and drowning views. */
export const IncidentAgeGroup = z.enum(['0-5', '6-10', '11-15', '16-17']).meta({ id: 'IncidentAgeGroup' });
export type IncidentAgeGroup = z.infer<typeof IncidentAgeGroup>;
export const incidentAgeGroupLabels: Record<IncidentAgeGroup, Label> = {
  '0-5': { vi: 'Dưới 6 tuổi', en: 'Under 6' },
  '6-10': { vi: '6–10 tuổi', en: '6–10' },
  '11-15': { vi: '11–15 tuổi', en: '11–15' },
  '16-17': { vi: '16–17 tuổi', en: '16–17' },
};

export function incidentAgeGroup(age: number): IncidentAgeGroup {
  if (age < 6) return '0-5';
  if (age <= 10) return '6-10';
  if (age <= 15) return '11-15';
  return '16-17';
}
