import { isUtf8 } from 'node:buffer';
import {
  findHeaderRow,
  type ImportColumnMapping,
  importCellText,
  importIssueMessage,
  isBlankRow,
  mapImportColumns,
} from '@tuoitho/domain';
import { CSV_SEPARATORS, type CsvSeparator, firstCsvRecords, readCsvRecords } from './csv-reader';
import { isXlsxZip, prepareXlsx, readXlsxSheets, type SheetRow } from './xlsx-reader';

/** Rows looked at, from the top of a sheet, to find the header row. */
export const HEADER_SCAN_ROWS = 15;

export type ImportFileErrorCode =
  | 'import_file_empty'
  | 'import_file_encoding'
  | 'import_file_format'
  | 'import_file_no_header'
  | 'import_file_unreadable';

/**
 * A file that cannot be imported at all. `code` is a key of `validationMessages`; `headers` lists,
 * for `import_file_no_header`, the texts of the row that looked most like a header, so the officer
 * sees what was read. The message is in Vietnamese; `messageIn` gives either language.
 */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    readonly headers: string[] = [],
    options?: { cause?: unknown },
  ) {
    super('', options);
    this.name = 'ImportFileError';
    this.message = this.messageIn('vi');
  }

  /** The message in a language, with the headers seen when there are some. */
  messageIn(lang: 'vi' | 'en'): string {
    const message = importIssueMessage(this.code, lang);
    if (this.headers.length === 0) return message;
    const seen = this.headers.map((h) => `«${h}»`).join(', ');
    return `${message}. ${lang === 'vi' ? 'Tiêu đề đọc được' : 'Headers read'}: ${seen}`;
  }
}

export type ImportRow = { rowNumber: number; cells: unknown[] };

/**
 * An opened list. `rows()` yields the data rows below the header, skipping rows with nothing to
 * import (see `isBlankRow` with the columns); each call reads the file again from the buffer, so it
 * can be called any number of times. `rowNumber` is the row number Excel shows (1-based, counting
 * title and header rows); `cells[i]` is the value of column `i` (0 = column A): string, number,
 * boolean, Date or null.
 */
export type ImportFile = {
  format: 'xlsx' | 'csv';
  headerRowNumber: number;
  headers: string[];
  columns: ImportColumnMapping[];
  rows(): AsyncIterable<ImportRow>;
};

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);

/** Headers of a row as texts, trailing blank cells dropped. */
function headerTexts(cells: readonly unknown[]): string[] {
  const texts = cells.map(importCellText);
  while (texts.length > 0 && texts.at(-1) === '') texts.pop();
  return texts;
}

/** The row that looks most like a header, for the error message: the one with most non-blank cells. */
function likelyHeaders(rows: ReadonlyArray<readonly unknown[]>): string[] {
  let best: string[] = [];
  for (const row of rows) {
    const texts = headerTexts(row);
    if (texts.filter((t) => t !== '').length > best.filter((t) => t !== '').length) best = texts;
  }
  return best.slice(0, 40);
}

function withHeader(
  format: 'xlsx' | 'csv',
  headerRowNumber: number,
  headerCells: readonly unknown[],
  read: () => AsyncIterable<SheetRow>,
): ImportFile {
  const headers = headerTexts(headerCells);
  const columns = mapImportColumns(headers);
  return {
    format,
    headerRowNumber,
    headers,
    columns,
    rows: async function* () {
      for await (const row of read()) {
        if (row.rowNumber <= headerRowNumber || isBlankRow(row.cells, columns)) continue;
        yield row;
      }
    },
  };
}

/** Whether a CSV holds anything but white space and separators. */
function hasContent(content: Buffer, start: number): boolean {
  for (let i = start; i < content.length; i++) {
    const byte = content[i]!;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x2c && byte !== 0x3b) {
      return true;
    }
  }
  return false;
}

