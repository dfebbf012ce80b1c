import type { ChildImport, ChildImportDuplicate, Job } from '@tuoitho/domain';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/problem';
import {
  buildCommitRequest,
  canCreateDuplicate,
  checkImportFile,
  commitBlocker,
  commitOutcome,
  decideAll,
  formatFileSize,
  importContentType,
  importFormatOf,
  importProblemOf,
  importStageOf,
  initialDecisions,
  isImportBusy,
  jobPercent,
  MAX_IMPORT_FILE_BYTES,
  undecidedRows,
  WizardStep,
  wizardStepOf,
} from './importWizard';

const AT = '2026-03-02T08:00:00+07:00';

function job(overrides: Omit<Partial<Job>, 'progress'> & { progress?: Partial<Job['progress']> } = {}): Job {
  const { progress, ...rest } = overrides;
  return {
    id: '00000000-0000-4000-8000-000000000001',
    kind: 'children.import.analyse',
    status: 'running',
    progress: { done: 0, total: null, stage: null, ...progress },
    result: null,
    error: null,
    createdAt: AT,
    startedAt: AT,
    finishedAt: null,
    ...rest,
  };
}

function childImport(overrides: Partial<ChildImport> = {}): ChildImport {
  return {
    id: '00000000-0000-4000-8000-000000000002',
    unitCode: '14812',
    unitName: 'Phường Bỉm Sơn',
    fileName: 'danh-sach.xlsx',
    format: 'xlsx',
    fileSize: 12_345,
    status: 'analysed',
    summary: {
      rows: 30,
      valid: 27,
      invalid: 0,
      warnings: 2,
      duplicates: 2,
      alreadyImported: 0,
      created: 0,
      skipped: 0,
    },
    columns: [],
    job: job({ status: 'succeeded' }),
    createdAt: AT,
    analysedAt: AT,
    committedAt: null,
    ...overrides,
  };
}

function duplicate(row: number, decision: ChildImportDuplicate['decision'] = null): ChildImportDuplicate {
  return { row, fullName: `Trẻ dòng ${row}`, dateOfBirth: '2018-05-01', candidates: [], decision };
}

describe('import files', () => {
  it('knows the format by the extension, whatever its case', () => {
    expect(importFormatOf('Danh sách trẻ.XLSX')).toBe('xlsx');
    expect(importFormatOf('tre-em.csv')).toBe('csv');
    expect(importFormatOf('cu.xls')).toBeUndefined();
    expect(importFormatOf('khong-duoi')).toBeUndefined();
    expect(importContentType('csv')).toBe('text/csv');
    expect(importContentType('xlsx')).toContain('spreadsheetml');
  });

  it('refuses other formats, empty files and files over 20 MB before sending them', () => {
    expect(checkImportFile({ name: 'a.xlsx', size: 1000 })).toBeUndefined();
    expect(checkImportFile({ name: 'a.csv', size: MAX_IMPORT_FILE_BYTES })).toBeUndefined();
    expect(checkImportFile({ name: 'a.csv', size: MAX_IMPORT_FILE_BYTES + 1 })).toBe('tooLarge');
    expect(checkImportFile({ name: 'a.csv', size: 0 })).toBe('empty');
    expect(checkImportFile({ name: 'a.pdf', size: 10 })).toBe('format');
  });

  it('shows sizes with the decimal comma in Vietnamese', () => {
    expect(formatFileSize(850, 'vi')).toBe('850 B');
    expect(formatFileSize(12_697, 'vi')).toBe('12,4 KB');
    expect(formatFileSize(3.25 * 1024 * 1024, 'en')).toBe('3.3 MB');
  });
});

describe('progress', () => {
  it('is a percentage of the rows done, never 100 before the job has succeeded', () => {
    expect(jobPercent(job({ progress: { done: 15, total: 30 } }))).toBe(50);
    expect(jobPercent(job({ progress: { done: 30, total: 30 } }))).toBe(99);
    expect(jobPercent(job({ status: 'succeeded', progress: { done: 0, total: null } }))).toBe(100);
    expect(jobPercent(job({ progress: { done: 40, total: 30 } }))).toBe(99);
  });

  it('has no number while the total is unknown (the bar only moves)', () => {
    expect(jobPercent(job({ progress: { done: 3, total: null } }))).toBeUndefined();
    expect(jobPercent(job({ status: 'queued' }))).toBe(0);
    expect(jobPercent(null)).toBeUndefined();
  });

  it('names the stage, and an unknown stage of the server as "working"', () => {
    expect(importStageOf(job({ progress: { stage: 'checking' } }))).toBe('checking');
    expect(importStageOf(job({ progress: { stage: 'duplicates' } }))).toBe('duplicates');
    expect(importStageOf(job({ progress: { stage: 'indexing' } }))).toBe('working');
    expect(importStageOf(job({ status: 'queued', progress: { stage: 'reading' } }))).toBe('queued');
    expect(importStageOf(null)).toBe('queued');
  });
});

