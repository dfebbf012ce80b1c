import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type ChildImportSummary, type ImportDecision, importIssueMessage } from '@tuoitho/domain';
import { analyseImport, commitImport, type ImportActor } from '../modules/children/import/import.pipeline';
import { ImportRepo } from '../modules/children/import/import.repo';
import { ImportFileError, openImportFile } from '../modules/children/import/import-file';
import { writeAuditInTx } from '../platform/audit/audit';
import type { Database } from '../platform/db/database';
import { todayInVietnam } from '../platform/time/today';
import { CliError, formatCount, formatDuration, type Output } from './io';

export type ImportCliOptions = {
  file: string;
  unitCode: string;
  dryRun: boolean;
  json: boolean;
  /** What to do with rows that may be children already in the registry (default: skip them). */
  duplicates: ImportDecision;
  /** Progress lines on stderr (off in tests). */
  progress?: boolean;
};

export type ImportCliResult = ChildImportSummary & { importId: string; committed: boolean; seconds: number };

/** Findings printed before the summary; the rest are in the report the web app offers. */
const SHOWN_ISSUES = 30;

/**
 * `tuoitho import children FILE --unit CODE [--dry-run] [--json]`: the same dry run and
 * all-or-nothing commit as the web import, run in this process by the operator (no user: the
 * duplicate check looks at the whole province of the unit). Exit code 1 when the file has errors
 * and `--dry-run` is not given: nothing is written then.
 */
