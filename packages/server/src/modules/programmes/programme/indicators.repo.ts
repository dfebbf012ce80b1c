import {
  birthRangeForAges,
  changeAgainst,
  type ProgrammeIndicatorCode,
  percentOf,
  playFacilityKinds,
  programmeIndicators,
  referenceDateOfYear,
} from '@tuoitho/domain';
import { type RawBuilder, sql } from 'kysely';
import type { Exec } from '../scope';

/**
 * The computed figures of programme targets (`ProgrammeIndicatorCode`), for the subtree of a unit
 * and a year, from live data. Every query is scoped by the unit path through `admin_unit`
 * (`u.path <@ path`), so a figure never counts records outside the measured subtree.
 */

export interface IndicatorScope {
  /** ltree path of the measured unit: the figure covers its subtree. */
  unitPath: string;
  /** The programme whose activities count for the activity figures; absent: every activity of the unit. */
  programmeId?: string | null;
  /** The year `drowning_deaths_change` compares with. */
  baselineYear?: number | null;
}

export interface IndicatorValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

const NONE: IndicatorValue = { value: null, numerator: null, denominator: null };
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const count = (value: number): IndicatorValue => ({ value, numerator: null, denominator: null });
const share = (numerator: number, denominator: number): IndicatorValue => ({
  value: percentOf(numerator, denominator),
  numerator,
  denominator,
});

/** Measures one indicator for a unit subtree and a year; `today` is the day in Vietnam. */
export async function measureIndicator(
  exec: Exec,
  code: ProgrammeIndicatorCode,
  scope: IndicatorScope,
  year: number,
  today: string,
): Promise<IndicatorValue> {
  const currentYear = Number(today.slice(0, 4));
  if (year > currentYear) return NONE;
  if (programmeIndicators[code].currentYearOnly && year !== currentYear) return NONE;
  const referenceDay = referenceDateOfYear(year, today);
  switch (code) {
    case 'swim_safe_6_15':
      return swimmers(exec, scope.unitPath, referenceDay, sql`ap.swim_safe`);
    case 'water_safety_6_15':
      return swimmers(exec, scope.unitPath, referenceDay, sql`(ap.water_safety OR ap.swim_safe)`);
    case 'preschool_5y':
      return preschool(exec, scope.unitPath, today);
    case 'drowning_deaths':
      return count(await incidents(exec, scope.unitPath, year, true));
    case 'drowning_deaths_change': {
      if (!scope.baselineYear || scope.baselineYear > currentYear) return NONE;
      const [baseline, value] = await Promise.all([
        incidents(exec, scope.unitPath, scope.baselineYear, true),
        incidents(exec, scope.unitPath, year, true),
      ]);
      return { value: changeAgainst(baseline, value), numerator: value, denominator: baseline };
    }
    case 'child_injuries':
      return count(await incidents(exec, scope.unitPath, year, false));
    case 'communes_with_play_facility':
      return playFacilities(exec, scope.unitPath);
    case 'activities_held':
    case 'children_reached':
    case 'life_skills_completed':
    case 'officers_trained':
      return count(await activityFigure(exec, code, scope, year, referenceDay));
    case 'communication_reach':
      return count(await communicationReach(exec, scope.unitPath, year, referenceDay));
  }
}

/**
 * The indicator for each year. The swimming figures, the costly ones (every child of the subtree
 * against the outcomes), are measured for all years in one query; the others take one indexed
 * query per year.
 */
export async function measureIndicatorSeries(
  exec: Exec,
  code: ProgrammeIndicatorCode,
  scope: IndicatorScope,
  years: number[],
  today: string,
): Promise<{ year: number; value: IndicatorValue }[]> {
  if (code === 'swim_safe_6_15' || code === 'water_safety_6_15') {
    const currentYear = Number(today.slice(0, 4));
    const measurable = years.filter((year) => year <= currentYear);
    const byYear = await swimmersByYear(
      exec,
      scope.unitPath,
      measurable.map((year) => ({ year, referenceDay: referenceDateOfYear(year, today) })),
      code === 'swim_safe_6_15' ? sql`ap.swim_safe` : sql`(ap.water_safety OR ap.swim_safe)`,
    );
    return years.map((year) => ({ year, value: byYear.get(year) ?? NONE }));
  }
  const values: { year: number; value: IndicatorValue }[] = [];
  for (const year of years)
    values.push({ year, value: await measureIndicator(exec, code, scope, year, today) });
  return values;
}

