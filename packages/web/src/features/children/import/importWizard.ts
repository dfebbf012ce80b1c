import type {
  ChildImport,
  ChildImportDuplicate,
  ChildImportStatus,
  CommitChildImportRequest,
  ImportDecision,
  Job,
} from '@tuoitho/domain';
import { isApiError } from '../../../lib/problem';

/** The largest file the server takes (it answers 413 above it); checked before sending. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
export const IMPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const contentTypes: Record<ImportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** The format of a file by its extension; undefined for anything else (.xls, .ods, .pdf…). */
export function importFormatOf(fileName: string): ImportFormat | undefined {
  const extension = /\.([^.]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return IMPORT_FORMATS.find((format) => format === extension);
}

/** The Content-Type the upload declares for a format. */
export function importContentType(format: ImportFormat): string {
  return contentTypes[format];
}

export type ImportFileProblem = 'format' | 'empty' | 'tooLarge';

/** Why a chosen file cannot be sent, or undefined when it can (the server checks it again). */
export function checkImportFile(file: { name: string; size: number }): ImportFileProblem | undefined {
  if (!importFormatOf(file.name)) return 'format';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_IMPORT_FILE_BYTES) return 'tooLarge';
  return undefined;
}

/** The steps of the wizard: choose the file, check it, write it, done. */
export const WizardStep = { Choose: 0, Check: 1, Write: 2, Done: 3 } as const;
export type WizardStep = (typeof WizardStep)[keyof typeof WizardStep];

