import {
  birthRangeForAges,
  CaseAction,
  type CaseState,
  type CfSystemFigure,
  type CfSystemValue,
  percentOf,
  referenceDateOfYear,
  replayCase,
} from '@tuoitho/domain';
import { sql } from 'kysely';
import type { SecretBox } from '../../platform/crypto';
import { loadCaseCalendar } from '../cases/cases.service';
import { type IndicatorValue, measureIndicator } from '../programmes/programme/indicators.repo';
import type { Exec } from '../programmes/scope';

/**
 * The figures of the child-friendly assessment computed from live data for a commune's subtree
 * and a year. The reference day is 31/12 of the year, or today for the current year. Every query
 * is scoped by the unit path (`u.path <@ path`).
 *
 * - `birth_registration`: children in the registry under 16 and living in the subtree on the
 *   reference day (not merged, not moved away or dead before it) whose birth registration says
 *   `registered: true`, over all of them. The registry holds today's registration facts.
 * - `special_circumstance_supported`: the same children with a special circumstance in force on
 *   the reference day; supported = a benefit enrolment in force on that day, or a case received
 *   by that day that is still open or was received in the year.
 * - `protection_plan_on_time`: cases received in the year (case year) with a concern of sexual
 *   abuse, abandonment or trafficking, except those closed as unfounded, duplicate or transferred;
 *   on time = the first plan was approved and every `plan` and `plan_approval` clock started up to
 *   that approval was met by its (extended) deadline. A case with no approval yet whose clocks are
 *   all still within their deadline is pending and not counted; one past a deadline counts as late.
 * - `child_injuries`, `drowning_deaths`, `preschool_5y` (current year only), `activities_held`:
 *   the programme indicators of the same names (`measureIndicator`).
 */

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const PLAN_CONCERNS = ['sexual_abuse', 'abandonment', 'trafficking'];
const EXCLUDED_CLOSURES = new Set(['unfounded', 'duplicate', 'transferred']);

export type PlanTimeliness = 'on_time' | 'late' | 'pending' | 'excluded';

/** Whether a case's support plan was approved on time (see the module comment). */
export function planTimeliness(state: CaseState, asOf: Date): PlanTimeliness {
  if (state.closure && EXCLUDED_CLOSURES.has(state.closure.reason)) return 'excluded';
  const approvals = state.plans.flatMap((p) => (p.approval ? [Date.parse(p.approval.approvedAt)] : []));
  const approvedAt = approvals.length > 0 ? Math.min(...approvals) : null;
  const until = approvedAt ?? asOf.getTime();
  const clocks = state.clocks.filter(
    (clock) =>
      (clock.step === 'plan' || clock.step === 'plan_approval') && Date.parse(clock.startedAt) <= until,
  );
  const metInTime = (clock: CaseState['clocks'][number]) =>
    clock.completedAt !== null && Date.parse(clock.completedAt) <= Date.parse(clock.dueAt);
  if (approvedAt !== null) return clocks.every(metInTime) ? 'on_time' : 'late';
  const late = clocks.some(
    (clock) =>
      clock.stoppedAt !== null ||
      (clock.completedAt !== null && !metInTime(clock)) ||
      (clock.completedAt === null && Date.parse(clock.dueAt) < asOf.getTime()),
  );
  return late ? 'late' : 'pending';
}

const toNumber = (value: unknown) => Number(value ?? 0);

function shareOf(numerator: number, denominator: number): IndicatorValue {
  return { value: percentOf(numerator, denominator), numerator, denominator };
}

/** The child `c` lives in the subtree on the day: not moved away or dead before it. */
const presentOn = (day: string) =>
  sql<boolean>`NOT (c.status IN ('moved_away', 'deceased')
    AND (c.status_changed_at IS NULL OR (c.status_changed_at AT TIME ZONE ${TIME_ZONE})::date < ${day}::date))`;

/** Children under 16 of the subtree on the reference day. */
function childrenOn(unitPath: string, day: string) {
  const { bornAfter, bornOnOrBefore } = birthRangeForAges(day, 0, 16);
  return sql`
    FROM child c
    JOIN admin_unit u ON u.id = c.unit_id
    WHERE u.path <@ ${unitPath}::ltree
      AND c.merged_into IS NULL
      AND c.birth_reference_date > ${bornAfter}::date
      AND c.birth_reference_date <= ${bornOnOrBefore}::date
      AND ${presentOn(day)}`;
}

