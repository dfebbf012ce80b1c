import { z } from 'zod';
import { IsoDateTime } from '../common';
import { DuplicateReason } from './duplicates';
import { ImportField } from './import-headers';

/** A durable background job as the API shows it: status and progress for a progress bar. */
export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed']).meta({ id: 'JobStatus' });
export type JobStatus = z.infer<typeof JobStatus>;

export const Job = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: JobStatus,
    progress: z.object({
      done: z.number().int(),
      total: z.number().int().nullable(),
      stage: z.string().nullable(),
    }),
    result: z.unknown().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    createdAt: IsoDateTime,
    startedAt: IsoDateTime.nullable(),
    finishedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof Job>;

export const ChildImportStatus = z
  .enum(['analysing', 'analysed', 'committing', 'committed', 'failed', 'discarded'])
  .meta({ id: 'ChildImportStatus' });
export type ChildImportStatus = z.infer<typeof ChildImportStatus>;

/** What the dry run (and then the commit) found in a file. */
export const ChildImportSummary = z
  .object({
    rows: z.number().int().describe('data rows in the file (blank rows are not counted)'),
    valid: z.number().int().describe('rows without errors'),
    invalid: z.number().int().describe('rows with at least one error'),
    warnings: z.number().int().describe('rows with warnings only'),
    duplicates: z.number().int().describe('valid rows that may be a child already in the registry'),
    alreadyImported: z
      .number()
      .int()
      .describe('rows this unit imported before (importing again adds nothing)'),
    created: z.number().int().describe('children created by the commit (0 before it)'),
    skipped: z.number().int().describe('rows left out by the officer decision or as already imported'),
  })
  .meta({ id: 'ChildImportSummary' });
export type ChildImportSummary = z.infer<typeof ChildImportSummary>;

/** How each column of the file was understood (or not). */
export const ImportColumnMapping = z
  .object({ index: z.number().int(), header: z.string(), field: ImportField.nullable() })
  .meta({ id: 'ImportColumnMapping' });
export type ImportColumnMapping = z.infer<typeof ImportColumnMapping>;

export const ChildImport = z
  .object({
    id: z.uuid(),
    unitCode: z.string(),
    unitName: z.string(),
    fileName: z.string(),
    format: z.enum(['xlsx', 'csv']),
    fileSize: z.number().int(),
    status: ChildImportStatus,
    summary: ChildImportSummary.nullable(),
    columns: z.array(ImportColumnMapping).nullable(),
    /** The running or last job of the import (analysis, then commit). */
    job: Job.nullable(),
    createdAt: IsoDateTime,
    analysedAt: IsoDateTime.nullable(),
    committedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'ChildImport' });
export type ChildImport = z.infer<typeof ChildImport>;

export const ImportIssueSeverity = z.enum(['error', 'warning']);
export type ImportIssueSeverity = z.infer<typeof ImportIssueSeverity>;

/** One problem in one cell (or a whole row when `field` is null), with its message. */
export const ChildImportIssue = z
  .object({
    row: z.number().int().describe('row number as Excel shows it'),
    field: ImportField.nullable(),
    column: z.string().nullable().describe('the header of the column in the file'),
    value: z.string().nullable(),
    code: z.string(),
    severity: ImportIssueSeverity,
    message: z.string(),
  })
  .meta({ id: 'ChildImportIssue' });
export type ChildImportIssue = z.infer<typeof ChildImportIssue>;

export const ChildImportIssueList = z
  .object({ items: z.array(ChildImportIssue), nextCursor: z.string().nullable(), total: z.number().int() })
  .meta({ id: 'ChildImportIssueList' });
export type ChildImportIssueList = z.infer<typeof ChildImportIssueList>;

export const ImportDecision = z.enum(['create', 'skip']).meta({ id: 'ImportDecision' });
export type ImportDecision = z.infer<typeof ImportDecision>;

/** A row of the file that may be a child already in the registry, with its candidates. */
export const ChildImportDuplicate = z
  .object({
    row: z.number().int(),
    fullName: z.string(),
    dateOfBirth: z.string(),
    candidates: z.array(
      z.object({
        childId: z.uuid(),
        fullName: z.string(),
        dateOfBirth: z.string(),
        unitCode: z.string(),
        village: z.string().nullable(),
        score: z.number(),
        reasons: z.array(DuplicateReason),
      }),
    ),
    decision: ImportDecision.nullable(),
  })
  .meta({ id: 'ChildImportDuplicate' });
export type ChildImportDuplicate = z.infer<typeof ChildImportDuplicate>;

export const ChildImportDuplicateList = z
  .object({ items: z.array(ChildImportDuplicate) })
  .meta({ id: 'ChildImportDuplicateList' });
export type ChildImportDuplicateList = z.infer<typeof ChildImportDuplicateList>;

/**
 * Commit an analysed import. Rows that may be duplicates need a decision: one per row in
 * `decisions`, or `duplicates` for all rows not listed. A file with errors is never committed.
 */
export const CommitChildImportRequest = z
  .object({
    decisions: z
      .array(z.object({ row: z.number().int().min(1), decision: ImportDecision }))
      .max(100_000)
      .default([]),
    duplicates: ImportDecision.optional().describe(
      'decision for every possible-duplicate row not in `decisions`',
    ),
  })
  .meta({ id: 'CommitChildImportRequest' });
export type CommitChildImportRequest = z.infer<typeof CommitChildImportRequest>;