describe('wizard steps', () => {
  it('follows the status of the import', () => {
    expect(wizardStepOf(childImport({ status: 'analysing', analysedAt: null }))).toBe(WizardStep.Check);
    expect(wizardStepOf(childImport())).toBe(WizardStep.Check);
    expect(wizardStepOf(childImport({ status: 'committing' }))).toBe(WizardStep.Write);
    expect(wizardStepOf(childImport({ status: 'committed' }))).toBe(WizardStep.Done);
  });

  it('keeps a failed import on the step that failed', () => {
    expect(wizardStepOf(childImport({ status: 'failed', analysedAt: null }))).toBe(WizardStep.Check);
    expect(wizardStepOf(childImport({ status: 'failed' }))).toBe(WizardStep.Write);
  });

  it('polls while the analysis or the commit runs', () => {
    expect(isImportBusy(childImport({ status: 'analysing' }))).toBe(true);
    expect(isImportBusy(childImport({ status: 'committing' }))).toBe(true);
    expect(isImportBusy(childImport({ job: job({ status: 'queued' }) }))).toBe(true);
    expect(isImportBusy(childImport())).toBe(false);
    expect(isImportBusy(childImport({ status: 'failed', job: job({ status: 'failed' }) }))).toBe(false);
  });
});

describe('decisions on possible duplicates', () => {
  const duplicates = [duplicate(12), duplicate(5, 'skip'), duplicate(20)];

  it('starts from the decisions the server remembers', () => {
    expect([...initialDecisions(duplicates)]).toEqual([[5, 'skip']]);
  });

  it('lists the rows still undecided in file order', () => {
    expect(undecidedRows(duplicates, initialDecisions(duplicates))).toEqual([12, 20]);
    expect(undecidedRows(duplicates, decideAll(duplicates, 'create'))).toEqual([]);
  });

  it('skips, even when told to create all, a row whose personal id is already in the registry', () => {
    const sameId: ChildImportDuplicate = {
      ...duplicate(30),
      candidates: [
        {
          childId: '00000000-0000-4000-8000-000000000003',
          fullName: 'Trẻ dòng 30',
          dateOfBirth: '2018-05-01',
          unitCode: '14812',
          village: null,
          score: 1,
          reasons: ['personal_id_match', 'name_match'],
        },
      ],
    };
    expect(canCreateDuplicate(sameId)).toBe(false);
    expect(canCreateDuplicate(duplicate(12))).toBe(true);
    expect([...decideAll([duplicate(12), sameId], 'create')]).toEqual([
      [12, 'create'],
      [30, 'skip'],
    ]);
  });

  it('builds the commit request with one decision per listed row, in row order', () => {
    const decisions = new Map([
      [20, 'create' as const],
      [5, 'skip' as const],
      [99, 'create' as const],
    ]);
    expect(buildCommitRequest(duplicates, decisions)).toEqual({
      decisions: [
        { row: 5, decision: 'skip' },
        { row: 20, decision: 'create' },
      ],
    });
    expect(buildCommitRequest([], decisions)).toEqual({ decisions: [] });
  });

  it('tells how many children the commit would create and skip', () => {
    const imported = childImport({
      summary: { ...childImport().summary!, valid: 27, alreadyImported: 4 },
    });
    const decisions = new Map([
      [5, 'skip' as const],
      [12, 'skip' as const],
      [20, 'create' as const],
    ]);
    expect(commitOutcome(imported, duplicates, decisions)).toEqual({ create: 21, skip: 6 });
    expect(commitOutcome(childImport({ summary: null }), duplicates, decisions)).toEqual({
      create: 0,
      skip: 0,
    });
  });
});

describe('commit blockers', () => {
  const duplicates = [duplicate(7)];

  it('refuses a file with errors: all or nothing', () => {
    const withErrors = childImport({ summary: { ...childImport().summary!, invalid: 3 } });
    expect(commitBlocker(withErrors, duplicates, decideAll(duplicates, 'create'))).toBe('hasErrors');
    // Even before the possible duplicates are known: errors are the first thing to fix.
    expect(commitBlocker(withErrors, undefined, new Map())).toBe('hasErrors');
  });

  it('waits for a decision on every possible duplicate', () => {
    expect(commitBlocker(childImport(), duplicates, new Map())).toBe('undecided');
    expect(commitBlocker(childImport(), duplicates, decideAll(duplicates, 'skip'))).toBeUndefined();
  });

  it('waits for the analysis and for the list of duplicates', () => {
    expect(commitBlocker(childImport({ status: 'analysing' }), [], new Map())).toBe('notAnalysed');
    expect(commitBlocker(childImport(), undefined, new Map())).toBe('notAnalysed');
    expect(commitBlocker(childImport({ status: 'committed' }), [], new Map())).toBe('notAnalysed');
  });
});

describe('import problems', () => {
  const problem = (status: number, type: string) => new ApiError({ status, title: 'x', type });

  it('recognises the problem types of the import endpoints', () => {
    expect(importProblemOf(problem(422, '/problems/import-has-errors'))).toBe('hasErrors');
    expect(importProblemOf(problem(422, '/problems/import-undecided-duplicates'))).toBe('undecided');
    expect(importProblemOf(problem(422, '/problems/import-duplicate-same-id'))).toBe('sameId');
    expect(importProblemOf(problem(409, '/problems/import-not-analysed'))).toBe('notAnalysed');
    expect(importProblemOf(problem(413, 'about:blank'))).toBe('tooLarge');
    expect(importProblemOf(problem(422, '/problems/import-empty-file'))).toBe('unreadable');
    expect(importProblemOf(problem(500, 'about:blank'))).toBeUndefined();
    expect(importProblemOf(new Error('boom'))).toBeUndefined();
  });
});
