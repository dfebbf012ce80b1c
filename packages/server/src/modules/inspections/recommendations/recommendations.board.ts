import {
  addCalendarDays,
  doneOnTime,
  type FollowUpBoard,
  type FollowUpBoardQuery,
  InspectionTopic,
  RECOMMENDATION_REMINDER_DAYS,
  recommendationState,
  vietnamToday,
} from '@tuoitho/domain';
import { isInScope } from '../../../platform/auth/scope';
import type { AppContext } from '../../../platform/context';
import { invalidField, outOfScope } from '../../../platform/http/errors';
import type { Actor } from '../../../platform/http/route';
import { findUnitByCode, listRecommendationRows, type RecommendationRow } from './recommendations.repo';

type Counts = FollowUpBoard['totals'];

const emptyCounts = (): Counts => ({
  total: 0,
  open: 0,
  inProgress: 0,
  overdue: 0,
  done: 0,
  doneOnTime: 0,
  dueSoon: 0,
});

/** Adds one recommendation to a set of counts on `today`. */
function count(counts: Counts, r: RecommendationRow, today: string, dueSoonUntil: string): void {
  counts.total += 1;
  const state = recommendationState(r.status, r.deadline, today);
  if (state === 'open') counts.open += 1;
  else if (state === 'in_progress') counts.inProgress += 1;
  else if (state === 'overdue') counts.overdue += 1;
  else {
    counts.done += 1;
    if (doneOnTime(r.deadline, r.completed_on)) counts.doneOnTime += 1;
  }
  if ((state === 'open' || state === 'in_progress') && r.deadline <= dueSoonUntil) counts.dueSoon += 1;
}

function bucket<K>(map: Map<K, Counts>, key: K): Counts {
  let counts = map.get(key);
  if (!counts) {
    counts = emptyCounts();
    map.set(key, counts);
  }
  return counts;
}

/**
 * The follow-up board of a unit's subtree (default the caller's unit) over the recommendations
 * the caller may read: totals, by responsible unit, by topic and by plan year, on today in Việt
 * Nam. Due soon: open or in progress with the deadline within RECOMMENDATION_REMINDER_DAYS.
 */
export async function followUpBoard(
  ctx: AppContext,
  actor: Actor,
  query: FollowUpBoardQuery,
): Promise<FollowUpBoard> {
  const today = vietnamToday();
  const unitCode = query.unit;
  let unit: { code: string; path: string };
  if (unitCode) {
    const found = await findUnitByCode(ctx.db, unitCode);
    if (!found) throw invalidField('query.unit', 'unit_not_found', 422);
    if (!isInScope(actor, found.path)) throw outOfScope();
    unit = found;
  } else {
    const own = await ctx.db
      .selectFrom('admin_unit')
      .select('code')
      .where('id', '=', actor.unitId)
      .executeTakeFirstOrThrow();
    unit = { code: own.code, path: actor.unitPath };
  }
  const rows = await listRecommendationRows(ctx.db, actor, {
    unitPath: unit.path,
    yearFrom: query.yearFrom,
    yearTo: query.yearTo,
    today,
  });
  const dueSoonUntil = addCalendarDays(today, RECOMMENDATION_REMINDER_DAYS);
  const totals = emptyCounts();
  const byUnit = new Map<string, Counts>();
  const unitNames = new Map<string, string>();
  const byTopic = new Map<InspectionTopic, Counts>();
  const byYear = new Map<number, Counts>();
  for (const r of rows) {
    count(totals, r, today, dueSoonUntil);
    count(bucket(byUnit, r.unit_code), r, today, dueSoonUntil);
    unitNames.set(r.unit_code, r.unit_name);
    // A plan may cover several topics: its recommendation counts once under each of them, so the
    // topic rows can add up to more than the total.
    for (const topic of new Set(r.topics))
      count(bucket(byTopic, InspectionTopic.parse(topic)), r, today, dueSoonUntil);
    count(bucket(byYear, r.plan_year), r, today, dueSoonUntil);
  }
  return {
    unitCode: unit.code,
    asOf: today,
    totals,
    byUnit: [...byUnit.entries()]
      .map(([code, counts]) => ({ unitCode: code, unitName: unitNames.get(code) ?? code, ...counts }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || a.unitCode.localeCompare(b.unitCode)),
    byTopic: InspectionTopic.options
      .filter((topic) => byTopic.has(topic))
      .map((topic) => ({ topic, ...byTopic.get(topic)! })),
    byYear: [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, counts]) => ({ year, ...counts })),
  };
}
