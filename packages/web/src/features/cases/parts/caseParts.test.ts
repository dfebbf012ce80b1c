import {
  AddCasePersonRequest,
  art63ConditionInfo,
  type CasePerson,
  CreatePlacementRequest,
  CreateServiceProviderRequest,
  placementProblem,
  type ServiceProvider,
  UpdateServiceProviderRequest,
} from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import {
  art63Conditions,
  art63FromChecked,
  canEditCaseParts,
  facilityProviders,
  groupProvidersByUnit,
  isArt63Complete,
  isPersonNameRequired,
  personFormToRequest,
  placementFormToRequest,
  providerFormToCreate,
  providerFormToUpdate,
  referralStatusActions,
  sortPeople,
} from './caseParts';

const provider = (overrides: Partial<ServiceProvider> = {}): ServiceProvider => ({
  id: '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  unitCode: '26734',
  unitName: 'Xã Bình Sơn',
  unitLevel: 'commune',
  kind: 'health_station',
  name: 'Trạm y tế xã Bình Sơn',
  address: null,
  phone: '0255 3851 115',
  contactPerson: null,
  note: null,
  isActive: true,
  version: 3,
  canEdit: true,
  ...overrides,
});

describe('canEditCaseParts', () => {
  it('needs an open case on which the user may act', () => {
    expect(canEditCaseParts({ allowedActions: ['review'], status: 'intervention' } as never)).toBe(true);
    expect(canEditCaseParts({ allowedActions: [], status: 'intervention' } as never)).toBe(false);
    expect(canEditCaseParts({ allowedActions: ['reopened'], status: 'closed' } as never)).toBe(false);
  });
});

