import { PassThrough } from 'node:stream';
import {
  type ChildImportSummary,
  formatImportIssue,
  type ImportField,
  type ImportIssueSeverity,
  importFieldLabels,
  importIssueMessage,
} from '@tuoitho/domain';
import ExcelJS from 'exceljs';
import type { ImportFile } from './import-file';

/** One finding of the dry run, as stored by the import service. */
export type ImportReportIssue = {
  row: number;
  field: ImportField | null;
  code: string;
  severity: ImportIssueSeverity;
  value?: string | null;
};

export type ImportReportInput = {
  /** The analysed file (or its header and a way to read its rows again). */
  file: Pick<ImportFile, 'headers' | 'columns' | 'rows'>;
  /** Every issue of the dry run, any order. */
  issues: Iterable<ImportReportIssue>;
  /** Valid rows that may be children already in the registry. */
  duplicateRows?: ReadonlySet<number>;
  /** Rows the unit imported before (importing them again adds nothing). */
  alreadyImportedRows?: ReadonlySet<number>;
  summary: Pick<
    ChildImportSummary,
    'rows' | 'valid' | 'invalid' | 'warnings' | 'duplicates' | 'alreadyImported'
  >;
  meta: { fileName: string; unitName: string; createdAt: Date | string };
};

export const REPORT_SUMMARY_SHEET = 'Tóm tắt';
export const REPORT_ROWS_SHEET = 'Kết quả kiểm tra';
/** Columns the report puts before the file's own columns. */
export const REPORT_COLUMNS = ['Dòng trong tệp', 'Kết quả', 'Chi tiết lỗi'] as const;

/** Result of a row, worst first. */
export const ReportRowResult = {
  Error: 'Có lỗi',
  AlreadyImported: 'Đã nhập trước đây',
  Duplicate: 'Nghi trùng',
  Warning: 'Cảnh báo',
  Valid: 'Hợp lệ',
} as const;
type ReportRowResult = (typeof ReportRowResult)[keyof typeof ReportRowResult];

/** Fills as Excel's own "light red" and "light yellow" highlight styles. */
export const ERROR_FILL = 'FFFFC7CE';
export const WARNING_FILL = 'FFFFEB9C';
const RESULT_FILLS: Record<ReportRowResult, string> = {
  [ReportRowResult.Error]: ERROR_FILL,
  [ReportRowResult.AlreadyImported]: 'FFEDEDED',
  [ReportRowResult.Duplicate]: 'FFFCE4D6',
  [ReportRowResult.Warning]: WARNING_FILL,
  [ReportRowResult.Valid]: 'FFC6EFCE',
};
/** The last row a sheet can have: longer files are cut, and the summary says so. */
const EXCEL_MAX_ROWS = 1_048_576;