/**
 * `swimmers` for several reference days at once: each child of the subtree is read once with the
 * day of its first passed outcome, then counted against every day. Same rule as `swimmers`.
 */
async function swimmersByYear(
  exec: Exec,
  unitPath: string,
  days: { year: number; referenceDay: string }[],
  passed: RawBuilder<unknown>,
): Promise<Map<number, IndicatorValue>> {
  const result = new Map<number, IndicatorValue>();
  if (days.length === 0) return result;
  const rows = days.map(({ year, referenceDay }) => {
    const { bornAfter, bornOnOrBefore } = birthRangeForAges(referenceDay, 6, 16);
    return sql`(${year}::integer, ${referenceDay}::date, ${bornAfter}::date, ${bornOnOrBefore}::date)`;
  });
  // ISO dates sort as text: the first after sorting is the oldest day.
  const oldest = days.map((d) => d.referenceDay).sort()[0] ?? '';
  const { bornAfter: earliest } = birthRangeForAges(oldest, 6, 16);
  const { rows: counts } = await sql<{ year: number; denominator: string; numerator: string }>`
    WITH days (year, reference_day, born_after, born_on_or_before) AS (VALUES ${sql.join(rows)}),
    kids AS (
      -- The day of each child's first passed outcome, looked up per child through the index on
      -- activity_participant (child_id): planners misjudge a grouped join here on small tables.
      SELECT c.id, c.birth_reference_date, c.status, c.status_changed_at,
             (SELECT min(coalesce(ap.assessed_on, a.ends_on))
              FROM activity_participant ap
              JOIN activity a ON a.id = ap.activity_id
              WHERE ap.child_id = c.id AND a.kind = 'swimming_class' AND ${passed}) AS passed_on
      FROM child c
      JOIN admin_unit u ON u.id = c.unit_id
      WHERE u.path <@ ${unitPath}::ltree
        AND c.merged_into IS NULL
        AND c.birth_reference_date > ${earliest}::date
    )
    SELECT d.year,
           count(c.id) AS denominator,
           count(c.id) FILTER (WHERE c.passed_on <= d.reference_day) AS numerator
    FROM days d
    LEFT JOIN kids c
      ON c.birth_reference_date > d.born_after
     AND c.birth_reference_date <= d.born_on_or_before
     AND ${presentOn(sql`d.reference_day`)}
    GROUP BY d.year`.execute(exec);
  for (const r of counts) result.set(Number(r.year), share(toNumber(r.numerator), toNumber(r.denominator)));
  return result;
}

const toNumber = (value: unknown) => Number(value ?? 0);

/**
 * Children 6 to under 16 on the reference day in the subtree (registered, not merged, not gone
 * away or dead before that day), and those of them with a swimming-class outcome matching
 * `passed` assessed on or before that day. A child who left or died with no recorded date of the
 * change counts as gone.
 */
async function swimmers(
  exec: Exec,
  unitPath: string,
  referenceDay: string,
  passed: RawBuilder<unknown>,
): Promise<IndicatorValue> {
  const year = Number(referenceDay.slice(0, 4));
  const byYear = await swimmersByYear(exec, unitPath, [{ year, referenceDay }], passed);
  return byYear.get(year) ?? share(0, 0);
}

/** The child `c` had not moved away or died before the day (in Vietnam's time zone). */
function presentOn(day: RawBuilder<unknown>) {
  return sql<boolean>`NOT (c.status IN ('moved_away', 'deceased')
    AND (c.status_changed_at IS NULL OR (c.status_changed_at AT TIME ZONE ${TIME_ZONE})::date < ${day}))`;
}

/** 5-year-olds of the subtree today, and those in preschool or school. */
async function preschool(exec: Exec, unitPath: string, today: string): Promise<IndicatorValue> {
  const { bornAfter, bornOnOrBefore } = birthRangeForAges(today, 5, 6);
  const row = await sql<{ denominator: string; numerator: string }>`
    SELECT count(*) AS denominator,
           count(*) FILTER (WHERE c.education->>'enrolmentStatus' IN ('preschool', 'enrolled')) AS numerator
    FROM child c
    JOIN admin_unit u ON u.id = c.unit_id
    WHERE u.path <@ ${unitPath}::ltree
      AND c.merged_into IS NULL
      AND c.birth_reference_date > ${bornAfter}::date
      AND c.birth_reference_date <= ${bornOnOrBefore}::date
      AND ${presentOn(sql`${today}::date`)}`.execute(exec);
  const r = row.rows[0];
  return share(toNumber(r?.numerator), toNumber(r?.denominator));
}

