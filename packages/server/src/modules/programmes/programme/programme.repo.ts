import type { ProgrammeBudgetLine, ProgrammeTargetInput } from '@tuoitho/domain';
import { sql, type Transaction } from 'kysely';
import { likeContains } from '../../../platform/db/like';
import type { DB } from '../../../platform/db/schema';
import type { Actor } from '../../../platform/http/route';
import { type Exec, inSubtreeOrAboveSql, inSubtreeSql } from '../scope';

/** A programme row with its running unit. */
export interface ProgrammeRow {
  id: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  kind: string;
  name: string;
  theme: string | null;
  year_from: number;
  year_to: number;
  description: string | null;
  lead_organisation: string;
  partner_organisations: string[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface TargetRow {
  id: string;
  programme_id: string;
  seq: number;
  indicator_code: string | null;
  label: string;
  direction: 'at_least' | 'at_most';
  target_value: string;
  unit_of_measure: string;
  target_year: number;
  baseline_year: number | null;
  manual_value: string | null;
  manual_note: string | null;
}

/** The parts of a page of programmes, by programme id. */
export interface ProgrammeParts {
  units: Map<string, { code: string; name: string }[]>;
  documents: Map<string, { id: string; number: string; title: string }[]>;
  targets: Map<string, TargetRow[]>;
  budget: Map<string, ProgrammeBudgetLine[]>;
  activityCounts: Map<string, number>;
}

export interface ProgrammeFilter {
  q?: string;
  kind?: string;
  year?: number;
  /** Programmes that apply to this unit: in its subtree or above it. */
  unitPath?: string;
}

export interface ProgrammeValues {
  kind: string;
  name: string;
  theme: string | null;
  year_from: number;
  year_to: number;
  description: string | null;
  lead_organisation: string;
  partner_organisations: string[];
}

function selectProgramme(exec: Exec) {
  return exec
    .selectFrom('programme as p')
    .innerJoin('admin_unit as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.unit_id',
      'u.code as unit_code',
      'u.full_name as unit_name',
      'u.path as unit_path',
      'p.kind',
      'p.name',
      'p.theme',
      'p.year_from',
      'p.year_to',
      'p.description',
      'p.lead_organisation',
      'p.partner_organisations',
      'p.version',
      'p.created_at',
      'p.updated_at',
    ]);
}

/** A programme by id whatever the caller (scope is checked by the service), optionally locked. */
export async function findProgrammeRow(
  exec: Exec,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ProgrammeRow | undefined> {
  let query = selectProgramme(exec).where('p.id', '=', id);
  if (opts.forUpdate) query = query.forUpdate('p');
  return query.executeTakeFirst();
}

/**
 * A page of the programmes the caller reads (their subtree and the units above), newest first
 * by starting year; `after` is the last row of the previous page.
 */
export function listProgrammeRows(
  exec: Exec,
  actor: Actor,
  filter: ProgrammeFilter,
  limit: number,
  after: { yearFrom: number; id: string } | undefined,
): Promise<ProgrammeRow[]> {
  let query = selectProgramme(exec).where(inSubtreeOrAboveSql('u.path', actor));
  if (filter.unitPath) {
    const path = filter.unitPath;
    query = query.where(sql<boolean>`(u.path <@ ${path}::ltree OR u.path @> ${path}::ltree)`);
  }
  if (filter.q) query = query.where(sql<boolean>`p.name_folded LIKE vn_fold(${likeContains(filter.q)})`);
  if (filter.kind) query = query.where('p.kind', '=', filter.kind);
  if (filter.year !== undefined) {
    query = query.where('p.year_from', '<=', filter.year).where('p.year_to', '>=', filter.year);
  }
  if (after) query = query.where(sql<boolean>`(p.year_from, p.id) < (${after.yearFrom}, ${after.id}::uuid)`);
  return query.orderBy('p.year_from', 'desc').orderBy('p.id', 'desc').limit(limit).execute();
}

/**
 * Participating units, documents the caller may read, targets, budget lines and the number of
 * the programme's activities inside the caller's subtree, for a page of programmes.
 */
export async function loadProgrammeParts(exec: Exec, actor: Actor, ids: string[]): Promise<ProgrammeParts> {
  const parts: ProgrammeParts = {
    units: new Map(),
    documents: new Map(),
    targets: new Map(),
    budget: new Map(),
    activityCounts: new Map(),
  };
  if (ids.length === 0) return parts;
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const [units, documents, targets, budget, counts] = await Promise.all([
    exec
      .selectFrom('programme_unit as pu')
      .innerJoin('admin_unit as u', 'u.id', 'pu.unit_id')
      .select(['pu.programme_id', 'u.code', 'u.full_name as name'])
      .where('pu.programme_id', 'in', ids)
      .orderBy('u.code')
      .execute(),
    exec
      .selectFrom('programme_document as pd')
      .innerJoin('plan_document as d', 'd.id', 'pd.document_id')
      .innerJoin('admin_unit as u', 'u.id', 'd.unit_id')
      .select(['pd.programme_id', 'd.id', 'd.number', 'd.title'])
      .where('pd.programme_id', 'in', ids)
      .where(inSubtreeOrAboveSql('u.path', actor))
      .orderBy('d.issued_on')
      .orderBy('d.id')
      .execute(),
    exec.selectFrom('programme_target').selectAll().where('programme_id', 'in', ids).orderBy('seq').execute(),
    exec
      .selectFrom('programme_budget')
      .selectAll()
      .where('programme_id', 'in', ids)
      .orderBy('budget_year')
      .orderBy('source')
      .execute(),
    exec
      .selectFrom('activity as a')
      .innerJoin('admin_unit as u', 'u.id', 'a.unit_id')
      .select(['a.programme_id', (eb) => eb.fn.countAll<string>().as('count')])
      .where('a.programme_id', 'in', ids)
      .where(inSubtreeSql('u.path', actor))
      .groupBy('a.programme_id')
      .execute(),
  ]);
  for (const u of units) push(parts.units, u.programme_id, { code: u.code, name: u.name });
  for (const d of documents)
    push(parts.documents, d.programme_id, { id: d.id, number: d.number, title: d.title });
  for (const t of targets) push(parts.targets, t.programme_id, t);
  for (const b of budget) {
    push(parts.budget, b.programme_id, {
      year: b.budget_year,
      source: b.source as ProgrammeBudgetLine['source'],
      planned: Number(b.planned_vnd),
      spent: Number(b.spent_vnd),
    });
  }
  for (const c of counts) if (c.programme_id) parts.activityCounts.set(c.programme_id, Number(c.count));
  return parts;
}

/** Current units by code, with their paths. */
export function findUnitsByCode(exec: Exec, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return exec
    .selectFrom('admin_unit')
    .select(['id', 'code', 'path'])
    .where('code', 'in', codes)
    .where('valid_to', 'is', null)
    .execute();
}

/** Of the given documents, the ids the caller may read (their subtree and the units above). */
export async function readableDocumentIds(exec: Exec, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await exec
    .selectFrom('plan_document as d')
    .innerJoin('admin_unit as u', 'u.id', 'd.unit_id')
    .select('d.id')
    .where('d.id', 'in', ids)
    .where(inSubtreeOrAboveSql('u.path', actor))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The documents linked to a programme. */
export async function linkedDocumentIds(exec: Exec, programmeId: string): Promise<string[]> {
  const rows = await exec
    .selectFrom('programme_document')
    .select('document_id')
    .where('programme_id', '=', programmeId)
    .execute();
  return rows.map((r) => r.document_id);
}

/** The targets of a programme, in order. */
export function programmeTargets(exec: Exec, programmeId: string): Promise<TargetRow[]> {
  return exec
    .selectFrom('programme_target')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('seq')
    .execute();
}

export async function insertProgramme(
  tx: Transaction<DB>,
  values: ProgrammeValues & { unit_id: number; created_by: string },
): Promise<string> {
  const row = await tx
    .insertInto('programme')
    .values({ ...values, updated_by: values.created_by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates the programme if it is still at `version`; false when someone changed it first. */
export async function updateProgrammeRow(
  tx: Transaction<DB>,
  id: string,
  version: number,
  values: ProgrammeValues & { updated_by: string },
): Promise<boolean> {
  const result = await tx
    .updateTable('programme')
    .set({ ...values, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the participating units, the linked documents and the budget lines. */
export async function replaceProgrammeLinks(
  tx: Transaction<DB>,
  id: string,
  links: { unitIds: number[]; documentIds: string[]; budget: ProgrammeBudgetLine[] },
): Promise<void> {
  await tx.deleteFrom('programme_unit').where('programme_id', '=', id).execute();
  await tx.deleteFrom('programme_document').where('programme_id', '=', id).execute();
  await tx.deleteFrom('programme_budget').where('programme_id', '=', id).execute();
  if (links.unitIds.length > 0) {
    await tx
      .insertInto('programme_unit')
      .values(links.unitIds.map((unit_id) => ({ programme_id: id, unit_id })))
      .execute();
  }
  if (links.documentIds.length > 0) {
    await tx
      .insertInto('programme_document')
      .values(links.documentIds.map((document_id) => ({ programme_id: id, document_id })))
      .execute();
  }
  if (links.budget.length > 0) {
    await tx
      .insertInto('programme_budget')
      .values(
        links.budget.map((b) => ({
          programme_id: id,
          budget_year: b.year,
          source: b.source,
          planned_vnd: b.planned,
          spent_vnd: b.spent,
        })),
      )
      .execute();
  }
}

const targetValues = (t: ProgrammeTargetInput, seq: number) => ({
  seq,
  indicator_code: t.indicatorCode,
  label: t.label,
  direction: t.direction,
  target_value: t.value,
  unit_of_measure: t.unitOfMeasure,
  target_year: t.year,
  baseline_year: t.baselineYear,
  manual_value: t.indicatorCode ? null : t.manualValue,
  manual_note: t.manualNote,
});

/**
 * Makes the programme's targets those given, in order: a target with an id (of this programme)
 * is kept and updated, one without is inserted, and the targets left out are deleted.
 */
export async function syncTargets(
  tx: Transaction<DB>,
  programmeId: string,
  targets: (ProgrammeTargetInput & { id?: string | undefined })[],
): Promise<void> {
  const kept = targets.map((t) => t.id).filter((id): id is string => Boolean(id));
  let remove = tx.deleteFrom('programme_target').where('programme_id', '=', programmeId);
  if (kept.length > 0) remove = remove.where('id', 'not in', kept);
  await remove.execute();
  for (const [seq, target] of targets.entries()) {
    if (target.id) {
      await tx
        .updateTable('programme_target')
        .set(targetValues(target, seq))
        .where('id', '=', target.id)
        .where('programme_id', '=', programmeId)
        .execute();
    } else {
      await tx
        .insertInto('programme_target')
        .values({ programme_id: programmeId, ...targetValues(target, seq) })
        .execute();
    }
  }
}