/** Text that a spreadsheet would run as a formula is prefixed so it stays text (CSV injection). */
const safeText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function safeValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return safeText(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return safeText(String(value));
}

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** `dd/MM/yyyy HH:mm` in Việt Nam (UTC+7, no daylight saving). */
export function vietnamDateTime(at: Date | string): string {
  const iso = new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

function addSummarySheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, input: ImportReportInput) {
  const isCut = input.summary.rows > EXCEL_MAX_ROWS - 1;
  const sheet = workbook.addWorksheet(REPORT_SUMMARY_SHEET);
  sheet.columns = [{ width: 34 }, { width: 60 }];
  const { summary, meta, file } = input;
  sheet.addRow(['KẾT QUẢ KIỂM TRA DANH SÁCH TRẺ EM']).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const lines: Array<[string, string | number]> = [
    ['Tệp', meta.fileName],
    ['Đơn vị', meta.unitName],
    ['Thời điểm kiểm tra', vietnamDateTime(meta.createdAt)],
    ['Số dòng dữ liệu', summary.rows],
    ['Hợp lệ', summary.valid],
    ['Có lỗi', summary.invalid],
    ['Chỉ có cảnh báo', summary.warnings],
    ['Nghi trùng với trẻ đã có trong sổ', summary.duplicates],
    ['Đã nhập trước đây', summary.alreadyImported],
  ];
  for (const [label, value] of lines) {
    const row = sheet.addRow([label, typeof value === 'string' ? safeText(value) : value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { horizontal: 'left' };
  }
  sheet.addRow([]);
  sheet.addRow(['Cách đọc báo cáo']).font = { bold: true };
  for (const text of [
    `Trang «${REPORT_ROWS_SHEET}» có mọi dòng của tệp với giá trị gốc, kết quả và chi tiết lỗi của từng dòng.`,
    'Ô tô đỏ có lỗi, phải sửa trước khi nhập; ô tô vàng có cảnh báo, vẫn nhập được. Rê chuột vào ô để xem lời nhắn.',
    'Tệp còn dòng có lỗi thì chưa được nhập. Sửa trong tệp gốc rồi tải lên lại.',
    ...(isCut ? [`Tệp quá dài: báo cáo chỉ ghi ${EXCEL_MAX_ROWS - 1} dòng đầu.`] : []),
  ]) {
    sheet.addRow([text]);
  }
  sheet.addRow([]);
  sheet.addRow(['Cột trong tệp', 'Được hiểu là']).font = { bold: true };
  for (const column of file.columns) {
    sheet.addRow([
      safeText(column.header || `(cột ${column.index + 1} không có tiêu đề)`),
      column.field ? importFieldLabels[column.field].vi : 'Không dùng (không nhận ra tiêu đề)',
    ]);
  }
  return sheet.commit();
}

function rowResult(
  issues: readonly ImportReportIssue[],
  isDuplicate: boolean,
  isAlreadyImported: boolean,
): ReportRowResult {
  if (issues.some((i) => i.severity === 'error')) return ReportRowResult.Error;
  if (isAlreadyImported) return ReportRowResult.AlreadyImported;
  if (isDuplicate) return ReportRowResult.Duplicate;
  if (issues.length > 0) return ReportRowResult.Warning;
  return ReportRowResult.Valid;
}

/**
 * The dry-run report an officer downloads, as .xlsx: a "Tóm tắt" sheet (file, unit, time in Việt
 * Nam, counts, how each column was read) and a "Kết quả kiểm tra" sheet with every data row of the
 * file — its row number, result (Hợp lệ / Có lỗi / Cảnh báo / Nghi trùng / Đã nhập trước đây), all
 * messages in Vietnamese, then the original cells, bad cells filled light red (warnings light
 * yellow) with the messages as a cell note. Header frozen and bold, with an autofilter. Rows are
 * streamed into the workbook, so a long file is not held in memory twice.
 */
export async function buildImportReport(input: ImportReportInput): Promise<Buffer> {
  const { file } = input;
  const issuesByRow = new Map<number, ImportReportIssue[]>();
  for (const issue of input.issues) {
    const list = issuesByRow.get(issue.row);
    if (list) list.push(issue);
    else issuesByRow.set(issue.row, [issue]);
  }
  const columnOf = new Map(file.columns.filter((c) => c.field).map((c) => [c.field!, c.index]));

  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Tuổi Thơ';

  await addSummarySheet(workbook, input);

  const offset = REPORT_COLUMNS.length;
  const rowsSheet = workbook.addWorksheet(REPORT_ROWS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  rowsSheet.columns = [
    { width: 8 },
    { width: 16 },
    { width: 60 },
    ...file.headers.map((header) => ({ width: Math.min(40, Math.max(10, header.length + 2)) })),
  ];
  const lastColumn = offset + Math.max(1, file.headers.length);
  rowsSheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: lastColumn } };
  const header = rowsSheet.addRow([...REPORT_COLUMNS, ...file.headers.map(safeText)]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.commit();

  let written = 1;
  for await (const { rowNumber, cells } of file.rows()) {
    if (written >= EXCEL_MAX_ROWS) break;
    const issues = issuesByRow.get(rowNumber) ?? [];
    const result = rowResult(
      issues,
      input.duplicateRows?.has(rowNumber) ?? false,
      input.alreadyImportedRows?.has(rowNumber) ?? false,
    );
    const details = issues.map((issue) => formatImportIssue(issue, file.columns, 'vi'));
    if (result === ReportRowResult.Duplicate) {
      details.push(
        'Có thể trùng với trẻ đã có trong sổ: xem danh sách nghi trùng trên trang nhập để quyết định',
      );
    }
    if (result === ReportRowResult.AlreadyImported) {
      details.push('Dòng này đã được nhập trong một lần nhập trước; nhập lại sẽ không thêm trẻ');
    }
    const detailText = details.length > 0 ? safeText(details.join('\n')) : null;
    const row = rowsSheet.addRow([rowNumber, result, detailText, ...cells.map(safeValue)]);
    row.getCell(2).fill = fill(RESULT_FILLS[result]);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    cells.forEach((cell, index) => {
      if (cell instanceof Date) row.getCell(offset + index + 1).numFmt = 'dd/mm/yyyy';
    });
    const byCell = new Map<number, ImportReportIssue[]>();
    for (const issue of issues) {
      const index = issue.field ? columnOf.get(issue.field) : undefined;
      if (index === undefined) continue;
      byCell.set(index, [...(byCell.get(index) ?? []), issue]);
    }
    for (const [index, cellIssues] of byCell) {
      const cell = row.getCell(offset + index + 1);
      const isError = cellIssues.some((i) => i.severity === 'error');
      cell.fill = fill(isError ? ERROR_FILL : WARNING_FILL);
      cell.note = cellIssues.map((i) => importIssueMessage(i.code, 'vi', { value: i.value })).join('\n');
    }
    row.commit();
    written += 1;
  }
  await rowsSheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
