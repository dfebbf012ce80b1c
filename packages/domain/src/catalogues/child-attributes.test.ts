import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AtRiskFlag,
  atRiskFlagLabels,
  CaregiverRelationship,
  ChildStatus,
  caregiverRelationshipLabels,
  childStatusLabels,
  DisabilityLevel,
  DisabilityType,
  disabilityLevelLabels,
  disabilityTypeLabels,
  EnrolmentStatus,
  enrolmentStatusLabels,
  NutritionStatus,
  nutritionStatusLabels,
  PovertyStatus,
  povertyStatusLabels,
  Sex,
  sexLabels,
} from './child-attributes';
import type { Label } from './labels';
import { optionsOf } from './labels';

const lists: Array<[string, z.ZodEnum, Record<string, Label>]> = [
  ['Sex', Sex, sexLabels],
  ['DisabilityType', DisabilityType, disabilityTypeLabels],
  ['DisabilityLevel', DisabilityLevel, disabilityLevelLabels],
  ['PovertyStatus', PovertyStatus, povertyStatusLabels],
  ['NutritionStatus', NutritionStatus, nutritionStatusLabels],
  ['EnrolmentStatus', EnrolmentStatus, enrolmentStatusLabels],
  ['ChildStatus', ChildStatus, childStatusLabels],
  ['CaregiverRelationship', CaregiverRelationship, caregiverRelationshipLabels],
  ['AtRiskFlag', AtRiskFlag, atRiskFlagLabels],
];

describe('closed lists of a child record', () => {
  it.each(lists)(
    '%s has a Vietnamese and an English label for each value, and no other',
    (_, schema, labels) => {
      expect(Object.keys(labels).sort()).toEqual([...schema.options].sort());
      for (const label of Object.values(labels)) {
        expect(label.vi.trim()).not.toBe('');
        expect(label.en.trim()).not.toBe('');
      }
    },
  );

  it('lists options in enum order with their labels', () => {
    expect(optionsOf(DisabilityLevel.options, disabilityLevelLabels)).toEqual([
      { code: 'especially_severe', vi: 'Khuyết tật đặc biệt nặng', en: 'Especially severe disability' },
      { code: 'severe', vi: 'Khuyết tật nặng', en: 'Severe disability' },
      { code: 'mild', vi: 'Khuyết tật nhẹ', en: 'Mild disability' },
    ]);
  });

  it('has the six types of the Law on Persons with Disabilities', () => {
    expect(DisabilityType.options).toHaveLength(6);
    expect(Object.values(disabilityTypeLabels).map((l) => l.vi)).toContain('Khuyết tật thần kinh, tâm thần');
  });
});
