import { createHash } from 'node:crypto';
import type {
  ChildImport,
  ChildImportDuplicate,
  ChildImportIssue,
  ChildImportIssueList,
  ChildImportSummary,
  CommitChildImportRequest,
  DuplicateReason,
  ImportColumnMapping,
  ImportDecision,
  ImportField,
} from '@tuoitho/domain';
import { importIssueMessage, readImportRow } from '@tuoitho/domain';
import { writeAuditInTx } from '../../../platform/audit/audit';
import { isInScope } from '../../../platform/auth/scope';
import type { AppContext } from '../../../platform/context';
import { AppError, invalidField, notFound } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import type { Lang } from '../../../platform/i18n/messages';
import { toJobView } from '../../../platform/jobs/job-view';
import { PermanentJobError } from '../../../platform/jobs/jobs';
import { todayInVietnam } from '../../../platform/time/today';
import { UnitsRepo } from '../../units/units.repo';
import { registerChildMergeHook } from '../children.merge';
import { analyseImport, commitImport, type ImportActor, type ImportTarget } from './import.pipeline';
import { ImportRepo } from './import.repo';
import { ImportFileError, openImportFile } from './import-file';
import { buildImportReport } from './import-report';

export const ANALYSE_JOB = 'children.import.analyse';
export const COMMIT_JOB = 'children.import.commit';
/** Largest file accepted over HTTP (the CLI has no such limit). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

type ImportRow = NonNullable<Awaited<ReturnType<ImportRepo['findById']>>>;
type JobInput = { importId: string; userId: string };

const jobErrorMessages = {
  import_changed: {
    vi: 'Dữ liệu đã thay đổi từ lúc kiểm tra (ví dụ có trẻ vừa đủ 16 tuổi). Hãy kiểm tra lại tệp.',
    en: 'The data changed since the check (a child just turned 16, say). Check the file again.',
  },
  import_file_invalid: {
    vi: 'Không đọc được tệp nữa. Hãy tải tệp lên lại.',
    en: 'The file can no longer be read. Upload it again.',
  },
};

// An import waiting for a decision may name a record that gets merged meanwhile.
registerChildMergeHook((tx, merge) => ImportRepo.repointDuplicates(tx, merge.survivorId, merge.duplicateId));

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** The officer's decisions for the possible-duplicate rows, with the default for the rest. */
export function resolveDecisions(
  duplicateRows: readonly number[],
  request: CommitChildImportRequest,
): { decisions: Map<number, ImportDecision>; undecided: number[] } {
  const given = new Map(request.decisions.map((d) => [d.row, d.decision]));
  const decisions = new Map<number, ImportDecision>();
  const undecided: number[] = [];
  for (const row of duplicateRows) {
    const decision = given.get(row) ?? request.duplicates;
    if (decision) decisions.set(row, decision);
    else undecided.push(row);
  }
  return { decisions, undecided };
}

const rowList = (rows: number[]) =>
  rows.length > 10 ? `${rows.slice(0, 10).join(', ')}, …` : rows.join(', ');

/**
 * Imports of children lists: upload (checked at once for a readable header), a dry run as a
 * durable job, the findings, the report file, and the all-or-nothing commit as a second job.
 */
