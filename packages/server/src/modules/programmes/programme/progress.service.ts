import {
  ActivityKind,
  FundingSource,
  type ProgrammeIndicatorCode,
  type ProgrammeIndicatorQuery,
  type ProgrammeIndicatorValue,
  type ProgrammeProgress,
  type ProgrammeProgressQuery,
  referenceDateOfYear,
  type TargetProgress,
  targetAchievement,
  targetStatus,
  vietnamToday,
} from '@tuoitho/domain';
import { sql } from 'kysely';
import { isInScope } from '../../../platform/auth/scope';
import type { AppContext } from '../../../platform/context';
import { invalidField, notFound, outOfScope } from '../../../platform/http/errors';
import type { Actor } from '../../../platform/http/route';
import { assertReadable, type Exec, findCurrentUnit, type UnitRow, unitInScope } from '../scope';
import { type IndicatorValue, measureIndicator, measureIndicatorSeries } from './indicators.repo';
import { findProgrammeRow, type ProgrammeRow, programmeTargets, type TargetRow } from './programme.repo';

/** A programme's targets against what has been done, its budget and its activities, for a unit. */
export class ProgressService {
  constructor(private readonly ctx: AppContext) {}

  /**
   * The progress of a programme the caller reads, measured for `unit` (in the caller's subtree;
   * default the programme's unit when the caller covers it, else the caller's own unit).
   */
  async getProgress(
    actor: Actor,
    id: string,
    query: ProgrammeProgressQuery,
    today = vietnamToday(),
  ): Promise<ProgrammeProgress> {
    const db = this.ctx.db;
    const programme = await findProgrammeRow(db, id);
    if (!programme) throw notFound();
    assertReadable(actor, programme.unit_path, true);
    const unit = await this.measuredUnit(actor, programme, query.unit);
    const [targets, budget, activities] = await Promise.all([
      this.targetsProgress(db, programme, unit.path, today),
      budgetBySource(db, programme.id, unit.path),
      activitySummary(db, programme.id, unit.path),
    ]);
    return {
      programmeId: id,
      unitCode: unit.code,
      unitName: unit.name,
      asOf: today,
      targets,
      budget,
      activities,
    };
  }

  /** One computed figure for a unit of the caller's subtree (default their own) and a year (default this one). */
  async getIndicator(
    actor: Actor,
    query: ProgrammeIndicatorQuery,
    today = vietnamToday(),
  ): Promise<ProgrammeIndicatorValue> {
    const unit = await unitInScope(this.ctx.db, actor, query.unit, 'query.unit');
    const year = query.year ?? Number(today.slice(0, 4));
    const value = await measureIndicator(
      this.ctx.db,
      query.code,
      { unitPath: unit.path, baselineYear: query.baselineYear ?? null },
      year,
      today,
    );
    return {
      code: query.code,
      unitCode: unit.code,
      unitName: unit.name,
      year,
      asOf: referenceDateOfYear(year, today),
      ...value,
    };
  }

  private async measuredUnit(
    actor: Actor,
    programme: ProgrammeRow,
    code: string | undefined,
  ): Promise<UnitRow> {
    if (code) {
      const unit = await findCurrentUnit(this.ctx.db, code);
      if (!unit) throw invalidField('query.unit', 'unit_not_found', 422);
      if (!isInScope(actor, unit.path)) throw outOfScope();
      return unit;
    }
    const own = isInScope(actor, programme.unit_path) ? programme.unit_id : actor.unitId;
    return this.ctx.db
      .selectFrom('admin_unit')
      .select(['id', 'code', 'level', 'path', 'full_name as name', 'province_code'])
      .where('id', '=', own)
      .executeTakeFirstOrThrow();
  }

  /** Each target's value in its year (or this year if the target lies ahead) and by year. */
  private async targetsProgress(
    exec: Exec,
    programme: ProgrammeRow,
    unitPath: string,
    today: string,
  ): Promise<TargetProgress[]> {
    const currentYear = Number(today.slice(0, 4));
    const years: number[] = [];
    for (let y = programme.year_from; y <= Math.min(programme.year_to, currentYear); y++) years.push(y);
    // Targets sharing a code and baseline share their measurements.
    const measured = new Map<string, Promise<IndicatorValue>>();
    const measure = (code: ProgrammeIndicatorCode, baselineYear: number | null, year: number) => {
      const key = `${code}:${baselineYear ?? ''}:${year}`;
      let value = measured.get(key);
      if (!value) {
        value = measureIndicator(
          exec,
          code,
          { unitPath, programmeId: programme.id, baselineYear },
          year,
          today,
        );
        measured.set(key, value);
      }
      return value;
    };
    const rows = await programmeTargets(exec, programme.id);
    // The swimming figures of every year (and target year) in one query each.
    for (const code of ['swim_safe_6_15', 'water_safety_6_15'] as const) {
      if (!rows.some((t) => t.indicator_code === code)) continue;
      const wanted = [...new Set([...years, ...rows.map((t) => Math.min(t.target_year, currentYear))])];
      const series = await measureIndicatorSeries(
        exec,
        code,
        { unitPath, programmeId: programme.id },
        wanted,
        today,
      );
      for (const { year, value } of series)
        for (const t of rows.filter((r) => r.indicator_code === code))
          measured.set(`${code}:${t.baseline_year ?? ''}:${year}`, Promise.resolve(value));
    }
    const result: TargetProgress[] = [];
    // One target after the other: each runs up to a query per year, in order, on one connection.
    for (const t of rows) result.push(await this.targetProgress(t, years, currentYear, measure));
    return result;
  }

