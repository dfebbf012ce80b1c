import type { FacilityCoverage, FacilityKind } from '@tuoitho/domain';

/**
 * Readings of the facility coverage (`GET /facilities/coverage`): counts per kind, and how many
 * communes lack a playground or any place to learn to swim.
 */

export type CoverageRow = FacilityCoverage['rows'][number];

/** Facilities of a kind in use in a commune, and their capacity (zero when it has none). */
export function kindOf(row: CoverageRow, kind: FacilityKind): { inUse: number; capacity: number } {
  const found = row.byKind.find((entry) => entry.kind === kind);
  return { inUse: found?.inUse ?? 0, capacity: found?.capacity ?? 0 };
}

export interface CoverageTotals {
  communes: number;
  children: number;
  playPlaces: number;
  withoutPlayground: number;
  /** Communes with neither a pool nor a swimming teaching place in use. */
  withoutSwimming: number;
}

export function coverageTotals(rows: readonly CoverageRow[]): CoverageTotals {
  let children = 0;
  let playPlaces = 0;
  let withoutPlayground = 0;
  let withoutSwimming = 0;
  for (const row of rows) {
    children += row.children;
    playPlaces += row.playPlaces;
    if (kindOf(row, 'playground').inUse === 0) withoutPlayground += 1;
    if (kindOf(row, 'swimming_pool').inUse + kindOf(row, 'swim_teaching_place').inUse === 0)
      withoutSwimming += 1;
  }
  return { communes: rows.length, children, playPlaces, withoutPlayground, withoutSwimming };
}

/**
 * Communes that need places most first: those without any play place (by number of children),
 * then by children per play place, the highest first; communes with no registered children yet
 * (nothing to measure) last.
 */
export function byNeed(rows: readonly CoverageRow[]): CoverageRow[] {
  const need = (row: CoverageRow) => {
    if (row.children === 0) return -1;
    return row.childrenPerPlayPlace === null ? Number.POSITIVE_INFINITY : row.childrenPerPlayPlace;
  };
  return [...rows].sort((a, b) => {
    const difference = need(b) - need(a);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
    if (need(a) === need(b) && b.children !== a.children) return b.children - a.children;
    return a.unitName.localeCompare(b.unitName, 'vi');
  });
}