/** True while a job still has work to do: the page keeps asking for its progress. */
export function isJobActive(job: Job | null | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

/** True while the import waits for its analysis or its commit (poll it). */
export function isImportBusy(childImport: ChildImport): boolean {
  return (
    childImport.status === 'analysing' || childImport.status === 'committing' || isJobActive(childImport.job)
  );
}

/** The step an import is at; a failed import stays on the step that failed. */
export function wizardStepOf(childImport: ChildImport): WizardStep {
  switch (childImport.status) {
    case 'analysing':
    case 'analysed':
    case 'discarded':
      return WizardStep.Check;
    case 'committing':
      return WizardStep.Write;
    case 'committed':
      return WizardStep.Done;
    case 'failed':
      return childImport.analysedAt ? WizardStep.Write : WizardStep.Check;
  }
}

/**
 * The percentage of a job for a progress bar, or undefined while the total is not known yet
 * (the bar then only moves). A finished job is 100 whatever its counters say.
 */
export function jobPercent(job: Job | null | undefined): number | undefined {
  if (!job) return undefined;
  if (job.status === 'succeeded') return 100;
  const { done, total } = job.progress;
  if (total === null || total <= 0) return job.status === 'queued' ? 0 : undefined;
  return Math.min(99, Math.max(0, Math.floor((done / total) * 100)));
}

const knownStages = ['queued', 'reading', 'checking', 'duplicates', 'writing'] as const;
export type ImportStage = (typeof knownStages)[number] | 'working';

/** The stage of a job as a key of the messages; an unknown stage of the server is "working". */
export function importStageOf(job: Job | null | undefined): ImportStage {
  if (!job || job.status === 'queued') return 'queued';
  const stage = job.progress.stage;
  return knownStages.find((known) => known === stage) ?? 'working';
}

export const importStatusColors: Record<ChildImportStatus, string> = {
  analysing: 'processing',
  analysed: 'gold',
  committing: 'processing',
  committed: 'green',
  failed: 'red',
  discarded: 'default',
};

/** The officer's choice per possible-duplicate row, by row number. */
export type ImportDecisions = ReadonlyMap<number, ImportDecision>;

/** The decisions already recorded by the server (an import resumed after a reload). */
export function initialDecisions(duplicates: readonly ChildImportDuplicate[]): Map<number, ImportDecision> {
  const decisions = new Map<number, ImportDecision>();
  for (const duplicate of duplicates) {
    if (duplicate.decision) decisions.set(duplicate.row, duplicate.decision);
  }
  return decisions;
}

/**
 * False when a candidate has the row's personal identification number: the registry holds one
 * child per number, so such a row can only be skipped.
 */
export function canCreateDuplicate(duplicate: ChildImportDuplicate): boolean {
  return !duplicate.candidates.some((candidate) => candidate.reasons.includes('personal_id_match'));
}

/**
 * The same decision for every listed row ("Tạo mới tất cả", "Bỏ qua tất cả"); rows that can
 * only be skipped are skipped.
 */
export function decideAll(
  duplicates: readonly ChildImportDuplicate[],
  decision: ImportDecision,
): Map<number, ImportDecision> {
  return new Map(
    duplicates.map((duplicate) => [duplicate.row, canCreateDuplicate(duplicate) ? decision : 'skip']),
  );
}

/** Rows that may be duplicates and have no decision yet, in file order. */
export function undecidedRows(
  duplicates: readonly ChildImportDuplicate[],
  decisions: ImportDecisions,
): number[] {
  return duplicates
    .map((duplicate) => duplicate.row)
    .filter((row) => !decisions.has(row))
    .sort((a, b) => a - b);
}

/**
 * The commit request: one decision per listed duplicate row, in row order. Decisions of rows
 * that are not (or no longer) listed are left out: the server would refuse rows it does not know.
 */
export function buildCommitRequest(
  duplicates: readonly ChildImportDuplicate[],
  decisions: ImportDecisions,
): CommitChildImportRequest {
  const rows = [...new Set(duplicates.map((duplicate) => duplicate.row))].sort((a, b) => a - b);
  return {
    decisions: rows.flatMap((row) => {
      const decision = decisions.get(row);
      return decision ? [{ row, decision }] : [];
    }),
  };
}

/** How many rows the commit would create and leave out with these decisions. */
export function commitOutcome(
  childImport: ChildImport,
  duplicates: readonly ChildImportDuplicate[],
  decisions: ImportDecisions,
): { create: number; skip: number } {
  const summary = childImport.summary;
  if (!summary) return { create: 0, skip: 0 };
  const skippedDuplicates = duplicates.filter((duplicate) => decisions.get(duplicate.row) === 'skip').length;
  const create = Math.max(0, summary.valid - summary.alreadyImported - skippedDuplicates);
  return { create, skip: summary.alreadyImported + skippedDuplicates };
}

export type CommitBlocker = 'notAnalysed' | 'hasErrors' | 'undecided';

/** Why the import cannot be committed yet, or undefined when it can. */
export function commitBlocker(
  childImport: ChildImport,
  duplicates: readonly ChildImportDuplicate[] | undefined,
  decisions: ImportDecisions,
): CommitBlocker | undefined {
  if (childImport.status !== 'analysed' || !childImport.summary) return 'notAnalysed';
  if (childImport.summary.invalid > 0) return 'hasErrors';
  if (duplicates === undefined) return 'notAnalysed';
  if (undecidedRows(duplicates, decisions).length > 0) return 'undecided';
  return undefined;
}

/** The problem codes of the import endpoints that get their own wording in the wizard. */
export type ImportProblem = 'hasErrors' | 'undecided' | 'sameId' | 'notAnalysed' | 'tooLarge' | 'unreadable';

/** Recognises the import problems (`/problems/import-has-errors`…) among API errors. */
export function importProblemOf(error: unknown): ImportProblem | undefined {
  if (!isApiError(error)) return undefined;
  if (error.type.endsWith('/import-has-errors')) return 'hasErrors';
  if (error.type.endsWith('/import-undecided-duplicates')) return 'undecided';
  if (error.type.endsWith('/import-duplicate-same-id')) return 'sameId';
  if (error.status === 413) return 'tooLarge';
  if (error.status === 409) return 'notAnalysed';
  if (error.status === 422) return 'unreadable';
  return undefined;
}

/** Bytes as people read them: 850 B, 12,4 KB, 3,1 MB (decimal comma in Vietnamese). */
export function formatFileSize(bytes: number, language: 'vi' | 'en'): string {
  const locale = language === 'en' ? 'en-US' : 'vi-VN';
  const format = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / (1024 * 1024))} MB`;
}
