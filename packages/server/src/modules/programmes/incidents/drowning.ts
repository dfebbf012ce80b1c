import {
  type DrowningView,
  IncidentAgeGroup,
  incidentAgeGroup,
  isSummerHoliday,
  type PlaceType,
  Season,
  seasonOfMonth,
} from '@tuoitho/domain';

/** Drownings counted by the database for one combination of local year, month and attributes. */
export type DrowningCount = {
  year: number;
  month: number;
  placeType: PlaceType;
  age: number;
  sex: 'male' | 'female' | null;
  incidents: number;
  deaths: number;
};

type Tally = { incidents: number; deaths: number };

const empty = (): Tally => ({ incidents: 0, deaths: 0 });
const add = (tally: Tally, row: Tally) => {
  tally.incidents += row.incidents;
  tally.deaths += row.deaths;
};

/**
 * The drowning view from counts grouped in Vietnam time. Every year of the span, the 12 months,
 * the 4 seasons, the 4 age groups and the 3 sexes are always listed (zero rows included) so charts
 * keep their axes; place types are listed only when they occurred, the most frequent first.
 */
export function drowningViewOf(
  unit: { code: string; name: string },
  yearFrom: number,
  yearTo: number,
  counts: DrowningCount[],
): DrowningView {
  const total = empty();
  const summerHoliday = empty();
  const byYear = new Map<number, Tally>();
  for (let year = yearFrom; year <= yearTo; year++) byYear.set(year, empty());
  const byMonth = Array.from({ length: 12 }, empty);
  const bySeason = new Map(Season.options.map((s) => [s, empty()]));
  const byPlace = new Map<PlaceType, Tally>();
  const byAge = new Map(IncidentAgeGroup.options.map((g) => [g, empty()]));
  const bySex = new Map((['male', 'female', 'unknown'] as const).map((s) => [s, empty()]));
  for (const row of counts) {
    add(total, row);
    const yearTally = byYear.get(row.year);
    if (yearTally) add(yearTally, row);
    add(byMonth[row.month - 1]!, row);
    add(bySeason.get(seasonOfMonth(row.month))!, row);
    if (isSummerHoliday(row.month)) add(summerHoliday, row);
    if (!byPlace.has(row.placeType)) byPlace.set(row.placeType, empty());
    add(byPlace.get(row.placeType)!, row);
    add(byAge.get(incidentAgeGroup(row.age))!, row);
    add(bySex.get(row.sex ?? 'unknown')!, row);
  }
  return {
    unitCode: unit.code,
    unitName: unit.name,
    yearFrom,
    yearTo,
    total,
    byYear: [...byYear].map(([year, t]) => ({ year, ...t })),
    byMonth: byMonth.map((t, i) => ({ month: i + 1, ...t })),
    bySeason: [...bySeason].map(([season, t]) => ({ season, ...t })),
    summerHoliday,
    byPlaceType: [...byPlace]
      .map(([placeType, t]) => ({ placeType, ...t }))
      .sort((a, b) => b.incidents - a.incidents || a.placeType.localeCompare(b.placeType)),
    byAgeGroup: [...byAge].map(([ageGroup, t]) => ({ ageGroup, ...t })),
    bySex: [...bySex].map(([sex, t]) => ({ sex, ...t })),
  };
}
