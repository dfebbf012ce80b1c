import { paymentMethodLabels } from '@tuoitho/domain';
import ExcelJS from 'exceljs';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import type { LineRow, RunRow } from './payments.repo';
import type { PaymentsService } from './payments.service';
import { vndInWords } from './vnd-in-words';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `2015-03-04` → `04/03/2015`; a year of birth stays a year. */
const displayDate = (value: string) => (value.length === 4 ? value : value.split('-').reverse().join('/'));

/** Cells that a spreadsheet would run as a formula stay text. */
const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const FONT = 'Times New Roman';
const HEADERS = [
  'STT',
  'Họ và tên trẻ em',
  'Ngày sinh',
  'Chính sách',
  'Người nhận',
  'Số tiền (đồng)',
  'Ký nhận',
  'Ghi chú',
];
const WIDTHS = [6, 26, 12, 38, 24, 15, 22, 20];
const AMOUNT_COLUMN = 6;
const LAST_COLUMN = 'H';
const HEADER_ROW = 6;

type Sheet = ExcelJS.Worksheet;

/** Writes a text into a merged range with the given style. */
function put(
  sheet: Sheet,
  range: string,
  value: string,
  style: {
    bold?: boolean;
    italic?: boolean;
    underline?: boolean;
    size?: number;
    align?: 'left' | 'center' | 'right';
  },
) {
  sheet.mergeCells(range);
  const cell = sheet.getCell(range.split(':')[0]!);
  cell.value = value;
  cell.font = {
    name: FONT,
    size: style.size ?? 12,
    bold: style.bold,
    italic: style.italic,
    underline: style.underline,
  };
  cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
}

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * The signing sheet of a commune's month as an accountant prints it: the authority and the
 * national motto, the title, one row per line with an empty column to sign in, the total with
 * its amount in words, and the three signature blocks. A4 landscape, header row repeated.
 */
export async function paymentRunWorkbook(run: RunRow, lines: LineRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuổi Thơ';
  const [year, month] = run.month.split('-');
  const sheet = workbook.addWorksheet(`Chi trả ${month}-${year}`, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' },
    views: [{ showGridLines: false }],
  });
  WIDTHS.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });

  const authority = run.unit_name.toLocaleUpperCase('vi');
  put(sheet, 'A1:C1', 'ỦY BAN NHÂN DÂN', { bold: true });
  put(sheet, 'A2:C2', authority, { bold: true, underline: true });
  put(sheet, 'E1:H1', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  put(sheet, 'E2:H2', 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true, size: 13 });
  put(sheet, `A4:${LAST_COLUMN}4`, `DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI THÁNG ${month}/${year}`, {
    bold: true,
    size: 14,
  });
  sheet.getRow(4).height = 24;
  put(sheet, `F5:${LAST_COLUMN}5`, 'Đơn vị tính: đồng', { italic: true, align: 'right' });

  const header = sheet.getRow(HEADER_ROW);
  header.values = HEADERS;
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = thin;
  });

  lines.forEach((line, index) => {
    const paid =
      line.status === 'paid' && line.paid_on
        ? `Đã chi ${displayDate(line.paid_on)}${line.method ? ` (${paymentMethodLabels[line.method].vi})` : ''}`
        : '';
    const row = sheet.addRow([
      index + 1,
      safeCell(line.child_name),
      displayDate(line.child_date_of_birth),
      safeCell(line.rule_name_vi ?? line.rule_code),
      safeCell(line.recipient_name),
      Number(line.amount_vnd),
      '',
      paid,
    ]);
    // Tall enough for a two-line benefit name and a signature.
    row.height = 40;
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const centered = column === 1 || column === 3;
      cell.font = { name: FONT, size: 12 };
      cell.border = thin;
      cell.alignment = {
        vertical: 'middle',
        wrapText: true,
        horizontal: centered ? 'center' : column === AMOUNT_COLUMN ? 'right' : 'left',
        // Keep the text off the cell borders.
        ...(centered ? {} : { indent: 1 }),
      };
    });
    row.getCell(AMOUNT_COLUMN).numFmt = '#,##0';
  });

  const total = lines.reduce((sum, line) => sum + Number(line.amount_vnd), 0);
  const firstLine = HEADER_ROW + 1;
  const lastLine = HEADER_ROW + lines.length;
  const totalRow = sheet.addRow([]);
  const t = totalRow.number;
  sheet.mergeCells(`A${t}:E${t}`);
  sheet.getCell(`A${t}`).value = 'Tổng cộng';
  sheet.getCell(`F${t}`).value =
    lines.length > 0 ? { formula: `SUM(F${firstLine}:F${lastLine})`, result: total } : 0;
  sheet.getCell(`F${t}`).numFmt = '#,##0';
  totalRow.height = 22;
  for (let column = 1; column <= HEADERS.length; column++) {
    const cell = totalRow.getCell(column);
    cell.font = { name: FONT, size: 12, bold: true };
    cell.border = thin;
    cell.alignment =
      column === AMOUNT_COLUMN
        ? { vertical: 'middle', horizontal: 'right', indent: 1 }
        : { vertical: 'middle', horizontal: 'center' };
  }

  const words = t + 1;
  put(sheet, `A${words}:${LAST_COLUMN}${words}`, `Bằng chữ: ${vndInWords(total)}./.`, {
    italic: true,
    align: 'left',
  });
  sheet.getRow(words).height = 22;

  const dateRow = words + 2;
  put(
    sheet,
    `F${dateRow}:${LAST_COLUMN}${dateRow}`,
    `${run.unit_name.replace(/^(Phường|Xã|Đặc khu) /, '')}, ngày …… tháng …… năm ……`,
    {
      italic: true,
    },
  );
  const titles = dateRow + 1;
  const blocks: Array<[string, string, string]> = [
    ['A', 'C', 'Người lập biểu'],
    ['D', 'E', 'Kế toán'],
    ['F', LAST_COLUMN, 'Chủ tịch UBND'],
  ];
  for (const [from, to, title] of blocks) {
    put(sheet, `${from}${titles}:${to}${titles}`, title, { bold: true });
    put(
      sheet,
      `${from}${titles + 1}:${to}${titles + 1}`,
      title === 'Chủ tịch UBND' ? '(Ký, ghi rõ họ tên, đóng dấu)' : '(Ký, ghi rõ họ tên)',
      { italic: true, size: 11 },
    );
  }
  // Room to sign.
  for (let r = titles + 2; r <= titles + 6; r++) sheet.getRow(r).height = 18;
  sheet.pageSetup.printArea = `A1:${LAST_COLUMN}${titles + 6}`;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Exports a run as its signing sheet and audits that the list (names, amounts) left the system. */
export async function exportPaymentRun(
  ctx: AppContext,
  payments: PaymentsService,
  actor: Actor,
  runId: string,
  meta: RequestMeta,
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const { run, lines } = await payments.getRunForExport(actor, runId);
  const body = await paymentRunWorkbook(run, lines);
  await ctx.db.transaction().execute((tx) =>
    writeAuditInTx(
      tx,
      { actor, meta },
      {
        action: 'benefit.payment_run.export',
        entityType: 'benefit_payment_run',
        entityId: run.id,
        unitId: run.unit_id,
        details: {
          format: 'xlsx',
          unitCode: run.unit_code,
          month: run.month,
          lines: lines.length,
          totalVnd: lines.reduce((sum, line) => sum + Number(line.amount_vnd), 0),
        },
      },
    ),
  );
  return { body, contentType: XLSX_TYPE, fileName: `danh-sach-chi-tra-${run.unit_code}-${run.month}.xlsx` };
}