function openCsv(content: Buffer): ImportFile {
  let text = content;
  if (text.subarray(0, 2).equals(UTF16LE_BOM)) {
    // Excel's "Unicode text" is UTF-16: converted once to UTF-8, the form the reader walks.
    text = Buffer.from(new TextDecoder('utf-16le').decode(text.subarray(2)), 'utf8');
  } else if (text.subarray(0, 4).equals(OLE_MAGIC) || text.subarray(0, 8192).includes(0)) {
    throw new ImportFileError('import_file_format');
  } else if (!isUtf8(text)) {
    throw new ImportFileError('import_file_encoding');
  }
  const start = text.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
  if (!hasContent(text, start)) throw new ImportFileError('import_file_empty');
  let chosen: { separator: CsvSeparator; index: number; fields: number } | undefined;
  let seen: string[] = [];
  for (const separator of CSV_SEPARATORS) {
    const records = firstCsvRecords(text, separator, start, HEADER_SCAN_ROWS);
    const index = findHeaderRow(records, HEADER_SCAN_ROWS);
    if (index === null) {
      const headers = likelyHeaders(records);
      if (headers.length > seen.length) seen = headers;
      continue;
    }
    const fields = mapImportColumns(headerTexts(records[index]!)).filter((c) => c.field !== null).length;
    if (!chosen || fields > chosen.fields) chosen = { separator, index, fields };
  }
  if (!chosen) throw new ImportFileError('import_file_no_header', seen);
  const { separator, index } = chosen;
  const headerCells = firstCsvRecords(text, separator, start, index + 1)[index]!;
  return withHeader('csv', index + 1, headerCells, async function* () {
    let rowNumber = 0;
    for (const cells of readCsvRecords(text, separator, start)) {
      rowNumber += 1;
      yield { rowNumber, cells };
    }
  });
}

async function openXlsx(content: Buffer): Promise<ImportFile> {
  let prepared: Buffer;
  try {
    if (!isXlsxZip(content)) throw new ImportFileError('import_file_format');
    prepared = prepareXlsx(content);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('import_file_unreadable', [], { cause: error });
  }
  let found: { sheet: number; headerRowNumber: number; cells: unknown[] } | undefined;
  let firstWithData: SheetRow[] | undefined;
  try {
    for await (const sheet of readXlsxSheets(prepared)) {
      const top: SheetRow[] = [];
      for await (const row of sheet.rows) {
        if (!isBlankRow(row.cells)) top.push(row);
        if (top.length >= HEADER_SCAN_ROWS) break;
      }
      if (top.length === 0) continue;
      firstWithData ??= top;
      const index = findHeaderRow(
        top.map((r) => r.cells),
        HEADER_SCAN_ROWS,
      );
      if (index !== null) {
        found = { sheet: sheet.index, headerRowNumber: top[index]!.rowNumber, cells: top[index]!.cells };
        break;
      }
    }
  } catch (error) {
    throw new ImportFileError('import_file_unreadable', [], { cause: error });
  }
  if (!firstWithData) throw new ImportFileError('import_file_empty');
  if (!found)
    throw new ImportFileError('import_file_no_header', likelyHeaders(firstWithData.map((r) => r.cells)));
  const { sheet: sheetIndex } = found;
  return withHeader('xlsx', found.headerRowNumber, found.cells, async function* () {
    for await (const sheet of readXlsxSheets(prepared)) {
      if (sheet.index < sheetIndex) continue;
      yield* sheet.rows;
      return;
    }
  });
}

/**
 * Opens an uploaded list, .xlsx or .csv, told apart by content (an .xlsx is a zip), and finds its
 * header row among the first rows (titles above it are skipped). Of a workbook, the first visible
 * sheet with a recognisable header row is read; rows are streamed from the buffer. A CSV may be
 * UTF-8 with or without BOM (or Excel's UTF-16 "Unicode text"), separated by commas, semicolons or
 * tabs (the one that gives a header row wins). Throws `ImportFileError` for a file that cannot be
 * imported at all. `fileName` only helps the diagnosis: a ".xls" name or content is refused.
 */
export async function openImportFile(content: Buffer, fileName?: string): Promise<ImportFile> {
  if (content.length === 0) throw new ImportFileError('import_file_empty');
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return openXlsx(content);
  if (content.subarray(0, 4).equals(OLE_MAGIC) || /\.xls$/i.test(fileName ?? '')) {
    throw new ImportFileError('import_file_format');
  }
  if (/\.xlsx$/i.test(fileName ?? '')) throw new ImportFileError('import_file_unreadable');
  return openCsv(content);
}
