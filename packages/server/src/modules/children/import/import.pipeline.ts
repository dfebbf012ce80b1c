import { createHash, randomUUID } from 'node:crypto';
import {
  type ChildImportSummary,
  type CreateChildRequest,
  classifyDuplicate,
  type DuplicateSubject,
  foldVietnamese,
  type ImportColumnMapping,
  type ImportDecision,
  isBlankRow,
  readImportRow,
  scoreDuplicate,
} from '@tuoitho/domain';
import type { Kysely } from 'kysely';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { DB } from '../../../platform/db/schema';
import { PermanentJobError } from '../../../platform/jobs/jobs';
import { childValuesOf, specialCircumstanceValuesOf } from '../children.values';
import { type DuplicateRow, type ImportedChild, ImportRepo, type IssueRow } from './import.repo';
import { openImportFile } from './import-file';

/** Who runs an import: a signed-in officer, or the operator's CLI (no user, a unit's province as scope). */
export type ImportActor = { userId: string | null; username: string | null; scopePath: string };

/** The import as the pipeline needs it. */
export type ImportTarget = { id: string; unitId: number; unitCode: string; fileName: string; sha256: string };

export type Progress = (done: number, total?: number | null, stage?: string | null) => void;

/** Rows checked against the registry per query. */
const BATCH = 1000;
/** Rows between two progress reports. */
const PROGRESS_EVERY = 500;

export const emptySummary = (): ChildImportSummary => ({
  rows: 0,
  valid: 0,
  invalid: 0,
  warnings: 0,
  duplicates: 0,
  alreadyImported: 0,
  created: 0,
  skipped: 0,
});

/**
 * The identity of an imported row inside its unit: the same row imported again (same content,
 * whatever its date format, spacing or diacritics) gets the same key, and the unique index on
 * `child.import_key` makes the second import add nothing.
 */
export function importKeyOf(unitId: number, fingerprint: string): string {
  return createHash('sha256').update(`${unitId}\u0000${fingerprint}`).digest('base64url');
}

type CheckedRow = { row: number; key: string; child: CreateChildRequest };

function subjectOf(child: CreateChildRequest): DuplicateSubject {
  return {
    fullName: child.fullName,
    sex: child.sex,
    dateOfBirth: child.dateOfBirth,
    personalId: child.personalId ?? null,
    caregiverNames: (child.caregivers ?? []).map((c) => c.fullName),
    householdHeadName: child.household?.headName ?? null,
    village: child.residence?.village ?? null,
  };
}

/**
 * Reads the file row by row and yields every data row with its findings. Repeated rows (the
 * same key twice in the file) are reported as warnings and yielded once; a personal id used by
 * two different rows is an error of the second row.
 */
async function* checkRows(
  content: Buffer,
  target: ImportTarget,
  referenceDate: string,
  onColumns: (columns: ImportColumnMapping[]) => void,
): AsyncGenerator<{ row: number; issues: IssueRow[]; checked: CheckedRow | null; repeated: boolean }> {
  const file = await openImportFile(content, target.fileName);
  onColumns(file.columns);
  const headerOf = new Map(file.columns.filter((c) => c.field).map((c) => [c.field, c.header]));
  const seenKeys = new Map<string, number>();
  const seenIds = new Map<string, number>();
  for await (const { rowNumber, cells } of file.rows()) {
    if (isBlankRow(cells)) continue;
    const result = readImportRow(rowNumber, cells, file.columns, {
      unitCode: target.unitCode,
      referenceDate,
    });
    const issues: IssueRow[] = result.issues.map((issue) => ({
      row: rowNumber,
      field: issue.field,
      column: issue.field ? (headerOf.get(issue.field) ?? null) : null,
      code: issue.code,
      severity: issue.severity,
      value: issue.value,
    }));
    if (!result.child || !result.fingerprint) {
      yield { row: rowNumber, issues, checked: null, repeated: false };
      continue;
    }
    const key = importKeyOf(target.unitId, result.fingerprint);
    const firstRow = seenKeys.get(key);
    if (firstRow !== undefined) {
      issues.push({
        row: rowNumber,
        field: null,
        column: null,
        code: 'import_row_repeated',
        severity: 'warning',
        value: String(firstRow),
      });
      yield { row: rowNumber, issues, checked: null, repeated: true };
      continue;
    }
    seenKeys.set(key, rowNumber);
    const personalId = result.child.personalId;
    if (personalId) {
      const other = seenIds.get(personalId);
      if (other !== undefined) {
        issues.push({
          row: rowNumber,
          field: 'personalId',
          column: headerOf.get('personalId') ?? null,
          code: 'import_personal_id_repeated',
          severity: 'error',
          value: personalId,
        });
        yield { row: rowNumber, issues, checked: null, repeated: false };
        continue;
      }
      seenIds.set(personalId, rowNumber);
    }
    yield { row: rowNumber, issues, checked: { row: rowNumber, key, child: result.child }, repeated: false };
  }
}

