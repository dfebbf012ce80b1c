import { describe, expect, it } from 'vitest';
import { byNeed, type CoverageRow, coverageTotals, kindOf } from './coverage';

function row(
  unitCode: string,
  unitName: string,
  children: number,
  byKind: CoverageRow['byKind'],
): CoverageRow {
  const playPlaces = byKind
    .filter((entry) => entry.kind !== 'school' && entry.kind !== 'health_station')
    .reduce((sum, entry) => sum + entry.inUse, 0);
  return {
    unitCode,
    unitName,
    children,
    byKind,
    playPlaces,
    childrenPerPlayPlace: playPlaces > 0 ? children / playPlaces : null,
    missing: [],
  };
}

const bimSon = row('14812', 'Phường Bỉm Sơn', 1200, [
  { kind: 'playground', inUse: 2, capacity: 150 },
  { kind: 'swim_teaching_place', inUse: 1, capacity: 40 },
  { kind: 'school', inUse: 4, capacity: 0 },
]);
const quangTrung = row('14815', 'Phường Quang Trung', 900, [
  { kind: 'cultural_house', inUse: 1, capacity: 0 },
  { kind: 'school', inUse: 2, capacity: 0 },
]);
const aiThuong = row('14830', 'Xã Ái Thượng', 400, [{ kind: 'school', inUse: 1, capacity: 0 }]);
const haLong = row('14833', 'Xã Hà Long', 300, []);

describe('kindOf', () => {
  it('reads a kind of facility, zero when the commune has none', () => {
    expect(kindOf(bimSon, 'playground')).toEqual({ inUse: 2, capacity: 150 });
    expect(kindOf(bimSon, 'library')).toEqual({ inUse: 0, capacity: 0 });
  });
});

describe('coverageTotals', () => {
  it('counts the communes without a playground and without a place to learn to swim', () => {
    expect(coverageTotals([bimSon, quangTrung, aiThuong])).toEqual({
      communes: 3,
      children: 2500,
      playPlaces: 4,
      withoutPlayground: 2,
      withoutSwimming: 2,
    });
  });
});

describe('byNeed', () => {
  it('puts communes without any play place first (most children first), then the most children per place', () => {
    expect(byNeed([bimSon, haLong, quangTrung, aiThuong]).map((entry) => entry.unitCode)).toEqual([
      '14830',
      '14833',
      '14815',
      '14812',
    ]);
  });

  it('puts communes with no registered children last: there is nothing to measure yet', () => {
    const empty = { ...haLong, unitCode: '14999', unitName: 'Xã Chưa Nhập', children: 0 };
    expect(byNeed([empty, bimSon, haLong]).map((entry) => entry.unitCode)).toEqual([
      '14833',
      '14812',
      '14999',
    ]);
  });
});