export async function runChildImport(
  database: Database,
  out: Output,
  opts: ImportCliOptions,
): Promise<ImportCliResult> {
  const started = performance.now();
  const file = path.resolve(opts.file);
  if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy tệp ${opts.file}.`);
  const content = fs.readFileSync(file);
  const db = database.db;
  const today = todayInVietnam();
  const unit = await db
    .selectFrom('admin_unit as u')
    .innerJoin('admin_unit as p', (join) =>
      join.on('p.level', '=', 'province').onRef('u.path', '<@', 'p.path'),
    )
    .select(['u.id', 'u.code', 'u.full_name', 'u.level', 'p.path as province_path'])
    .where('u.code', '=', opts.unitCode)
    .where('u.valid_from', '<=', today)
    .where((eb) => eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', today)]))
    .executeTakeFirst();
  if (unit?.level !== 'commune') {
    throw new CliError(`Không có xã, phường, đặc khu mã ${opts.unitCode} đang hiệu lực ngày ${today}.`);
  }
  let format: 'xlsx' | 'csv';
  try {
    format = (await openImportFile(content, path.basename(file))).format;
  } catch (error) {
    if (error instanceof ImportFileError) throw new CliError(`Không đọc được tệp: ${error.message}`);
    throw error;
  }
  const repo = new ImportRepo(db);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const fileName = path.basename(file);
  const importId = await db.transaction().execute(async (tx) => {
    const id = await repo.insert(tx, { unitId: unit.id, fileName, format, sha256, content, createdBy: null });
    await writeAuditInTx(
      tx,
      {},
      {
        action: 'child.import.upload',
        entityType: 'child_import',
        entityId: id,
        unitId: unit.id,
        details: { fileName, size: content.length, sha256, via: 'cli' },
      },
    );
    return id;
  });
  const actor: ImportActor = { userId: null, username: null, scopePath: unit.province_path };
  const target = { id: importId, unitId: unit.id, unitCode: unit.code, fileName, sha256 };
  let lastLine = 0;
  const progress = (done: number, total?: number | null, stage?: string | null) => {
    if (!opts.progress || performance.now() - lastLine < 1000) return;
    lastLine = performance.now();
    out.error(`… ${stage ?? ''} ${formatCount(done)}${total ? `/${formatCount(total)}` : ''} dòng`);
  };
  const { summary, columns } = await analyseImport(db, target, actor, content, {
    referenceDate: today,
    progress,
  });
  await repo.update(db, importId, {
    status: 'analysed',
    summary,
    headerMapping: columns,
    analysedAt: new Date(),
  });

  if (!opts.json) {
    const ignored = columns.filter((c) => !c.field).map((c) => c.header || `#${c.index + 1}`);
    out.info(`Tệp ${fileName} → ${unit.full_name} [${unit.code}]`);
    if (ignored.length > 0) out.info(`Cột không dùng: ${ignored.join(', ')}`);
  }
  if (summary.invalid > 0 || summary.warnings > 0) {
    const issues = await repo.listIssues(importId, SHOWN_ISSUES, undefined);
    for (const i of issues) {
      const where = i.column_header ? `, cột "${i.column_header}"` : '';
      const kind = i.severity === 'error' ? 'Lỗi' : 'Cảnh báo';
      out.error(
        `${kind} dòng ${i.row_number}${where}: ${importIssueMessage(i.code, 'vi', { value: i.value })}`,
      );
    }
    const total = await repo.countIssues(importId);
    if (total > issues.length) out.error(`… và ${formatCount(total - issues.length)} lỗi, cảnh báo khác.`);
  }

  let final = summary;
  let committed = false;
  if (!opts.dryRun && summary.invalid === 0) {
    const duplicates = await repo.listDuplicates(importId);
    const decisions = new Map<number, ImportDecision>();
    for (const d of duplicates) {
      // A row carrying the personal id of a registered child can only be that child.
      const forced = d.reasons.includes('personal_id_match') ? 'skip' : undefined;
      decisions.set(d.row_number, forced ?? decisions.get(d.row_number) ?? opts.duplicates);
    }
    await repo.update(db, importId, { status: 'committing', decisions: [...decisions.entries()] });
    const written = await commitImport(db, target, actor, content, decisions, {
      referenceDate: today,
      expectedRows: summary.rows,
      progress,
    });
    final = { ...summary, created: written.created, skipped: written.skipped };
    await repo.update(db, importId, { summary: final });
    committed = true;
  } else {
    // A dry run (or a refused file) keeps the findings but not the file: it holds personal data.
    await repo.update(db, importId, { status: 'discarded', dropContent: true });
  }
  const seconds = (performance.now() - started) / 1000;
  const result: ImportCliResult = { ...final, importId, committed, seconds: Math.round(seconds * 10) / 10 };
  if (opts.json) {
    out.info(
      JSON.stringify({
        rows: final.rows,
        valid: final.valid,
        invalid: final.invalid,
        warnings: final.warnings,
        created: final.created,
        duplicates: final.duplicates,
        alreadyImported: final.alreadyImported,
        skipped: final.skipped,
        dryRun: opts.dryRun,
        committed,
        importId,
      }),
    );
  } else {
    out.info(
      [
        `Số dòng: ${formatCount(final.rows)}`,
        `hợp lệ: ${formatCount(final.valid)}`,
        `lỗi: ${formatCount(final.invalid)}`,
        `nghi trùng: ${formatCount(final.duplicates)}`,
        `đã nhập trước đây: ${formatCount(final.alreadyImported)}`,
        `đã tạo: ${formatCount(final.created)}`,
        `bỏ qua: ${formatCount(final.skipped)}`,
      ].join(' · '),
    );
    out.info(
      opts.dryRun
        ? `Chạy thử: chưa ghi gì vào sổ (${formatDuration(seconds * 1000)}).`
        : committed
          ? `Đã ghi vào sổ trong ${formatDuration(seconds * 1000)}.`
          : 'Tệp có lỗi: chưa ghi dòng nào vào sổ. Sửa tệp rồi chạy lại.',
    );
  }
  if (!opts.dryRun && summary.invalid > 0) {
    throw new CliError(`Tệp có ${formatCount(summary.invalid)} dòng lỗi: không ghi gì vào sổ.`, 1);
  }
  return result;
}