/** Incidents of the year (Vietnam's calendar) in the subtree: drowning deaths, or every injury. */
async function incidents(
  exec: Exec,
  unitPath: string,
  year: number,
  drowningDeaths: boolean,
): Promise<number> {
  const row = await sql<{ n: string }>`
    SELECT count(*) AS n
    FROM incident i
    JOIN admin_unit u ON u.id = i.unit_id
    WHERE u.path <@ ${unitPath}::ltree
      AND i.occurred_at >= ${`${year}-01-01T00:00:00+07:00`}::timestamptz
      AND i.occurred_at < ${`${year + 1}-01-01T00:00:00+07:00`}::timestamptz
      ${drowningDeaths ? sql`AND i.cause = 'drowning' AND i.outcome = 'death'` : sql``}`.execute(exec);
  return toNumber(row.rows[0]?.n);
}

/** Current commune-level units of the subtree, and those with a play place in use. */
async function playFacilities(exec: Exec, unitPath: string): Promise<IndicatorValue> {
  const kinds = sql.join(playFacilityKinds.map((k) => sql`${k}`));
  const row = await sql<{ denominator: string; numerator: string }>`
    SELECT count(*) AS denominator,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM facility f
             WHERE f.unit_id = u.id AND f.kind IN (${kinds}) AND f.condition <> 'not_in_use'
           )) AS numerator
    FROM admin_unit u
    WHERE u.path <@ ${unitPath}::ltree
      AND u.level = 'commune'
      AND u.valid_to IS NULL`.execute(exec);
  const r = row.rows[0];
  return share(toNumber(r?.numerator), toNumber(r?.denominator));
}

/**
 * The activities that count for a year: started in the year and by the reference day (held, not
 * only planned), in the subtree, and of the programme when one is measured.
 */
function activitiesOfYear(scope: IndicatorScope, year: number, referenceDay: string) {
  return sql`
    FROM activity a
    JOIN admin_unit u ON u.id = a.unit_id
    WHERE u.path <@ ${scope.unitPath}::ltree
      AND a.starts_on >= ${`${year}-01-01`}::date
      AND a.starts_on <= ${referenceDay}::date
      ${scope.programmeId ? sql`AND a.programme_id = ${scope.programmeId}::uuid` : sql``}`;
}

async function activityFigure(
  exec: Exec,
  code: 'activities_held' | 'children_reached' | 'life_skills_completed' | 'officers_trained',
  scope: IndicatorScope,
  year: number,
  referenceDay: string,
): Promise<number> {
  const from = activitiesOfYear(scope, year, referenceDay);
  let query: RawBuilder<{ n: string }>;
  switch (code) {
    case 'activities_held':
      query = sql`SELECT count(*) AS n ${from}`;
      break;
    case 'children_reached':
      // Participations: each named child once per activity, plus the other children counted.
      query = sql`
        SELECT coalesce(sum(
          (SELECT count(*) FROM activity_participant ap WHERE ap.activity_id = a.id)
          + (SELECT coalesce(sum((e->>'count')::integer), 0)
             FROM jsonb_array_elements(a.other_participants) e
             WHERE e->>'group' = 'children_unregistered')
        ), 0) AS n ${from}`;
      break;
    case 'life_skills_completed':
      query = sql`
        SELECT count(DISTINCT ap.child_id) AS n
        FROM activity_participant ap
        WHERE ap.completed
          AND ap.activity_id IN (SELECT a.id ${from} AND a.kind = 'life_skills_class')`;
      break;
    case 'officers_trained':
      query = sql`
        SELECT coalesce(sum((e->>'count')::integer), 0) AS n
        FROM (SELECT a.other_participants ${from} AND a.kind = 'officer_training') t,
             jsonb_array_elements(t.other_participants) e
        WHERE e->>'group' IN ('officers', 'volunteers')`;
      break;
  }
  const row = await query.execute(exec);
  return toNumber(row.rows[0]?.n);
}

/** People reached by the communication of the year in the subtree, up to the reference day. */
async function communicationReach(
  exec: Exec,
  unitPath: string,
  year: number,
  referenceDay: string,
): Promise<number> {
  const row = await sql<{ n: string }>`
    SELECT coalesce(sum(m.reach_count), 0) AS n
    FROM communication m
    JOIN admin_unit u ON u.id = m.unit_id
    WHERE u.path <@ ${unitPath}::ltree
      AND m.held_on >= ${`${year}-01-01`}::date
      AND m.held_on <= ${referenceDay}::date`.execute(exec);
  return toNumber(row.rows[0]?.n);
}
