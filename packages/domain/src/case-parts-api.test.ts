import { describe, expect, it } from 'vitest';
import {
  type Art63Conditions,
  art63ConditionInfo,
  CreatePlacementRequest,
  canMoveReferral,
  placementProblem,
  unmetArt63Conditions,
} from './case-parts-api';

const allMet = Object.fromEntries(
  Object.keys(art63ConditionInfo).map((key) => [key, true]),
) as Art63Conditions;
const family = (overrides: Record<string, unknown> = {}) =>
  CreatePlacementRequest.parse({
    kind: 'kinship',
    carer: { fullName: 'Nguyễn Thị Lan' },
    art63: allMet,
    startDate: '2026-05-01',
    ...overrides,
  });

describe('referral transitions', () => {
  it('allows pending → accepted | declined and accepted → done only', () => {
    expect(canMoveReferral('pending', 'accepted')).toBe(true);
    expect(canMoveReferral('pending', 'declined')).toBe(true);
    expect(canMoveReferral('accepted', 'done')).toBe(true);
    expect(canMoveReferral('pending', 'done')).toBe(false);
    expect(canMoveReferral('pending', 'pending')).toBe(false);
    expect(canMoveReferral('declined', 'accepted')).toBe(false);
    expect(canMoveReferral('done', 'accepted')).toBe(false);
  });
});

describe('placement rules', () => {
  it('accepts a family placement whose Art. 63 checklist is all true', () => {
    expect(placementProblem(family(), undefined, 'vi')).toBeUndefined();
  });

  it('names the unmet Art. 63 conditions in the caller’s language', () => {
    const art63 = { ...allMet, isVoluntary: false, hasHousingAndMeans: false };
    expect(unmetArt63Conditions(art63)).toEqual(['hasHousingAndMeans', 'isVoluntary']);
    const problem = placementProblem(family({ art63 }), undefined, 'en');
    expect(problem?.code).toBe('placement_art63_unmet');
    expect(problem?.params?.conditions).toContain(art63ConditionInfo.isVoluntary.en);
  });

  it('needs the carer and checklist for a family placement', () => {
    expect(placementProblem(family({ carer: undefined }), undefined, 'vi')?.code).toBe(
      'placement_carer_required',
    );
    expect(placementProblem(family({ art63: undefined }), undefined, 'vi')?.code).toBe(
      'placement_carer_required',
    );
  });

  it('needs a social-assistance (or other) provider for a facility placement', () => {
    const facility = family({ kind: 'facility', carer: undefined, art63: undefined });
    expect(placementProblem(facility, { kind: 'social_assistance' }, 'vi')).toBeUndefined();
    expect(placementProblem(facility, { kind: 'other' }, 'vi')).toBeUndefined();
    expect(placementProblem(facility, { kind: 'hospital' }, 'vi')?.code).toBe('placement_facility_provider');
    expect(placementProblem(facility, undefined, 'vi')?.code).toBe('placement_facility_provider');
  });

  it('refuses a planned end before the start', () => {
    expect(placementProblem(family({ plannedEndDate: '2026-04-30' }), undefined, 'vi')?.code).toBe(
      'placement_dates',
    );
  });
});
