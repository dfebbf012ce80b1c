import { describe, expect, it } from 'vitest';
import type { Child } from '../registry/child';
import { eligibilityFactsOf } from './facts-from-child';

const child = (overrides: Partial<Child>): Child =>
  ({
    dateOfBirth: '2019-04-02',
    unitCode: '14812',
    household: null,
    health: null,
    education: null,
    specialCircumstances: [],
    ...overrides,
  }) as Child;

describe('eligibilityFactsOf', () => {
  it.each([
    ['full date', child({}), { dateOfBirth: '2019-04-02', povertyStatus: null, disabilityLevel: null }],
    ['year only → 1 July', child({ dateOfBirth: '2019' }), { dateOfBirth: '2019-07-01' }],
    [
      'household, health and school',
      child({
        household: { povertyStatus: 'poor', povertyYear: 2025 },
        health: {
          disability: { type: 'mobility', level: 'severe' },
          seriousIllness: true,
        } as Child['health'],
        education: { enrolmentStatus: 'enrolled' },
      }),
      {
        povertyStatus: 'poor',
        povertyYear: 2025,
        disabilityLevel: 'severe',
        seriousIllness: true,
        enrolmentStatus: 'enrolled',
      },
    ],
    [
      'disability not yet assessed',
      child({ health: { disability: { type: 'mobility', level: null } } as Child['health'] }),
      { disabilityLevel: null, seriousIllness: null },
    ],
  ])('%s', (_, input, expected) => {
    expect(eligibilityFactsOf(input, '38')).toMatchObject({
      provinceCode: '38',
      unitCode: '14812',
      ...expected,
    });
  });

  it('keeps every group with its dates, ended ones included', () => {
    const facts = eligibilityFactsOf(
      child({
        specialCircumstances: [
          { group: 'a', subgroup: 'a1', startDate: '2020-01-01', endDate: null },
          { group: 'i', subgroup: null, startDate: '2022-01-01', endDate: '2022-06-30' },
        ] as Child['specialCircumstances'],
      }),
      '38',
    );
    expect(facts.groups).toEqual([
      { group: 'a', subgroup: 'a1', startDate: '2020-01-01', endDate: null },
      { group: 'i', subgroup: null, startDate: '2022-01-01', endDate: '2022-06-30' },
    ]);
  });
});
