import type { Random } from './random';

/**
 * Places for synthetic children: villages and residential groups, street addresses and schools.
 * Schools of the two demo wards (Bỉm Sơn area, Thanh Hóa) are invented but plausible: Vietnamese
 * public schools are usually named after the commune or ward they serve (here the wards merged in
 * 2025) or after a historical figure. Other communes get schools named after their former units.
 */

/** A commune-level unit to generate children for, with the names of the units it was formed from. */
export type GenerationUnit = {
  code: string;
  /** Short name: "Bỉm Sơn". */
  name: string;
  /** "Phường Bỉm Sơn". */
  fullName: string;
  /** `phuong`, `xa` or `dac_khu`. */
  type: string;
  /** Two-digit province code: "38". */
  provinceCode: string;
  /** Full names of the communes merged into this one on 1 July 2025 ("Phường Ba Đình", "Xã Hà Vinh"). */
  formerUnitNames?: readonly string[];
};

export type SchoolSet = {
  preschool: readonly string[];
  primary: readonly string[];
  lowerSecondary: readonly string[];
  upperSecondary: readonly string[];
};

const DEMO_SCHOOLS: Record<string, SchoolSet> = {
  // Phường Bỉm Sơn: former phường Ba Đình, Lam Sơn, Đông Sơn and xã Hà Vinh.
  '14812': {
    preschool: [
      'Trường Mầm non Ba Đình',
      'Trường Mầm non Lam Sơn',
      'Trường Mầm non Đông Sơn',
      'Trường Mầm non Hà Vinh',
      'Trường Mầm non Hoa Sen',
    ],
    primary: [
      'Trường Tiểu học Ba Đình',
      'Trường Tiểu học Lam Sơn',
      'Trường Tiểu học Đông Sơn',
      'Trường Tiểu học Lê Lợi',
      'Trường Tiểu học Hà Vinh',
    ],
    lowerSecondary: [
      'Trường THCS Ba Đình',
      'Trường THCS Lam Sơn',
      'Trường THCS Đông Sơn',
      'Trường THCS Lê Quý Đôn',
      'Trường THCS Hà Vinh',
    ],
    upperSecondary: ['Trường THPT Bỉm Sơn', 'Trường THPT Lê Hồng Phong'],
  },
  // Phường Quang Trung: former phường Bắc Sơn, Ngọc Trạo, Phú Sơn and xã Quang Trung.
  '14818': {
    preschool: [
      'Trường Mầm non Bắc Sơn',
      'Trường Mầm non Ngọc Trạo',
      'Trường Mầm non Phú Sơn',
      'Trường Mầm non Quang Trung',
    ],
    primary: [
      'Trường Tiểu học Bắc Sơn',
      'Trường Tiểu học Ngọc Trạo',
      'Trường Tiểu học Phú Sơn',
      'Trường Tiểu học Quang Trung',
      'Trường Tiểu học Trần Phú',
    ],
    lowerSecondary: [
      'Trường THCS Bắc Sơn',
      'Trường THCS Ngọc Trạo',
      'Trường THCS Phú Sơn',
      'Trường THCS Quang Trung',
      'Trường THCS Trần Phú',
    ],
    upperSecondary: ['Trường THPT Bỉm Sơn', 'Trường THPT Lê Hồng Phong'],
  },
};

/** "Phường Ba Đình" → "Ba Đình". */
function shortName(fullName: string): string {
  return fullName.replace(/^(Phường|Xã|Thị trấn|Đặc khu)\s+/u, '');
}

/** The schools children of a unit attend. */
export function schoolsFor(unit: GenerationUnit): SchoolSet {
  const demo = DEMO_SCHOOLS[unit.code];
  if (demo) return demo;
  const names = [...new Set([unit.name, ...(unit.formerUnitNames ?? []).map(shortName)])];
  return {
    preschool: names.map((name) => `Trường Mầm non ${name}`),
    primary: names.map((name) => `Trường Tiểu học ${name}`),
    lowerSecondary: names.map((name) => `Trường THCS ${name}`),
    upperSecondary: [`Trường THPT ${unit.name}`],
  };
}

/** Streets for addresses in wards (the demo wards have most of these names). */
const STREETS: readonly string[] = [
  'Trần Phú',
  'Lê Lợi',
  'Nguyễn Huệ',
  'Bà Triệu',
  'Trần Hưng Đạo',
  'Lê Thánh Tông',
  'Phan Bội Châu',
  'Nguyễn Văn Cừ',
  'Tôn Đức Thắng',
  'Lê Hồng Phong',
  'Hai Bà Trưng',
  'Lý Thường Kiệt',
  'Nguyễn Trãi',
  'Quang Trung',
  'Ngô Quyền',
  'Trần Quang Khải',
  'Đinh Tiên Hoàng',
  'Phạm Ngũ Lão',
  'Chu Văn An',
  'Nguyễn Du',
];

/** Names of thôn in lowland communes. */
const HAMLETS: readonly string[] = [
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Thượng',
  'Hạ',
  'Yên Lộc',
  'Đồng Tâm',
  'Tân Lập',
  'Quyết Thắng',
  'Hòa Bình',
  'Phú Lộc',
  'Xuân Thành',
  'Đoài',
  'Nghĩa Trang',
  'Cổ Đam',
  'Kim Sơn',
  'Tiến Thành',
  'Thành Công',
  'Đại Đồng',
  'An Lạc',
  'Phúc Thịnh',
  'Vĩnh Thành',
  'Ngọc Lâu',
  'Liên Sơn',
];

/** Names of bản in upland communes (Mường and Thái villages). */
const UPLAND_VILLAGES: readonly string[] = [
  'Bản Lót',
  'Bản Khò',
  'Bản Mạ',
  'Bản Chiềng',
  'Bản Muỗng',
  'Bản Poọng',
  'Bản Na Lý',
  'Bản Căm',
  'Bản Vịn',
  'Bản Xủng',
  'Bản Sạng',
  'Bản Lầu',
];

/** The villages (thôn, bản) or residential groups (tổ dân phố) of a unit. */
export function villagesFor(unit: GenerationUnit, random: Random, opts: { isUpland: boolean }): string[] {
  if (unit.type === 'phuong') {
    return Array.from({ length: 30 }, (_, i) => `Tổ dân phố ${i + 1}`);
  }
  const count = random.int(8, 16);
  const pool = opts.isUpland
    ? [...UPLAND_VILLAGES, ...HAMLETS.map((h) => `Thôn ${h}`)]
    : HAMLETS.map((h) => `Thôn ${h}`);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, pool.length)) chosen.add(random.pick(pool));
  return [...chosen];
}

/** An address inside the village: house number and street in a ward, nothing more in a commune. */
export function addressFor(unit: GenerationUnit, random: Random): string | null {
  if (unit.type !== 'phuong') return random.chance(0.3) ? `Xóm ${random.int(1, 12)}` : null;
  const street = random.pick(STREETS);
  return random.chance(0.3)
    ? `Số ${random.int(1, 40)}, ngõ ${random.int(2, 120)}, đường ${street}`
    : `Số ${random.int(1, 350)}, đường ${street}`;
}