async function birthRegistration(exec: Exec, unitPath: string, day: string): Promise<IndicatorValue> {
  const { rows } = await sql<{ denominator: string; numerator: string }>`
    SELECT count(*) AS denominator,
           count(*) FILTER (WHERE (c.birth_registration->>'registered')::boolean IS TRUE) AS numerator
    ${childrenOn(unitPath, day)}`.execute(exec);
  return shareOf(toNumber(rows[0]?.numerator), toNumber(rows[0]?.denominator));
}

async function specialCircumstanceSupported(
  exec: Exec,
  unitPath: string,
  year: number,
  day: string,
): Promise<IndicatorValue> {
  const { rows } = await sql<{ denominator: string; numerator: string }>`
    SELECT count(*) AS denominator,
           count(*) FILTER (WHERE
             EXISTS (SELECT 1 FROM benefit_enrolment e
                     WHERE e.child_id = c.id AND e.start_date <= ${day}::date
                       AND (e.end_date >= ${day}::date OR (e.end_date IS NULL AND e.status = 'active')))
             OR EXISTS (SELECT 1 FROM child_case k
                        WHERE k.child_id = c.id AND k.received_at < ((${day}::date + 1)::timestamp AT TIME ZONE ${TIME_ZONE})
                          AND (k.status <> 'closed' OR k.case_year = ${year}))
           ) AS numerator
    ${childrenOn(unitPath, day)}
      AND EXISTS (SELECT 1 FROM child_special_circumstance s
                  WHERE s.child_id = c.id AND s.start_date <= ${day}::date
                    AND (s.end_date IS NULL OR s.end_date >= ${day}::date))`.execute(exec);
  return shareOf(toNumber(rows[0]?.numerator), toNumber(rows[0]?.denominator));
}

async function protectionPlanOnTime(
  exec: Exec,
  secrets: SecretBox,
  unitPath: string,
  year: number,
  asOf: Date,
): Promise<IndicatorValue> {
  const cases = await sql<{ id: string; received_at: Date }>`
    SELECT k.id, k.received_at
    FROM child_case k
    JOIN admin_unit u ON u.id = k.unit_id
    WHERE u.path <@ ${unitPath}::ltree
      AND k.case_year = ${year}
      AND k.concerns && ${sql.val(PLAN_CONCERNS)}::text[]`.execute(exec);
  let numerator = 0;
  let denominator = 0;
  for (const kase of cases.rows) {
    const rows = await exec
      .selectFrom('case_action')
      .select('payload_encrypted')
      .where('case_id', '=', kase.id)
      .orderBy('seq')
      .execute();
    const actions = rows.map((r) => CaseAction.parse(JSON.parse(secrets.decrypt(r.payload_encrypted))));
    const state = replayCase(actions, await loadCaseCalendar(exec, new Date(kase.received_at)));
    const timeliness = planTimeliness(state, asOf);
    if (timeliness === 'on_time' || timeliness === 'late') denominator += 1;
    if (timeliness === 'on_time') numerator += 1;
  }
  return shareOf(numerator, denominator);
}

/** One figure for a unit subtree and a year; `today` is the day in Vietnam. */
export async function measureCfFigure(
  exec: Exec,
  secrets: SecretBox,
  figure: CfSystemFigure,
  unitPath: string,
  year: number,
  today: string,
): Promise<CfSystemValue> {
  const asOf = referenceDateOfYear(year, today);
  const value = await (async (): Promise<IndicatorValue> => {
    if (year > Number(today.slice(0, 4))) return { value: null, numerator: null, denominator: null };
    switch (figure) {
      case 'birth_registration':
        return birthRegistration(exec, unitPath, asOf);
      case 'special_circumstance_supported':
        return specialCircumstanceSupported(exec, unitPath, year, asOf);
      case 'protection_plan_on_time':
        return protectionPlanOnTime(
          exec,
          secrets,
          unitPath,
          year,
          asOf === today ? new Date() : new Date(Date.parse(`${asOf}T00:00:00+07:00`) + 86_400_000),
        );
      case 'child_injuries':
      case 'drowning_deaths':
      case 'preschool_5y':
      case 'activities_held':
        return measureIndicator(exec, figure, { unitPath }, year, today);
    }
  })();
  return { figure, ...value, asOf };
}