describe('personFormToRequest', () => {
  it('trims, leaves blanks out and keeps a request the contract accepts', () => {
    const request = personFormToRequest({
      role: 'alleged_perpetrator',
      fullName: '  Nguyễn Văn B ',
      relationship: ' bố dượng ',
      yearOfBirth: 1985,
      phone: '  ',
      address: '',
      note: undefined,
      childId: '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    });
    expect(request).toEqual({
      role: 'alleged_perpetrator',
      fullName: 'Nguyễn Văn B',
      relationship: 'bố dượng',
      yearOfBirth: 1985,
      phone: undefined,
      address: undefined,
      note: undefined,
    });
    expect(AddCasePersonRequest.safeParse(request).success).toBe(true);
  });

  it('sends the registry child only for the role child', () => {
    const childId = '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(personFormToRequest({ role: 'child', childId }).childId).toBe(childId);
    expect(personFormToRequest({ role: 'caregiver', childId, fullName: 'A' })).not.toHaveProperty('childId');
  });

  it('asks for a name unless a registry child is chosen', () => {
    expect(isPersonNameRequired({ role: 'child', childId: 'x' })).toBe(false);
    expect(isPersonNameRequired({ role: 'child' })).toBe(true);
    expect(isPersonNameRequired({ role: 'caregiver', childId: 'x' })).toBe(true);
  });
});

describe('sortPeople', () => {
  it('lists alleged perpetrators first and removed people last', () => {
    const person = (id: string, role: CasePerson['role'], removedAt: string | null = null): CasePerson => ({
      id,
      role,
      child: null,
      fullName: id,
      relationship: null,
      yearOfBirth: null,
      phone: null,
      address: null,
      note: null,
      createdAt: `2026-01-0${id.length}T00:00:00+07:00`,
      removedAt,
    });
    const sorted = sortPeople([
      person('a', 'caregiver'),
      person('bb', 'alleged_perpetrator', '2026-02-01T00:00:00+07:00'),
      person('ccc', 'alleged_perpetrator'),
      person('dddd', 'other'),
    ]);
    expect(sorted.map((item) => item.id)).toEqual(['ccc', 'a', 'dddd', 'bb']);
  });
});

describe('referralStatusActions', () => {
  it('offers one button per next status, declining in red', () => {
    expect(referralStatusActions(['accepted', 'declined'])).toEqual([
      { status: 'accepted', labelKey: 'caseParts.referrals.move.accepted', isDanger: false },
      { status: 'declined', labelKey: 'caseParts.referrals.move.declined', isDanger: true },
    ]);
    expect(referralStatusActions([])).toEqual([]);
  });
});

describe('Art. 63 checklist', () => {
  it('covers every condition of the domain', () => {
    expect(art63Conditions).toEqual(Object.keys(art63ConditionInfo));
  });

  it('is complete only when every condition is ticked', () => {
    expect(isArt63Complete([...art63Conditions])).toBe(true);
    expect(isArt63Complete(art63Conditions.slice(1))).toBe(false);
    expect(isArt63Complete(undefined)).toBe(false);
    expect(art63FromChecked(['hasHealth']).hasHealth).toBe(true);
    expect(art63FromChecked(['hasHealth']).residesInVietnam).toBe(false);
  });
});

describe('placementFormToRequest', () => {
  it('sends the carer and the full checklist for a family placement', () => {
    const request = placementFormToRequest({
      kind: 'kinship',
      carerName: ' Trần Thị C ',
      carerRelationship: 'bà ngoại',
      carerPhone: '',
      art63: [...art63Conditions],
      startDate: '2026-03-01',
      plannedEndDate: null,
      providerId: '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    });
    expect(request.providerId).toBeUndefined();
    expect(request.carer).toEqual({
      fullName: 'Trần Thị C',
      relationship: 'bà ngoại',
      address: undefined,
      phone: undefined,
    });
    expect(request.plannedEndDate).toBeUndefined();
    expect(CreatePlacementRequest.safeParse(request).success).toBe(true);
    expect(placementProblem(request, undefined, 'vi')).toBeUndefined();
  });

  it('keeps unticked conditions false so the server names them', () => {
    const request = placementFormToRequest({
      kind: 'non_relative_family',
      carerName: 'Lê Văn D',
      art63: ['hasHealth'],
      startDate: '2026-03-01',
    });
    expect(request.art63?.hasHealth).toBe(true);
    expect(request.art63?.isVoluntary).toBe(false);
    expect(placementProblem(request, undefined, 'vi')?.code).toBe('placement_art63_unmet');
  });

  it('sends only the provider for a facility', () => {
    const request = placementFormToRequest({
      kind: 'facility',
      providerId: '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      carerName: 'left over',
      art63: ['hasHealth'],
      startDate: '2026-03-01',
      plannedEndDate: '2026-09-01',
    });
    expect(request).toEqual({
      kind: 'facility',
      providerId: '3f2b8a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      startDate: '2026-03-01',
      plannedEndDate: '2026-09-01',
    });
    expect(placementProblem(request, { kind: 'social_assistance' }, 'vi')).toBeUndefined();
  });

  it('offers only active social-assistance (or other) providers for a facility', () => {
    const facilities = facilityProviders([
      provider({ id: 'a', kind: 'social_assistance' }),
      provider({ id: 'b', kind: 'other' }),
      provider({ id: 'c', kind: 'hospital' }),
      provider({ id: 'd', kind: 'social_assistance', isActive: false }),
    ]);
    expect(facilities.map((item) => item.id)).toEqual(['a', 'b']);
  });
});

describe('service provider forms', () => {
  it('maps the add form to a valid request', () => {
    const request = providerFormToCreate(
      { kind: 'police', name: ' Công an xã ', phone: '', contactPerson: ' Đại úy E ' },
      '26734',
    );
    expect(request).toEqual({
      unitCode: '26734',
      kind: 'police',
      name: 'Công an xã',
      address: undefined,
      phone: undefined,
      contactPerson: 'Đại úy E',
      note: undefined,
    });
    expect(CreateServiceProviderRequest.safeParse(request).success).toBe(true);
  });

  it('sends only the changed fields with the version, cleared ones as null', () => {
    const current = provider({ address: 'Thôn 1' });
    const changes = providerFormToUpdate(current, {
      kind: 'health_station',
      name: 'Trạm y tế xã Bình Sơn',
      address: '',
      phone: '0255 3851 115',
      contactPerson: 'Bác sĩ F',
    });
    expect(changes).toEqual({ version: 3, address: null, contactPerson: 'Bác sĩ F' });
    expect(UpdateServiceProviderRequest.safeParse(changes).success).toBe(true);
  });

  it('groups providers by unit, the province first', () => {
    const groups = groupProvidersByUnit([
      provider({ id: 'a', kind: 'police', name: 'Công an xã' }),
      provider({
        id: 'b',
        unitCode: '26',
        unitName: 'Tỉnh Bình Dương',
        unitLevel: 'province',
        kind: 'hotline_111',
      }),
      provider({ id: 'c', kind: 'health_station', name: 'Trạm y tế' }),
    ]);
    expect(groups.map((group) => [group.unitCode, group.items.map((item) => item.id)])).toEqual([
      ['26', ['b']],
      ['26734', ['c', 'a']],
    ]);
  });
});
