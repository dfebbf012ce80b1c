import {
  AtRiskFlag,
  ChildSort,
  ChildStatus,
  DisabilityType,
  EnrolmentStatus,
  MAX_RECORD_AGE,
  parseSpecialCircumstanceGroupCode,
  Sex,
  SpecialCircumstanceGroupCode,
  UnitCode,
} from '@tuoitho/domain';

/**
 * The filters of the children list. They live in the page's query string, so that a list can be
 * shared as a link and saved under a name (`SavedChildFilter.query` is that string). The names and
 * values are those of `GET /api/v1/children` (`ChildListQuery`), so the string is also the API's.
 */

export type GroupFilter = SpecialCircumstanceGroupCode | 'any';
export type AtRiskFilter = AtRiskFlag | 'any';
export type DisabilityFilter = 'any' | 'none' | DisabilityType;
export type StatusFilter = ChildStatus | 'all';

export interface ChildFilters {
  q?: string | undefined;
  /** Unit code (any level) whose subtree is listed. */
  unit?: string | undefined;
  ageFrom?: number | undefined;
  ageTo?: number | undefined;
  sex?: Sex | undefined;
  group?: GroupFilter[] | undefined;
  atRisk?: AtRiskFilter[] | undefined;
  schoolStatus?: EnrolmentStatus | undefined;
  disability?: DisabilityFilter | undefined;
  /** `recent`: the 6th birthday (State-paid health insurance ends) lies in the last 90 days. */
  turned6?: 'recent' | undefined;
  /** `active` when absent (the API's default): children who left stay in history. */
  status: StatusFilter;
  sort?: ChildSort | undefined;
}

export const DEFAULT_STATUS: StatusFilter = 'active';
export const emptyFilters: ChildFilters = { status: DEFAULT_STATUS };
export const MAX_QUERY_LENGTH = 100;

const groupOrder: readonly GroupFilter[] = ['any', ...SpecialCircumstanceGroupCode.options];
const atRiskOrder: readonly AtRiskFilter[] = ['any', ...AtRiskFlag.options];
const disabilityValues: readonly DisabilityFilter[] = ['any', 'none', ...DisabilityType.options];
const statusValues: readonly StatusFilter[] = [...ChildStatus.options, 'all'];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function readAge(value: string | null): number | undefined {
  if (value === null || !/^\d{1,2}$/.test(value.trim())) return undefined;
  const age = Number(value.trim());
  return age <= MAX_RECORD_AGE ? age : undefined;
}

/** A comma-separated list, each value read by `read`, unknown ones dropped, in `order`. */
function readList<T extends string>(
  value: string | null,
  order: readonly T[],
  read: (part: string) => T | undefined,
): T[] | undefined {
  if (!value) return undefined;
  const found = new Set(
    value
      .split(',')
      .map((part) => read(part.trim()))
      .filter((part): part is T => part !== undefined),
  );
  const list = order.filter((item) => found.has(item));
  return list.length > 0 ? list : undefined;
}

function readGroup(part: string): GroupFilter | undefined {
  return part === 'any' ? 'any' : parseSpecialCircumstanceGroupCode(part);
}

/** Keeps the filters coherent: ages in order, `relevance` only with a search text. */
export function normaliseFilters(filters: ChildFilters): ChildFilters {
  const result: ChildFilters = { ...filters };
  const q = result.q?.trim().slice(0, MAX_QUERY_LENGTH);
  result.q = q ? q : undefined;
  if (result.ageFrom !== undefined && result.ageTo !== undefined && result.ageFrom > result.ageTo) {
    [result.ageFrom, result.ageTo] = [result.ageTo, result.ageFrom];
  }
  if (result.sort === 'relevance' && !result.q) result.sort = undefined;
  if (result.group?.length === 0) result.group = undefined;
  if (result.atRisk?.length === 0) result.atRisk = undefined;
  return result;
}

/** Reads the filters from a query string (`?q=an&group=a,dd`); unknown or invalid values are ignored. */
export function filtersFromQueryString(search: string | URLSearchParams): ChildFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const unit = params.get('unit')?.trim();
  return normaliseFilters({
    q: params.get('q') ?? undefined,
    unit: unit && UnitCode.safeParse(unit).success ? unit : undefined,
    ageFrom: readAge(params.get('ageFrom')),
    ageTo: readAge(params.get('ageTo')),
    sex: oneOf(Sex.options, params.get('sex')),
    group: readList(params.get('group'), groupOrder, readGroup),
    atRisk: readList(params.get('atRisk'), atRiskOrder, (part) => oneOf(atRiskOrder, part)),
    schoolStatus: oneOf(EnrolmentStatus.options, params.get('schoolStatus')),
    disability: oneOf(disabilityValues, params.get('disability')),
    turned6: oneOf(['recent'] as const, params.get('turned6')),
    status: oneOf(statusValues, params.get('status')) ?? DEFAULT_STATUS,
    sort: oneOf(ChildSort.options, params.get('sort')),
  });
}

/** `đ` is written `dd` in query strings (the API accepts both), so that links stay readable. */
function groupParam(group: GroupFilter): string {
  return group === 'đ' ? 'dd' : group;
}

/** The filters as ordered `[name, value]` pairs, leaving out what is empty or the default. */
function filterEntries(filters: ChildFilters): Array<[string, string]> {
  const f = normaliseFilters(filters);
  const entries: Array<[string, string | undefined]> = [
    ['q', f.q],
    ['unit', f.unit],
    ['ageFrom', f.ageFrom?.toString()],
    ['ageTo', f.ageTo?.toString()],
    ['sex', f.sex],
    ['group', f.group?.map(groupParam).join(',')],
    ['atRisk', f.atRisk?.join(',')],
    ['schoolStatus', f.schoolStatus],
    ['disability', f.disability],
    ['turned6', f.turned6],
    ['status', f.status === DEFAULT_STATUS ? undefined : f.status],
    ['sort', f.sort],
  ];
  return entries.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
}

function encode(value: string): string {
  // Commas separate list values and read better unescaped; `+` is a space in query strings.
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%20/g, '+');
}

/**
 * The canonical query string of the filters, without `?`: `q=nguyen+van+an&group=a,dd`. The same
 * filters always give the same string (fixed order, defaults left out), so it can be compared.
 */
export function filtersToQueryString(filters: ChildFilters): string {
  return filterEntries(filters)
    .map(([name, value]) => `${name}=${encode(value)}`)
    .join('&');
}

/** The query of `GET /api/v1/children` (without `limit` and `cursor`). */
export function filtersToApiQuery(filters: ChildFilters): Record<string, string> {
  const query: Record<string, string> = Object.fromEntries(filterEntries(filters));
  query.status = normaliseFilters(filters).status;
  return query;
}

/** How many filters (not the search text, status or order) differ from the defaults. */
export function countActiveFilters(filters: ChildFilters): number {
  const f = normaliseFilters(filters);
  return [
    f.unit,
    f.ageFrom ?? f.ageTo,
    f.sex,
    f.group,
    f.atRisk,
    f.schoolStatus,
    f.disability,
    f.turned6,
    f.status === DEFAULT_STATUS ? undefined : f.status,
  ].filter((value) => value !== undefined).length;
}

/** The order the server applies when `sort` is absent. */
export function effectiveSort(filters: ChildFilters): ChildSort {
  return filters.sort ?? (filters.q ? 'relevance' : 'name');
}