export class ChildImportService {
  private readonly repo: ImportRepo;
  private readonly units: UnitsRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new ImportRepo(ctx.db);
    this.units = new UnitsRepo(ctx.db);
    ctx.jobs.register<JobInput, ChildImportSummary>({
      kind: ANALYSE_JOB,
      run: ({ input, progress }) => this.runAnalysis(input, progress),
      onFailed: async ({ input }) => {
        await this.repo.moveStatus(input.importId, 'analysing', 'failed');
      },
    });
    ctx.jobs.register<JobInput, ChildImportSummary>({
      kind: COMMIT_JOB,
      run: ({ input, progress }) => this.runCommit(input, progress),
      // Nothing was written (one transaction): the officer may try again from the analysed state.
      onFailed: async ({ input }) => {
        await this.repo.moveStatus(input.importId, 'committing', 'analysed');
      },
    });
  }

  private async importActor(userId: string): Promise<ImportActor> {
    const user = await this.ctx.db
      .selectFrom('app_user as a')
      .innerJoin('admin_unit as u', 'u.id', 'a.unit_id')
      .select(['a.id', 'a.username', 'u.path'])
      .where('a.id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new PermanentJobError('user_gone');
    return { userId: user.id, username: user.username, scopePath: user.path };
  }

  private target(row: ImportRow): ImportTarget {
    return {
      id: row.id,
      unitId: row.unit_id,
      unitCode: row.unit_code,
      fileName: row.file_name,
      sha256: row.file_sha256,
    };
  }

  private async contentOf(row: ImportRow): Promise<Buffer> {
    const content = await this.repo.content(row.id);
    if (!content) throw new PermanentJobError('import_file_invalid', 'file content gone');
    return content;
  }

  private async runAnalysis(input: JobInput, progress: Parameters<typeof analyseImport>[4]['progress']) {
    const row = await this.repo.findById(this.ctx.db, input.importId);
    if (row?.status !== 'analysing') throw new PermanentJobError('import_not_ready');
    const actor = await this.importActor(input.userId);
    const { summary, columns } = await analyseImport(
      this.ctx.db,
      this.target(row),
      actor,
      await this.contentOf(row),
      {
        referenceDate: todayInVietnam(),
        ...(progress ? { progress } : {}),
      },
    ).catch((error: unknown) => {
      if (error instanceof ImportFileError) throw new PermanentJobError('import_file_invalid', error.code);
      throw error;
    });
    await this.repo.update(this.ctx.db, row.id, {
      status: 'analysed',
      summary,
      headerMapping: columns,
      analysedAt: new Date(),
    });
    return summary;
  }

  private async runCommit(input: JobInput, progress: Parameters<typeof analyseImport>[4]['progress']) {
    const row = await this.repo.findById(this.ctx.db, input.importId);
    if (row?.status !== 'committing') throw new PermanentJobError('import_not_ready');
    const actor = await this.importActor(input.userId);
    const stored = (row.decisions as Array<[number, ImportDecision]> | null) ?? [];
    const analysed = row.summary as ChildImportSummary;
    const summary = await commitImport(
      this.ctx.db,
      this.target(row),
      actor,
      await this.contentOf(row),
      new Map(stored),
      { referenceDate: todayInVietnam(), expectedRows: analysed.rows, ...(progress ? { progress } : {}) },
    );
    const final = { ...analysed, created: summary.created, skipped: summary.skipped };
    await this.repo.update(this.ctx.db, row.id, { summary: final });
    return final;
  }

  /** The commune an import goes to: a current commune-level unit inside the caller's subtree. */
  private async communeOf(actor: Actor, code: string) {
    const unit = await this.units.findByCode(code, todayInVietnam());
    if (unit?.level !== 'commune') throw invalidField('query.unit', 'unit_not_found');
    if (!isInScope(actor, unit.path)) throw invalidField('query.unit', 'unit_out_of_scope', 403);
    return unit;
  }

  /**
   * Stores an uploaded file and starts its dry run. A file without a readable header row is
   * refused at once (422) so the officer knows before waiting for a job.
   */
  async upload(
    actor: Actor,
    input: { unitCode: string; fileName: string; content: Buffer },
    meta: RequestMeta,
  ): Promise<ChildImport> {
    const unit = await this.communeOf(actor, input.unitCode);
    let format: 'xlsx' | 'csv';
    try {
      format = (await openImportFile(input.content, input.fileName)).format;
    } catch (error) {
      if (error instanceof ImportFileError) {
        throw new AppError(422, 'import_file_invalid', { reason: error.messageIn(meta.lang) });
      }
      throw error;
    }
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const importId = await this.repo.insert(tx, {
        unitId: unit.id,
        fileName: input.fileName,
        format,
        sha256: sha256(input.content),
        content: input.content,
        createdBy: actor.userId,
      });
      const jobId = await this.ctx.jobs.enqueue(tx, {
        kind: ANALYSE_JOB,
        input: { importId, userId: actor.userId } satisfies JobInput,
        unitId: unit.id,
        createdBy: actor.userId,
      });
      await this.repo.update(tx, importId, { analyseJobId: jobId });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'child.import.upload',
          entityType: 'child_import',
          entityId: importId,
          unitId: unit.id,
          details: { fileName: input.fileName, size: input.content.length, sha256: sha256(input.content) },
        },
      );
      return importId;
    });
    this.ctx.jobs.wake();
    return this.getImport(actor, id, meta.lang);
  }

  private async load(actor: Actor, id: string): Promise<ImportRow> {
    const row = await this.repo.findInScope(this.ctx.db, actor, id);
    if (!row) throw notFound();
    return row;
  }

  private async view(row: ImportRow, lang: Lang): Promise<ChildImport> {
    const jobId = row.commit_job_id ?? row.analyse_job_id;
    const job = jobId ? await this.ctx.jobs.findJob(jobId) : undefined;
    return {
      id: row.id,
      unitCode: row.unit_code,
      unitName: row.unit_full_name,
      fileName: row.file_name,
      format: row.file_format,
      fileSize: row.file_size,
      status: row.status,
      summary: (row.summary as ChildImportSummary | null) ?? null,
      columns: (row.header_mapping as ImportColumnMapping[] | null) ?? null,
      job: job ? toJobView(job, lang, jobErrorMessages) : null,
      createdAt: row.created_at.toISOString(),
      analysedAt: row.analysed_at?.toISOString() ?? null,
      committedAt: row.committed_at?.toISOString() ?? null,
    };
  }

  /** One import of the caller's subtree, with the progress of its running or last job. */
  async getImport(actor: Actor, id: string, lang: Lang): Promise<ChildImport> {
    return this.view(await this.load(actor, id), lang);
  }

  /** The latest imports of the caller's subtree. */
  async listImports(actor: Actor, lang: Lang): Promise<ChildImport[]> {
    const rows = await this.repo.listRecent(actor, 20);
    return Promise.all(rows.map((row) => this.view(row, lang)));
  }

  /** A page of the dry run's findings, each with its message in the caller's language. */
  async listIssues(
    actor: Actor,
    id: string,
    query: { limit: number; cursor?: string | undefined; severity?: 'error' | 'warning' | undefined },
    lang: Lang,
  ): Promise<ChildImportIssueList> {
    const row = await this.load(actor, id);
    let after: { row: number; field: string; code: string } | undefined;
    if (query.cursor) {
      try {
        after = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
      } catch {
        throw invalidField('query.cursor', 'invalid_cursor');
      }
    }
    const rows = await this.repo.listIssues(row.id, query.limit + 1, after, query.severity);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((i) => this.issueView(i, lang)),
      nextCursor:
        rows.length > query.limit && last
          ? Buffer.from(
              JSON.stringify({ row: last.row_number, field: last.column_key, code: last.code }),
            ).toString('base64url')
          : null,
      total: await this.repo.countIssues(row.id, query.severity),
    };
  }

  private issueView(i: Awaited<ReturnType<ImportRepo['allIssues']>>[number], lang: Lang): ChildImportIssue {
    return {
      row: i.row_number,
      field: (i.column_key || null) as ImportField | null,
      column: i.column_header,
      value: i.value,
      code: i.code,
      severity: i.severity,
      message: importIssueMessage(i.code, lang, { value: i.value }),
    };
  }

  /** The rows that may be children already in the registry, with their candidates and the decision so far. */
  async listDuplicates(actor: Actor, id: string): Promise<ChildImportDuplicate[]> {
    const row = await this.load(actor, id);
    const decided = new Map((row.decisions as Array<[number, ImportDecision]> | null) ?? []);
    const rows = await this.repo.listDuplicates(row.id);
    const names = await this.rowNames(row, new Set(rows.map((r) => r.row_number)));
    const byRow = new Map<number, ChildImportDuplicate>();
    for (const r of rows) {
      const item = byRow.get(r.row_number) ?? {
        row: r.row_number,
        fullName: names.get(r.row_number)?.fullName ?? '',
        dateOfBirth: names.get(r.row_number)?.dateOfBirth ?? '',
        candidates: [],
        decision: decided.get(r.row_number) ?? null,
      };
      item.candidates.push({
        childId: r.child_id,
        fullName: r.full_name,
        dateOfBirth: r.date_of_birth,
        unitCode: r.unit_code,
        village: r.village,
        score: r.score,
        reasons: r.reasons as DuplicateReason[],
      });
      byRow.set(r.row_number, item);
    }
    return [...byRow.values()];
  }

  /** Name and date of birth of some rows of the file (the duplicates list shows what the file says). */
  private async rowNames(row: ImportRow, wanted: Set<number>) {
    const found = new Map<number, { fullName: string; dateOfBirth: string }>();
    if (wanted.size === 0) return found;
    const content = await this.repo.content(row.id);
    if (!content) return found;
    const file = await openImportFile(content, row.file_name);
    for await (const { rowNumber, cells } of file.rows()) {
      if (!wanted.has(rowNumber)) continue;
      const r = readImportRow(rowNumber, cells, file.columns, {
        unitCode: row.unit_code,
        referenceDate: todayInVietnam(),
      });
      if (r.child) found.set(rowNumber, { fullName: r.child.fullName, dateOfBirth: r.child.dateOfBirth });
      if (found.size === wanted.size) break;
    }
    return found;
  }

  /** The dry-run report as an Excel file: every row with its result, bad cells marked. */
  async report(actor: Actor, id: string): Promise<{ fileName: string; body: Buffer }> {
    const row = await this.load(actor, id);
    const content = await this.repo.content(row.id);
    if (!content || !row.summary) throw new AppError(409, 'import_not_ready', { status: row.status });
    const file = await openImportFile(content, row.file_name);
    const issues = await this.repo.allIssues(row.id);
    const duplicates = await this.repo.listDuplicates(row.id);
    const body = await buildImportReport({
      file,
      issues: issues.map((i) => ({
        row: i.row_number,
        field: (i.column_key || null) as ImportField | null,
        code: i.code,
        severity: i.severity,
        value: i.value,
      })),
      duplicateRows: new Set(duplicates.map((d) => d.row_number)),
      summary: row.summary as ChildImportSummary,
      meta: { fileName: row.file_name, unitName: row.unit_full_name, createdAt: row.created_at },
    });
    const base = row.file_name.replace(/\.(xlsx|csv)$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-');
    return { fileName: `bao-cao-kiem-tra-${base}.xlsx`, body };
  }

  /**
   * Starts writing an analysed import. Refused while the file has errors (all or nothing) or a
   * possible duplicate lacks a decision; rows matching a registered personal id can only be skipped.
   */
  async requestCommit(
    actor: Actor,
    id: string,
    request: CommitChildImportRequest,
    meta: RequestMeta,
  ): Promise<ChildImport> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.repo.findInScope(tx, actor, id, { forUpdate: true });
      if (!row) throw notFound();
      if (row.status !== 'analysed') throw new AppError(409, 'import_not_ready', { status: row.status });
      const summary = row.summary as ChildImportSummary;
      if (summary.invalid > 0) throw new AppError(422, 'import_has_errors', { count: summary.invalid });
      const duplicates = await this.repo.listDuplicates(row.id, tx);
      const duplicateRows = [...new Set(duplicates.map((d) => d.row_number))];
      const { decisions, undecided } = resolveDecisions(duplicateRows, request);
      if (undecided.length > 0) {
        throw new AppError(422, 'import_undecided_duplicates', { rows: rowList(undecided) });
      }
      const sameId = [
        ...new Set(
          duplicates
            .filter(
              (d) => d.reasons.includes('personal_id_match') && decisions.get(d.row_number) === 'create',
            )
            .map((d) => d.row_number),
        ),
      ];
      if (sameId.length > 0) throw new AppError(422, 'import_duplicate_same_id', { rows: rowList(sameId) });
      const jobId = await this.ctx.jobs.enqueue(tx, {
        kind: COMMIT_JOB,
        input: { importId: row.id, userId: actor.userId } satisfies JobInput,
        unitId: row.unit_id,
        createdBy: actor.userId,
      });
      await this.repo.update(tx, row.id, {
        status: 'committing',
        decisions: [...decisions.entries()],
        commitJobId: jobId,
      });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'child.import.commit_requested',
          entityType: 'child_import',
          entityId: row.id,
          unitId: row.unit_id,
          details: {
            create: [...decisions.values()].filter((d) => d === 'create').length,
            skip: [...decisions.values()].filter((d) => d === 'skip').length,
          },
        },
      );
    });
    this.ctx.jobs.wake();
    return this.getImport(actor, id, meta.lang);
  }

  /** Drops an import that will not be written; its file is deleted (personal data). */
  async discard(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.repo.findInScope(tx, actor, id, { forUpdate: true });
      if (!row) throw notFound();
      if (row.status === 'committing' || row.status === 'committed') {
        throw new AppError(409, 'import_not_ready', { status: row.status });
      }
      await this.repo.update(tx, row.id, { status: 'discarded', dropContent: true });
      await writeAuditInTx(
        tx,
        { actor, meta },
        { action: 'child.import.discard', entityType: 'child_import', entityId: row.id, unitId: row.unit_id },
      );
    });
  }
}
