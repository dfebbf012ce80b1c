import {
  CF_EDITABLE_STATUSES,
  type CfAssessment,
  type CfAssessmentStatus,
  type CfAssessmentSummary,
  CfCatalogue,
  type CfIndicatorEntry,
  CfSystemValue,
  type CfUnitCategory,
  scoreAssessment,
} from '@tuoitho/domain';
import type { Selectable } from 'kysely';
import type { CfAssessmentTable, CfAssessmentValueTable } from '../../platform/db/schema-child-friendly';
import { type StoredFileRow, toStoredFile } from '../../platform/files/stored-files';
import type { Actor } from '../../platform/http/route';

/** Assessment rows joined with their unit, parsed into API views with the caller's abilities. */

export type AssessmentRow = Selectable<CfAssessmentTable> & {
  unit_code: string;
  unit_name: string;
  unit_path: string;
};
export type ValueRow = Selectable<CfAssessmentValueTable>;
export type FileRow = StoredFileRow & { indicator_code: string; link_id: string };
export type EventRow = {
  action: CfAssessment['history'][number]['action'];
  at: Date;
  actor_name: string | null;
  note: string | null;
};

const num = (v: string | number | null) => (v === null ? null : Number(v));
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const isEditable = (status: CfAssessmentStatus) => CF_EDITABLE_STATUSES.includes(status);

/** The scoring entries of the stored values: the effective value, answer or points per indicator. */
export function entriesOf(catalogue: CfCatalogue, values: ValueRow[]): Record<string, CfIndicatorEntry> {
  const byCode = new Map(values.map((v) => [v.indicator_code, v]));
  const entries: Record<string, CfIndicatorEntry> = {};
  for (const indicator of catalogue.criteria.flatMap((c) => c.indicators)) {
    const v = byCode.get(indicator.code);
    if (!v) continue;
    const system = v.system_value ? CfSystemValue.parse(v.system_value) : null;
    entries[indicator.code] = {
      value: num(v.value),
      yes: v.yes,
      points: num(v.points),
      noCase: !v.overridden && system !== null && system.denominator === 0,
    };
  }
  return entries;
}

/** The live score of a stored assessment. */
export function scoreOf(row: Pick<AssessmentRow, 'catalogue' | 'category'>, values: ValueRow[]) {
  const catalogue = CfCatalogue.parse(row.catalogue);
  return scoreAssessment(catalogue, entriesOf(catalogue, values), row.category as CfUnitCategory);
}

export function toSummary(row: AssessmentRow): CfAssessmentSummary {
  return {
    id: row.id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    year: row.year,
    status: row.status,
    category: row.category,
    total: Number(row.total),
    threshold: row.threshold,
    passed: row.passed,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export interface Abilities {
  canEdit: boolean;
  canSubmit: boolean;
  canReview: boolean;
}

export function toAssessment(
  row: AssessmentRow,
  values: ValueRow[],
  files: FileRow[],
  events: EventRow[],
  abilities: Abilities,
): CfAssessment {
  const catalogue = CfCatalogue.parse(row.catalogue);
  const score = scoreOf(row, values);
  const points = new Map(score.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i.points])));
  const byCode = new Map(values.map((v) => [v.indicator_code, v]));
  return {
    ...toSummary(row),
    catalogue,
    values: catalogue.criteria
      .flatMap((c) => c.indicators)
      .map((indicator) => {
        const v = byCode.get(indicator.code);
        return {
          code: indicator.code,
          value: v ? num(v.value) : null,
          yes: v?.yes ?? null,
          points:
            indicator.rule.kind === 'manual' ? (v ? num(v.points) : null) : (points.get(indicator.code) ?? 0),
          system: v?.system_value ? CfSystemValue.parse(v.system_value) : null,
          overridden: v?.overridden ?? false,
          note: v?.note ?? null,
          evidenceNote: v?.evidence_note ?? null,
          files: files.filter((f) => f.indicator_code === indicator.code).map(toStoredFile),
        };
      }),
    score,
    returnReason: row.return_reason,
    reviewNote: row.review_note,
    submittedAt: iso(row.submitted_at),
    reviewedAt: iso(row.reviewed_at),
    recognisedAt: iso(row.recognised_at),
    history: events.map((e) => ({
      action: e.action,
      at: new Date(e.at).toISOString(),
      actorName: e.actor_name,
      note: e.note,
    })),
    ...abilities,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The commune itself, holding `childfriendly.assess`, fills in and submits its own assessment. */
export const isAssessor = (actor: Actor, row: Pick<AssessmentRow, 'unit_id'>) =>
  actor.permissions.has('childfriendly.assess') && actor.unitId === row.unit_id;
