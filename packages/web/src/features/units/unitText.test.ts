import type { UnitWithPath } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import { unitWithPathLabel } from './unitText';

const path = (items: Array<[number, string, UnitWithPath['level'], string]>): UnitWithPath['path'] =>
  items.map(([id, code, level, fullName]) => ({ id, code, level, fullName }));

describe('unitWithPathLabel', () => {
  it('names a ward with its province, nearest ancestor first, whatever the path order', () => {
    const unit = {
      id: 3,
      fullName: 'Phường Bỉm Sơn',
      path: path([
        [1, 'VN', 'country', 'Việt Nam'],
        [2, '38', 'province', 'Tỉnh Thanh Hóa'],
        [3, '14812', 'commune', 'Phường Bỉm Sơn'],
      ]),
    };
    expect(unitWithPathLabel(unit)).toBe('Phường Bỉm Sơn — Tỉnh Thanh Hóa');
    expect(unitWithPathLabel({ ...unit, path: [...unit.path].reverse() })).toBe(
      'Phường Bỉm Sơn — Tỉnh Thanh Hóa',
    );
  });

  it('shows the district of an old commune', () => {
    const unit = {
      id: 30,
      fullName: 'Phường Ba Đình',
      path: path([
        [2, '38', 'province', 'Tỉnh Thanh Hóa'],
        [20, '381', 'district', 'Thị xã Bỉm Sơn'],
      ]),
    };
    expect(unitWithPathLabel(unit)).toBe('Phường Ba Đình — Thị xã Bỉm Sơn — Tỉnh Thanh Hóa');
  });
});