/**
 * The dry run: every row checked, its findings stored (errors and warnings per cell, possible
 * duplicates in the actor's scope, rows imported before), nothing written to the registry.
 */
export async function analyseImport(
  db: Kysely<DB>,
  target: ImportTarget,
  actor: ImportActor,
  content: Buffer,
  opts: { referenceDate: string; progress?: Progress },
): Promise<{ summary: ChildImportSummary; columns: ImportColumnMapping[] }> {
  const repo = new ImportRepo(db);
  const progress = opts.progress ?? (() => {});
  await repo.clearFindings(target.id);
  const summary = emptySummary();
  let columns: ImportColumnMapping[] = [];
  let issues: IssueRow[] = [];
  let batch: CheckedRow[] = [];
  const duplicates: DuplicateRow[] = [];

  const checkBatch = async () => {
    const rows = batch;
    batch = [];
    const imported = await repo.existingImportKeys(
      db,
      rows.map((r) => r.key),
    );
    const fresh = rows.filter((r) => !imported.has(r.key));
    summary.alreadyImported += rows.length - fresh.length;
    const takenIds = await repo.takenPersonalIds(
      db,
      fresh.flatMap((r) => (r.child.personalId ? [r.child.personalId] : [])),
    );
    const candidates = await repo.duplicateCandidates(
      { unitPath: actor.scopePath },
      [...takenIds],
      [...new Set(fresh.map((r) => foldVietnamese(r.child.fullName)))],
    );
    const byName = new Map<string, typeof candidates>();
    const byId = new Map<string, (typeof candidates)[number]>();
    for (const c of candidates) {
      byName.set(c.name_folded, [...(byName.get(c.name_folded) ?? []), c]);
      if (c.personal_id) byId.set(c.personal_id, c);
    }
    for (const r of fresh) {
      const found = new Map<string, (typeof candidates)[number]>();
      for (const c of byName.get(foldVietnamese(r.child.fullName)) ?? []) found.set(c.id, c);
      const sameId = r.child.personalId ? byId.get(r.child.personalId) : undefined;
      if (sameId) found.set(sameId.id, sameId);
      if (r.child.personalId && takenIds.has(r.child.personalId) && !sameId) {
        // The number belongs to a child outside the actor's scope: not shown, but not importable.
        issues.push({
          row: r.row,
          field: 'personalId',
          column: null,
          code: 'import_personal_id_taken',
          severity: 'error',
          value: r.child.personalId,
        });
        summary.invalid++;
        summary.valid--;
        continue;
      }
      const probe = subjectOf(r.child);
      let isDuplicate = false;
      for (const c of found.values()) {
        const household = c.household as { headName?: string | null } | null;
        const caregivers = (c.caregivers as Array<{ fullName: string }> | null) ?? [];
        const { score, reasons } = scoreDuplicate(probe, {
          fullName: c.full_name,
          sex: c.sex,
          dateOfBirth: c.date_of_birth,
          personalId: c.personal_id,
          caregiverNames: caregivers.map((g) => g.fullName),
          householdHeadName: household?.headName ?? null,
          village: c.village,
        });
        if (classifyDuplicate(score) === 'unlikely') continue;
        duplicates.push({ row: r.row, childId: c.id, score, reasons });
        isDuplicate = true;
      }
      if (isDuplicate) summary.duplicates++;
    }
  };

  progress(0, null, 'reading');
  for await (const result of checkRows(content, target, opts.referenceDate, (c) => {
    columns = c;
  })) {
    summary.rows++;
    issues.push(...result.issues);
    const hasError = result.issues.some((i) => i.severity === 'error');
    if (hasError) summary.invalid++;
    else summary.valid++;
    if (!hasError && result.issues.length > 0) summary.warnings++;
    if (result.repeated) summary.skipped++;
    if (result.checked) batch.push(result.checked);
    if (batch.length >= BATCH) await checkBatch();
    if (issues.length >= 5000) {
      await repo.insertIssues(target.id, issues);
      issues = [];
    }
    if (summary.rows % PROGRESS_EVERY === 0) progress(summary.rows, null, 'checking');
  }
  if (batch.length > 0) await checkBatch();
  progress(summary.rows, summary.rows, 'duplicates');
  await repo.insertIssues(target.id, issues);
  await repo.insertDuplicates(target.id, duplicates);
  return { summary, columns };
}

