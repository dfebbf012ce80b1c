import { describe, expect, it } from 'vitest';
import { centuryGenderDigit, checkPersonalId, PersonalId, parsePersonalId } from './personal-id';

describe('parsePersonalId', () => {
  it('splits a girl born 2015 in Thanh Hóa', () => {
    expect(parsePersonalId('038315001234')).toEqual({
      ok: true,
      value: {
        provinceCode: '038',
        centuryGenderCode: 3,
        birthYear2: '15',
        serial: '001234',
        sex: 'female',
        centuryStart: 2000,
        birthYear: 2015,
      },
    });
  });

  it.each([
    ['001089000001', 'male', 1989],
    ['001189000001', 'female', 1989],
    ['079200000001', 'male', 2000],
    ['038399000001', 'female', 2099],
    ['038400000001', 'male', 2100],
    ['038507000001', 'female', 2107],
    ['038622000001', 'male', 2222],
    ['038799000001', 'female', 2299],
    ['038899000001', 'male', 1899],
    ['038901000001', 'female', 1801],
  ])('%s encodes a %s born in %i', (id, sex, year) => {
    const parsed = parsePersonalId(id);
    expect(parsed.ok && parsed.value).toMatchObject({ sex, birthYear: year });
  });

  it.each([
    ['', 'personal_id_format'],
    ['03831500123', 'personal_id_format'],
    ['0383150012345', 'personal_id_format'],
    ['03831500123a', 'personal_id_format'],
    ['038 315 001234', 'personal_id_format'],
    ['003315001234', 'personal_id_province'],
    ['000315001234', 'personal_id_province'],
    ['097315001234', 'personal_id_province'],
    ['138315001234', 'personal_id_province'],
  ])('refuses %j: %s', (id, issue) => {
    expect(parsePersonalId(id)).toEqual({ ok: false, issues: [issue] });
  });
});

describe('checkPersonalId', () => {
  const girl2015 = { sex: 'female', dateOfBirth: '2015-03-04' } as const;

  it.each([
    ['girl born 04/03/2015 in Thanh Hóa', '038315001234', girl2015, []],
    ['boy born 2015 (year only) in Thanh Hóa', '038215001234', { sex: 'male', dateOfBirth: '2015' }, []],
    ['boy born 2010 in Hà Nội, by birthYear', '001210987654', { sex: 'male', birthYear: 2010 }, []],
    ['girl born 1999', '079199000001', { sex: 'female', dateOfBirth: '1999-12-31' }, []],
    ['no facts: only the number', '038315001234', {}, []],
    ['sex unknown', '038315001234', { dateOfBirth: '2015-03-04' }, []],
    [
      'boy with a girl digit',
      '038315001234',
      { sex: 'male', dateOfBirth: '2015-03-04' },
      ['personal_id_sex'],
    ],
    ['girl with a boy digit', '038215001234', girl2015, ['personal_id_sex']],
    ['1900s digit for a 2015 birth', '038115001234', girl2015, ['personal_id_century']],
    ['wrong year digits', '038316001234', girl2015, ['personal_id_birth_year']],
    [
      'everything wrong but the format',
      '038016001234',
      girl2015,
      ['personal_id_sex', 'personal_id_century', 'personal_id_birth_year'],
    ],
    ['11 digits (leading zero lost)', '38315001234', girl2015, ['personal_id_format']],
    ['unknown province', '039315001234', girl2015, ['personal_id_province']],
  ] as const)('%s', (_, id, facts, expected) => {
    expect(checkPersonalId(id, facts)).toEqual(expected);
  });
});

describe('centuryGenderDigit', () => {
  it.each([
    ['male', 1950, 0],
    ['female', 1950, 1],
    ['male', 2015, 2],
    ['female', 2015, 3],
    ['female', 2150, 5],
    ['male', 2250, 6],
    ['female', 1850, 9],
    ['male', 1750, undefined],
  ] as const)('%s born %i → %s', (sex, year, digit) => {
    expect(centuryGenderDigit(sex, year)).toBe(digit);
  });
});

describe('PersonalId schema', () => {
  it.each([
    ['038315001234', '038315001234'],
    [' 038 315 001 234 ', '038315001234'],
    ['038.315.001.234', '038315001234'],
  ])('accepts %j as %s', (input, output) => {
    expect(PersonalId.parse(input)).toBe(output);
  });

  it.each([
    ['38315001234', ['personal_id_format']],
    ['03831500123x', ['personal_id_format']],
    ['039315001234', ['personal_id_province']],
  ])('refuses %j with %j', (input, messages) => {
    expect(PersonalId.safeParse(input).error?.issues.map((i) => i.message)).toEqual(messages);
  });
});
