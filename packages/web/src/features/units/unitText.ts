import type { UnitLevel, UnitWithPath } from '@tuoitho/domain';

const levelRank: Record<UnitLevel, number> = { country: 0, province: 1, district: 2, commune: 3 };

/**
 * The ancestors of a unit, nearest first and without the country: "Thị xã Bỉm Sơn — Tỉnh Thanh
 * Hóa". Sorted by level, so it does not matter in which order the server lists the path.
 */
export function ancestorNames(unit: Pick<UnitWithPath, 'id' | 'path'>): string[] {
  return unit.path
    .filter((ancestor) => ancestor.id !== unit.id && ancestor.level !== 'country')
    .sort((a, b) => levelRank[b.level] - levelRank[a.level])
    .map((ancestor) => ancestor.fullName);
}

/** "Phường Bỉm Sơn — Tỉnh Thanh Hóa": the unit's name followed by its ancestors. */
export function unitWithPathLabel(unit: Pick<UnitWithPath, 'id' | 'fullName' | 'path'>): string {
  return [unit.fullName, ...ancestorNames(unit)].join(' — ');
}