  private async targetProgress(
    t: TargetRow,
    years: number[],
    currentYear: number,
    measure: (
      code: ProgrammeIndicatorCode,
      baselineYear: number | null,
      year: number,
    ) => Promise<IndicatorValue>,
  ): Promise<TargetProgress> {
    const target = Number(t.target_value);
    const measuredYear = Math.min(t.target_year, currentYear);
    const code = t.indicator_code as ProgrammeIndicatorCode | null;
    let value: IndicatorValue;
    let series: TargetProgress['series'] = [];
    if (code) {
      value = await measure(code, t.baseline_year, measuredYear);
      for (const year of years)
        series.push({ year, value: (await measure(code, t.baseline_year, year)).value });
    } else {
      const manual = t.manual_value === null ? null : Number(t.manual_value);
      value = { value: manual, numerator: null, denominator: null };
      series = manual === null ? [] : [{ year: measuredYear, value: manual }];
    }
    return {
      targetId: t.id,
      label: t.label,
      indicatorCode: code,
      direction: t.direction,
      target,
      unitOfMeasure: t.unit_of_measure,
      year: t.target_year,
      measuredYear,
      value: value.value,
      numerator: value.numerator,
      denominator: value.denominator,
      status: targetStatus(t.direction, target, value.value),
      achievement: targetAchievement(t.direction, target, value.value),
      source: code ? 'computed' : 'manual',
      note: code ? null : t.manual_note,
      series,
    };
  }
}

/**
 * Planned and spent money by source over the programme's years, and the money spent as recorded
 * on the programme's activities inside the measured subtree.
 */
async function budgetBySource(exec: Exec, programmeId: string, unitPath: string) {
  const [planned, inActivities] = await Promise.all([
    exec
      .selectFrom('programme_budget')
      .select([
        'source',
        (eb) => eb.fn.sum<string>('planned_vnd').as('planned'),
        (eb) => eb.fn.sum<string>('spent_vnd').as('spent'),
      ])
      .where('programme_id', '=', programmeId)
      .groupBy('source')
      .execute(),
    exec
      .selectFrom('activity_budget as b')
      .innerJoin('activity as a', 'a.id', 'b.activity_id')
      .innerJoin('admin_unit as u', 'u.id', 'a.unit_id')
      .select(['b.source', (eb) => eb.fn.sum<string>('b.spent_vnd').as('spent')])
      .where('a.programme_id', '=', programmeId)
      .where(sql<boolean>`u.path <@ ${unitPath}::ltree`)
      .groupBy('b.source')
      .execute(),
  ]);
  return FundingSource.options.map((source) => {
    const line = planned.find((p) => p.source === source);
    return {
      source,
      planned: Number(line?.planned ?? 0),
      spent: Number(line?.spent ?? 0),
      spentInActivities: Number(inActivities.find((p) => p.source === source)?.spent ?? 0),
    };
  });
}

/** The programme's activities inside the measured subtree: how many, of which kinds, who took part. */
async function activitySummary(exec: Exec, programmeId: string, unitPath: string) {
  const scoped = sql`
    FROM activity a
    JOIN admin_unit u ON u.id = a.unit_id
    WHERE a.programme_id = ${programmeId}::uuid AND u.path <@ ${unitPath}::ltree`;
  const [byKind, people, others] = await Promise.all([
    sql<{
      kind: string;
      n: string;
    }>`SELECT a.kind, count(*) AS n ${scoped} GROUP BY a.kind ORDER BY a.kind`.execute(exec),
    sql<{ named: string; completed: string; swim_safe: string }>`
      SELECT count(DISTINCT ap.child_id) AS named,
             count(DISTINCT ap.child_id) FILTER (WHERE ap.completed) AS completed,
             count(DISTINCT ap.child_id) FILTER (WHERE ap.swim_safe AND s.kind = 'swimming_class') AS swim_safe
      FROM activity_participant ap
      JOIN activity s ON s.id = ap.activity_id
      WHERE ap.activity_id IN (SELECT a.id ${scoped})`.execute(exec),
    sql<{ n: string }>`
      SELECT coalesce(sum((e->>'count')::integer), 0) AS n
      FROM (SELECT a.other_participants ${scoped}) t, jsonb_array_elements(t.other_participants) e`.execute(
      exec,
    ),
  ]);
  const kinds = byKind.rows
    .filter((r) => ActivityKind.safeParse(r.kind).success)
    .map((r) => ({ kind: r.kind as ActivityKind, count: Number(r.n) }));
  const p = people.rows[0];
  return {
    count: kinds.reduce((sum, k) => sum + k.count, 0),
    byKind: kinds,
    namedChildren: Number(p?.named ?? 0),
    otherParticipants: Number(others.rows[0]?.n ?? 0),
    completed: Number(p?.completed ?? 0),
    swimSafe: Number(p?.swim_safe ?? 0),
  };
}
