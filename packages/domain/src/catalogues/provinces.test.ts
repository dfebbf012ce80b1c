import { describe, expect, it } from 'vitest';
import {
  birthRegistrationProvinceCodes,
  birthRegistrationProvinces,
  findBirthRegistrationProvince,
} from './provinces';

describe('province codes of birth registration', () => {
  it('holds the 63 pre-2025 provinces as distinct three-digit codes', () => {
    expect(birthRegistrationProvinces).toHaveLength(63);
    expect(birthRegistrationProvinceCodes.size).toBe(63);
    expect(birthRegistrationProvinces.every((p) => /^0\d{2}$/.test(p.code))).toBe(true);
  });

  it.each([
    ['001', 'Hà Nội'],
    ['038', 'Thanh Hóa'],
    ['079', 'Thành phố Hồ Chí Minh'],
    ['096', 'Cà Mau'],
  ])('%s is %s', (code, name) => {
    expect(findBirthRegistrationProvince(code)?.name).toBe(name);
  });

  it.each(['000', '003', '039', '097', '38', '1038'])('%s is not a code', (code) => {
    expect(findBirthRegistrationProvince(code)).toBeUndefined();
  });

  it('contains every province code in use after the 2025 reform', () => {
    const codes2025 = [
      '01',
      '04',
      '08',
      '11',
      '12',
      '14',
      '15',
      '19',
      '20',
      '22',
      '24',
      '25',
      '31',
      '33',
      '37',
      '38',
      '40',
      '42',
      '44',
      '46',
      '48',
      '51',
      '52',
      '56',
      '66',
      '68',
      '75',
      '79',
      '80',
      '82',
      '86',
      '91',
      '92',
      '96',
    ];
    expect(codes2025.filter((code) => !birthRegistrationProvinceCodes.has(`0${code}`))).toEqual([]);
  });
});
