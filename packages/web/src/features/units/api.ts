import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { REFORM_2025_DATE, Unit, UnitSuccessor, UnitWithPath } from '@tuoitho/domain';
import { api } from '../../lib/api';
import { itemsOf } from '../../lib/lists';

const UnitList = itemsOf(Unit);
const UnitWithPathList = itemsOf(UnitWithPath);
const SuccessorList = itemsOf(UnitSuccessor);

export const unitKeys = {
  all: ['units'] as const,
  roots: (at: string) => ['units', 'roots', at] as const,
  children: (code: string, at: string) => ['units', 'children', code, at] as const,
  detail: (code: string, at: string) => ['units', 'detail', code, at] as const,
  path: (code: string, at: string) => ['units', 'path', code, at] as const,
  successors: (code: string) => ['units', 'successors', code] as const,
  search: (q: string, at: string, within?: string) => ['units', 'search', q, at, within ?? ''] as const,
};

/** Units change rarely: keep answers for ten minutes. */
const UNIT_STALE_TIME = 10 * 60_000;

export const unitQueries = {
  roots: (at: string) => ({
    queryKey: unitKeys.roots(at),
    queryFn: async () => (await api.get('/units/roots', { schema: UnitList, query: { at } })).items,
    staleTime: UNIT_STALE_TIME,
  }),
  children: (code: string, at: string) => ({
    queryKey: unitKeys.children(code, at),
    queryFn: async () =>
      (await api.get(`/units/${encodeURIComponent(code)}/children`, { schema: UnitList, query: { at } }))
        .items,
    staleTime: UNIT_STALE_TIME,
  }),
  path: (code: string, at: string) => ({
    queryKey: unitKeys.path(code, at),
    queryFn: async () =>
      (await api.get(`/units/${encodeURIComponent(code)}/path`, { schema: UnitList, query: { at } })).items,
    staleTime: UNIT_STALE_TIME,
  }),
};

export function useUnitRoots(at: string) {
  return useQuery(unitQueries.roots(at));
}

export function useUnit(code: string | undefined, at: string) {
  return useQuery({
    queryKey: unitKeys.detail(code ?? '', at),
    queryFn: () =>
      api.get(`/units/${encodeURIComponent(code ?? '')}`, { schema: UnitWithPath, query: { at } }),
    enabled: Boolean(code),
    staleTime: UNIT_STALE_TIME,
  });
}

/** True for a unit that ended with the 2025 reform (its successors are in the conversion table). */
export function isPreReformUnit(unit: Pick<Unit, 'validTo'>): boolean {
  return unit.validTo !== null && unit.validTo < REFORM_2025_DATE;
}

export function useUnitSuccessors(unit: Unit | undefined) {
  const code = unit?.code ?? '';
  return useQuery({
    queryKey: unitKeys.successors(code),
    queryFn: async () =>
      (await api.get(`/units/${encodeURIComponent(code)}/successors`, { schema: SuccessorList })).items,
    enabled: unit !== undefined && isPreReformUnit(unit),
    staleTime: UNIT_STALE_TIME,
  });
}

/** Diacritics-insensitive search on the server ("bim son" finds Phường Bỉm Sơn). */
export function useUnitSearch(q: string, at: string, options: { within?: string; limit?: number } = {}) {
  const term = q.trim();
  return useQuery({
    queryKey: unitKeys.search(term, at, options.within),
    queryFn: async ({ signal }) =>
      (
        await api.get('/units/search', {
          schema: UnitWithPathList,
          query: { q: term, at, within: options.within, limit: options.limit ?? 20 },
          signal,
        })
      ).items,
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: UNIT_STALE_TIME,
  });
}
