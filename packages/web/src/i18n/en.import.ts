import type { Widen } from './vi';
import type { viImport } from './vi.import';

/** English messages of the import of children (same keys as `vi.import.ts`). */
export const enImport: Widen<typeof viImport> = {
  childImport: {
    entry: 'Import from Excel',
    title: 'Import a list of children from Excel',
    intro:
      'Every row is checked in a dry run first; the list is written to the registry only when the file has no errors, and either all rows are written or none.',
    notFound: 'This import was not found (it may belong to another area or have been removed).',
    steps: {
      choose: 'Choose file',
      check: 'Check',
      write: 'Write',
      done: 'Done',
    },
    choose: {
      unit: 'Commune or ward receiving the list',
      unitRequired: 'Please choose the commune or ward receiving the list',
      file: 'List file',
      drop: 'Drop the file here or click to choose it',
      dropHint: 'Excel (.xlsx) or CSV (.csv), up to 20 MB. The first row holds the column names.',
      fileRequired: 'Please choose the list file',
      chosen: 'Chosen',
      remove: 'Remove file',
      start: 'Check file',
      template: 'No file yet? Download the template:',
      templateExcel: 'Excel template (.xlsx)',
      templateCsv: 'CSV template (.csv)',
      templateHint:
        'Your file may name its columns differently (e.g. "Ho va ten", "Ngày tháng năm sinh", "CCCD"): they are recognised and shown to you before anything is written.',
    },
    fileProblems: {
      format:
        'Only Excel (.xlsx) or CSV (.csv) files are accepted. Open an old .xls file in Excel and save it as .xlsx.',
      empty: 'The file is empty.',
      tooLarge: 'The file is larger than 20 MB. Split the list into smaller files.',
    },
    progress: {
      label: 'Progress',
      queued: 'Waiting for its turn…',
      reading: 'Reading the file…',
      checking: 'Checking every row…',
      duplicates: 'Looking for children already in the registry…',
      writing: 'Writing to the registry…',
      working: 'Working…',
      counter: '{{done}}/{{total}} rows',
      leaveHint:
        'You may leave this page: the work goes on on the server; come back through "Recent imports".',
    },
    file: {
      info: '{{fileName}} · {{size}} · {{unit}}',
      uploadedAt: 'Uploaded at {{time}}',
    },
    summary: {
      rows: 'Rows',
      valid: 'Valid rows',
      invalid: 'Rows with errors',
      warnings: 'Rows with warnings',
      duplicates: 'Possible duplicates',
      alreadyImported: 'Imported before',
      created: 'Added to the registry',
      skipped: 'Skipped',
    },
    columns: {
      title: 'How the columns of the file were understood',
      understood: '{{count}}/{{total}} columns recognised',
      header: 'Column in the file',
      field: 'Understood as',
      ignored: 'ignored',
      ignoredHint: 'Columns that are not recognised are ignored: their data is not imported.',
      noHeader: '(no column name)',
    },
    issues: {
      title: 'Errors and warnings',
      all: 'All',
      errors: 'Errors',
      warnings: 'Warnings',
      filter: 'Filter errors and warnings',
      row: 'Row',
      column: 'Column',
      value: 'Value',
      message: 'Message',
      severity: 'Severity',
      wholeRow: 'Whole row',
      emptyValue: '(empty)',
      none: 'No errors or warnings',
      noneOfKind: 'Nothing of this kind',
      loaded: '{{count}} of {{total}} loaded',
      report: 'Download error report (Excel)',
      reportHint:
        'The report is your own file with the wrong cells coloured and explained; fix them and upload the file again.',
    },
    duplicates: {
      title: 'Children possibly already in the registry',
      intro:
        'These rows resemble children already in the registry. For each row, choose to create a new child or to skip it; open the registered record to compare.',
      row: 'Row {{row}}',
      create: 'Create a new child',
      skip: 'Skip (already in the registry)',
      decision: 'Decision for row {{row}}',
      createAll: 'Create all',
      skipAll: 'Skip all',
      undecided: '{{count}} rows still need a decision',
      allDecided: 'Every row has a decision',
      score: '{{percent}}% alike',
      open: 'Open record (new tab)',
      onlySkip: 'Same personal id as a child already in the registry: this row can only be skipped.',
    },
    commit: {
      button: 'Write to the registry',
      hasErrorsTitle: '{{count}} rows have errors: the file cannot be written yet',
      hasErrorsText:
        'The import is all or nothing: no row is written until the file has no errors. Download the error report, fix the marked cells and upload the corrected file.',
      undecided: 'Choose what to do with {{count}} possible duplicates before writing.',
      ready:
        'The file is valid. Writing adds up to {{create}} children; rows imported before, rows repeated in the file and skipped rows are not added.',
      nothingNew:
        'There is no new child to add: the rows of this file were imported before or are skipped. Writing again adds nothing.',
      warnings: '{{count}} rows with warnings will be written; review the warnings if needed.',
      confirmTitle: 'Write the list to the registry?',
      confirmText:
        'Up to {{create}} children will be added to the registry of {{unit}}. The whole file is written at once: if anything goes wrong, no row is written.',
      confirm: 'Write',
      otherFile: 'Upload another file',
      discard: 'Discard this import',
      discardConfirm: 'Discard this import? The uploaded file is deleted from the server.',
      discarded: 'Import discarded',
    },
    problems: {
      hasErrors:
        'The file still has rows with errors, so nothing was written. Fix the file and upload it again.',
      undecided: 'Some possible duplicates have no decision. The list was reloaded: check it and decide.',
      notAnalysed:
        'This import is no longer waiting to be written (it may have been written or discarded elsewhere). The page was updated.',
      tooLarge: 'The file is too large: the server accepts up to 20 MB.',
      unreadable: 'The file could not be read',
    },
    failed: {
      analyse: 'The file could not be checked',
      commit: 'The list could not be written',
      commitText: 'No row was written to the registry. You may upload the file again.',
    },
    discarded: 'This import was discarded',
    done: {
      title: 'The list was imported',
      text: '{{created}} children added to the registry of {{unit}}; {{skipped}} rows skipped.',
      viewList: 'See the children just added',
      again: 'Import another file',
    },
    recent: {
      title: 'Recent imports',
      none: 'No imports yet',
      file: 'File',
      unit: 'Commune or ward',
      status: 'Status',
      result: 'Result',
      time: 'Time',
      rows: '{{count}} rows',
      invalid: '{{count}} with errors',
      created: '{{count}} added',
    },
    status: {
      analysing: 'Checking',
      analysed: 'Waiting to be written',
      committing: 'Writing',
      committed: 'Written',
      failed: 'Failed',
      discarded: 'Discarded',
    },
  },
};
