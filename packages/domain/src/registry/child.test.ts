import { describe, expect, it } from 'vitest';
import { Child, ChildList, CreateChildRequest, UpdateChildRequest } from './child';
import { ChildListQuery } from './child-query';
import { checkChildRecord } from './child-rules';

const minimal = { fullName: 'Nguyễn Thị Lan', sex: 'female', dateOfBirth: '2015-03-04', unitCode: '14818' };

/** The issues of a failed parse as `path: message`. */
function issuesOf(result: { error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

describe('CreateChildRequest', () => {
  it('needs only name, sex, date of birth and commune', () => {
    expect(CreateChildRequest.parse(minimal)).toEqual(minimal);
    expect(CreateChildRequest.parse({ ...minimal, dateOfBirth: '2015' }).dateOfBirth).toBe('2015');
  });

  it.each(['fullName', 'sex', 'dateOfBirth', 'unitCode'])('requires %s', (field) => {
    const { [field as keyof typeof minimal]: _, ...rest } = minimal;
    expect(issuesOf(CreateChildRequest.safeParse(rest)).map((i) => i.split(':')[0])).toEqual([field]);
  });

  it('tidies the white space of the name', () => {
    expect(CreateChildRequest.parse({ ...minimal, fullName: '  Nguyễn  Thị\tLan ' }).fullName).toBe(
      'Nguyễn Thị Lan',
    );
  });

  it('accepts every optional part as null', () => {
    const nulls = Object.fromEntries(
      ['personalId', 'ethnicity', 'birthRegistration', 'residence', 'household', 'caregivers', 'education']
        .concat(['health', 'specialCircumstances', 'atRisk', 'note'])
        .map((key) => [key, null]),
    );
    expect(CreateChildRequest.safeParse({ ...minimal, ...nulls }).success).toBe(true);
  });

  it('stores an ethnicity given by name as its code', () => {
    expect(CreateChildRequest.parse({ ...minimal, ethnicity: 'Kinh' }).ethnicity).toBe('01');
    expect(CreateChildRequest.parse({ ...minimal, ethnicity: 'muong' }).ethnicity).toBe('06');
    expect(CreateChildRequest.parse({ ...minimal, ethnicity: '06' }).ethnicity).toBe('06');
  });

  it('reads dd as đ in special circumstances', () => {
    const parsed = CreateChildRequest.parse({
      ...minimal,
      specialCircumstances: [{ group: 'dd', startDate: '2020-01-01' }],
    });
    expect(parsed.specialCircumstances?.[0]?.group).toBe('đ');
  });

  it('accepts a complete record', () => {
    const full = {
      ...minimal,
      personalId: '038315001234',
      ethnicity: '01',
      birthRegistration: { registered: true, date: '2015-03-20', place: 'UBND phường Ba Đình' },
      residence: { village: 'Tổ dân phố số 5', address: 'Số 12, đường Trần Phú' },
      household: {
        headName: 'Nguyễn Văn Hùng',
        membersCount: 5,
        phone: '0912 345 678',
        povertyStatus: 'near_poor',
        povertyYear: 2025,
      },
      caregivers: [{ fullName: 'Lê Thị Mai', relationship: 'mother', phone: '0987654321', isGuardian: true }],
      education: {
        school: 'Trường Tiểu học Ba Đình',
        grade: '5A',
        enrolmentStatus: 'enrolled',
        atRiskOfDropout: false,
      },
      health: {
        insuranceCardNumber: 'HS4383812345678',
        insuranceValidFrom: '2026-01-01',
        insuranceValidTo: '2026-12-31',
        disability: { type: 'visual', level: 'mild' },
        seriousIllness: false,
        immunisationComplete: true,
      },
      specialCircumstances: [
        { group: 'd', startDate: '2019-05-01', source: 'Quyết định xác định mức độ khuyết tật' },
      ],
      atRisk: ['drowning_risk', 'online_risk'],
      note: 'Gia đình chuyển đến từ năm 2020',
    };
    const parsed = CreateChildRequest.parse(full);
    expect(parsed.household?.phone).toBe('0912345678');
    expect(parsed.caregivers?.[0]?.isGuardian).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a bad name', { fullName: 'Lan123' }, ['fullName: person_name']],
    ['a district code', { unitCode: '380' }, ['unitCode: commune_code']],
    ['an unknown sex', { sex: 'other' }, ['sex: sex']],
    ['a future date of birth', { dateOfBirth: '2999-01-01' }, ['dateOfBirth: date_of_birth_future']],
    ['an adult', { dateOfBirth: '1990' }, ['dateOfBirth: date_of_birth_too_old']],
    ['an impossible date', { dateOfBirth: '2015-02-29' }, ['dateOfBirth: date_of_birth_format']],
    ['an unknown ethnicity', { ethnicity: 'Hàn' }, ['ethnicity: ethnicity_code']],
    ['a short personal id', { personalId: '38315001234' }, ['personalId: personal_id_format']],
    ['a personal id of a boy', { personalId: '038215001234' }, ['personalId: personal_id_sex']],
    ['a personal id of 2016', { personalId: '038316001234' }, ['personalId: personal_id_birth_year']],
    ['a personal id of the 1900s', { personalId: '038115001234' }, ['personalId: personal_id_century']],
    [
      'a poverty status without its year',
      { household: { povertyStatus: 'poor' } },
      ['household.povertyYear: poverty_year_required'],
    ],
    ['a bad phone', { household: { phone: '12345' } }, ['household.phone: phone']],
    [
      'a caregiver without relationship',
      { caregivers: [{ fullName: 'Lê Thị Mai' }] },
      [
        'caregivers.0.relationship: Invalid option: expected one of "mother"|"father"|"grandparent"|"sibling"|"relative"|"guardian"|"foster"|"other"',
      ],
    ],
    [
      'an unregistered birth with a date',
      { birthRegistration: { registered: false, date: '2015-04-01' } },
      ['birthRegistration.date: birth_registration_unregistered'],
    ],
    [
      'a birth registered before birth',
      { birthRegistration: { registered: true, date: '2015-03-01' } },
      ['birthRegistration.date: date_before_birth'],
    ],
    [
      'an insurance card valid backwards',
      { health: { insuranceValidFrom: '2026-01-01', insuranceValidTo: '2025-12-31' } },
      ['health.insuranceValidTo: insurance_validity'],
    ],
    [
      'a bad insurance card',
      { health: { insuranceCardNumber: 'TE13838' } },
      ['health.insuranceCardNumber: insurance_card_number'],
    ],
    [
      'a nutrition status at 10 years',
      { health: { nutritionStatus: 'stunted', nutritionAssessedOn: '2025-03-04' } },
      ['health.nutritionStatus: nutrition_status_age'],
    ],
    ['a repeated at-risk flag', { atRisk: ['drowning_risk', 'drowning_risk'] }, ['atRisk: duplicate_values']],
    [
      'an unknown group',
      { specialCircumstances: [{ group: 'f', startDate: '2020-01-01' }] },
      ['specialCircumstances.0.group: special_circumstance_group'],
    ],
    [
      'a group ending before it starts',
      { specialCircumstances: [{ group: 'a', startDate: '2020-01-01', endDate: '2019-12-31' }] },
      ['specialCircumstances.0.endDate: special_circumstance_dates'],
    ],
    [
      'a subgroup of another group',
      { specialCircumstances: [{ group: 'a', subgroup: 'b1', startDate: '2020-01-01' }] },
      ['specialCircumstances.0.subgroup: special_circumstance_subgroup'],
    ],
    [
      'a group starting before birth',
      { specialCircumstances: [{ group: 'b', startDate: '2015-03-01' }] },
      ['specialCircumstances.0.startDate: date_before_birth'],
    ],
    [
      'the same group twice over overlapping periods',
      {
        specialCircumstances: [
          { group: 'k', startDate: '2020-01-01', endDate: '2021-12-31' },
          { group: 'k', startDate: '2021-06-01' },
        ],
      },
      ['specialCircumstances.1.startDate: special_circumstance_overlap'],
    ],
  ])('refuses %s', (_, change, expected) => {
    expect(issuesOf(CreateChildRequest.safeParse({ ...minimal, ...change }))).toEqual(expected);
  });

  it('accepts the same group again after the first period ended', () => {
    const record = {
      ...minimal,
      specialCircumstances: [
        { group: 'k', startDate: '2020-01-01', endDate: '2020-12-31' },
        { group: 'k', startDate: '2021-01-01' },
        { group: 'l', subgroup: 'l4', startDate: '2020-06-01' },
      ],
    };
    expect(issuesOf(CreateChildRequest.safeParse(record))).toEqual([]);
  });
});

describe('UpdateChildRequest', () => {
  it('needs the version and nothing else', () => {
    expect(UpdateChildRequest.parse({ version: 3 })).toEqual({ version: 3 });
    expect(issuesOf(UpdateChildRequest.safeParse({ fullName: 'An' })).map((i) => i.split(':')[0])).toEqual([
      'version',
    ]);
  });

  it('keeps null to clear a part and drops the commune (changed by transfer)', () => {
    expect(UpdateChildRequest.parse({ version: 1, household: null, unitCode: '14812' })).toEqual({
      version: 1,
      household: null,
    });
  });

  it('checks the fields it is given against each other', () => {
    const change = { version: 1, sex: 'male', dateOfBirth: '2015-03-04', personalId: '038315001234' };
    expect(issuesOf(UpdateChildRequest.safeParse(change))).toEqual(['personalId: personal_id_sex']);
    expect(issuesOf(UpdateChildRequest.safeParse({ version: 1, personalId: '038315001234' }))).toEqual([]);
  });
});

describe('checkChildRecord (merged records on the server)', () => {
  it.each<[string, Parameters<typeof checkChildRecord>[0], string[]]>([
    ['an empty record', {}, []],
    [
      'a year-only birth and an event in that year',
      { dateOfBirth: '2015', birthRegistration: { registered: true, date: '2015-01-02' } },
      [],
    ],
    [
      'an event the year before a year-only birth',
      { dateOfBirth: '2015', birthRegistration: { registered: true, date: '2014-12-31' } },
      ['birthRegistration.date: date_before_birth'],
    ],
    [
      'nutrition of a 4-year-old',
      { dateOfBirth: '2022-01-01', health: { nutritionStatus: 'wasted', nutritionAssessedOn: '2026-12-31' } },
      [],
    ],
    [
      'nutrition assessed before birth',
      { dateOfBirth: '2022-01-01', health: { nutritionStatus: 'wasted', nutritionAssessedOn: '2021-12-31' } },
      ['health.nutritionAssessedOn: date_before_birth'],
    ],
    [
      'nutrition without date, judged today',
      { dateOfBirth: '2015', health: { nutritionStatus: 'normal' } },
      ['health.nutritionStatus: nutrition_status_age'],
    ],
  ])('%s', (_, record, expected) => {
    expect(checkChildRecord(record, '2026-05-10').map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(
      expected,
    );
  });
});

describe('Child (response)', () => {
  const child = {
    id: '0195f0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b',
    version: 1,
    fullName: 'Nguyễn Thị Lan',
    sex: 'female',
    dateOfBirth: '2015',
    dateOfBirthPrecision: 'year',
    ageYears: 10,
    unitCode: '14818',
    unitName: 'Phường Bỉm Sơn',
    personalId: null,
    ethnicity: '01',
    birthRegistration: null,
    residence: { village: 'Tổ 5', address: null },
    household: null,
    caregivers: [],
    education: null,
    health: null,
    specialCircumstances: [
      {
        id: '0195f0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5c',
        group: 'đ',
        subgroup: null,
        startDate: '2020-01-01',
        endDate: null,
        source: null,
        note: null,
        confirmedBy: { id: '0195f0a4-1c2d-7e3f-8a9b-0c1d2e3f4a5d', fullName: 'Trần Văn Bình' },
        confirmedAt: '2020-01-02T08:00:00+07:00',
        isCurrent: true,
      },
    ],
    atRisk: ['drowning_risk'],
    note: null,
    status: 'active',
    statusChangedAt: null,
    createdAt: '2026-01-01T08:00:00+07:00',
    updatedAt: '2026-01-01T08:00:00+07:00',
    turned6On: '2021-07-01',
    pendingTransfer: null,
    mergedInto: null,
    mergedAt: null,
    abilities: { canEdit: true, canTransfer: true, canCancelTransfer: false, canMerge: false },
  };

  it('parses a stored child, including a person now over 18 (history stays readable)', () => {
    expect(Child.parse(child)).toEqual(child);
    expect(Child.safeParse({ ...child, dateOfBirth: '1990-01-01', status: 'turned_16' }).success).toBe(true);
  });

  it('lists children with a total', () => {
    expect(ChildList.parse({ items: [], nextCursor: null, total: 0 })).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
    });
  });
});

describe('ChildListQuery', () => {
  it('reads query strings', () => {
    expect(
      ChildListQuery.parse({
        q: ' nguyen van a ',
        ageFrom: '0',
        ageTo: '5',
        group: 'a,dd',
        atRisk: 'any',
        limit: '20',
      }),
    ).toEqual({
      q: 'nguyen van a',
      ageFrom: 0,
      ageTo: 5,
      group: ['a', 'đ'],
      atRisk: ['any'],
      limit: 20,
      status: 'active',
    });
  });

  it.each<[Record<string, string>, string[]]>([
    [{ ageFrom: '10', ageTo: '5' }, ['ageTo: age_range']],
    [{ ageFrom: '19' }, ['ageFrom: Too big: expected number to be <=18']],
    [{ group: 'a,f' }, ['group.1: special_circumstance_group']],
    [{ sex: 'x' }, ['sex: sex']],
    [{ unit: '1' }, ['unit: unit_code']],
  ])('refuses %j', (query, expected) => {
    expect(issuesOf(ChildListQuery.safeParse(query))).toEqual(expected);
  });
});