/** What the officer decided for the possible duplicates: row → create or skip. */
export type Decisions = ReadonlyMap<number, ImportDecision>;

/**
 * Writes the analysed file into the registry in one transaction: all rows or none. Rows imported
 * before, repeated rows and duplicates the officer chose to skip are left out; one audit row
 * records the import (each child carries `import_id`, so its history leads to it).
 */
export async function commitImport(
  db: Kysely<DB>,
  target: ImportTarget,
  actor: ImportActor,
  content: Buffer,
  decisions: Decisions,
  opts: {
    referenceDate: string;
    progress?: Progress;
    expectedRows?: number;
    meta?: { requestId: string; ip: string };
  },
): Promise<ChildImportSummary> {
  const repo = new ImportRepo(db);
  const progress = opts.progress ?? (() => {});
  const summary = emptySummary();
  const statusReason = `Nhập từ tệp ${target.fileName}`;
  progress(0, opts.expectedRows ?? null, 'writing');
  await db.transaction().execute(async (tx) => {
    let pending: ImportedChild[] = [];
    const flush = async () => {
      const rows = pending;
      pending = [];
      const imported = await repo.existingImportKeys(
        tx,
        rows.map((r) => r.importKey),
      );
      const fresh = rows.filter((r) => !imported.has(r.importKey));
      summary.alreadyImported += rows.length - fresh.length;
      summary.skipped += rows.length - fresh.length;
      await repo.insertChildren(tx, target.id, fresh, actor.userId, statusReason);
      summary.created += fresh.length;
    };
    for await (const result of checkRows(content, target, opts.referenceDate, () => {})) {
      summary.rows++;
      if (result.issues.some((i) => i.severity === 'error')) {
        // The file or the date changed since the dry run (a child turned 16 overnight, say).
        throw new PermanentJobError('import_changed', `row ${result.row} no longer passes the checks`);
      }
      summary.valid++;
      if (result.repeated) summary.skipped++;
      if (!result.checked) continue;
      if (decisions.get(result.row) === 'skip') {
        summary.skipped++;
        continue;
      }
      const { child, key } = result.checked;
      const values = childValuesOf(child, target.unitId);
      pending.push({
        id: randomUUID(),
        values,
        importKey: key,
        specialCircumstances: specialCircumstanceValuesOf(child.specialCircumstances ?? []),
      });
      if (pending.length >= BATCH) await flush();
      if (summary.rows % PROGRESS_EVERY === 0) progress(summary.rows, opts.expectedRows ?? null, 'writing');
    }
    await flush();
    await writeAuditInTx(
      tx,
      {
        actor: actor.userId ? { userId: actor.userId, username: actor.username ?? '' } : null,
        meta: opts.meta ? { ...opts.meta, lang: 'vi', userAgent: undefined } : null,
      },
      {
        action: 'child.import',
        entityType: 'child_import',
        entityId: target.id,
        unitId: target.unitId,
        details: {
          fileName: target.fileName,
          sha256: target.sha256,
          rows: summary.rows,
          created: summary.created,
          skipped: summary.skipped,
          alreadyImported: summary.alreadyImported,
        },
      },
    );
    await repo.update(tx, target.id, {
      status: 'committed',
      committedAt: new Date(),
      ...(actor.userId ? { committedBy: actor.userId } : {}),
      dropContent: true,
    });
  });
  progress(summary.rows, summary.rows, 'done');
  return summary;
}
