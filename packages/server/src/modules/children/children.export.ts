import {
  atRiskFlagLabels,
  type ChildListQuery,
  childStatusLabels,
  findEthnicGroup,
  findSpecialCircumstanceGroup,
  sexLabels,
} from '@tuoitho/domain';
import ExcelJS from 'exceljs';
import { writeAuditInTx } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import type { Lang } from '../../platform/i18n/messages';
import { toListItem } from './children.mapping';
import { ChildrenRepo } from './children.repo';
import type { ChildrenService } from './children.service';

/** Larger lists must be narrowed by filters: an export is a copy of personal data. */
export const EXPORT_MAX_ROWS = 100_000;
const BATCH = 1000;

export type ExportFormat = 'xlsx' | 'csv';

const HEADERS: Record<Lang, string[]> = {
  vi: [
    'STT',
    'Họ và tên',
    'Giới tính',
    'Ngày sinh',
    'Tuổi',
    'Số định danh cá nhân',
    'Dân tộc',
    'Xã, phường',
    'Thôn, tổ dân phố',
    'Chủ hộ',
    'Cha mẹ, người chăm sóc',
    'Nhóm hoàn cảnh đặc biệt',
    'Nguy cơ',
    'Tình trạng',
  ],
  en: [
    'No.',
    'Full name',
    'Sex',
    'Date of birth',
    'Age',
    'Personal ID',
    'Ethnicity',
    'Commune',
    'Village',
    'Household head',
    'Parents, caregivers',
    'Special circumstances',
    'At risk',
    'Status',
  ],
};

/** `2015-03-04` → `04/03/2015`; a year stays a year. */
const displayDate = (value: string) => (value.length === 4 ? value : value.split('-').reverse().join('/'));

/** Cells that a spreadsheet would run as a formula are prefixed so they stay text (CSV injection). */
const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Exports a filtered list of children as Excel or CSV, and audits that personal data left. */
export class ChildrenExport {
  private readonly repo: ChildrenRepo;

  constructor(
    private readonly ctx: AppContext,
    private readonly children: ChildrenService,
  ) {
    this.repo = new ChildrenRepo(ctx.db);
  }

  /** The rows of the export, in the list's order, as display strings in the caller's language. */
  private async rows(actor: Actor, query: Omit<ChildListQuery, 'limit' | 'cursor'>, meta: RequestMeta) {
    const { filter, sort, at } = await this.children.planList(query);
    const total = await this.repo.count(actor, filter);
    if (total > EXPORT_MAX_ROWS) {
      throw new AppError(422, 'conflict', {
        reason:
          meta.lang === 'en'
            ? `The list has ${total} children; narrow the filters to at most ${EXPORT_MAX_ROWS}.`
            : `Danh sách có ${total} trẻ; hãy lọc để còn tối đa ${EXPORT_MAX_ROWS} trẻ.`,
      });
    }
    const lang = meta.lang;
    const out: string[][] = [];
    let after: string[] | undefined;
    for (;;) {
      const batch = await this.repo.list(actor, filter, sort, BATCH, after);
      if (batch.length === 0) break;
      const groups = await this.repo.listSpecialCircumstances(
        this.ctx.db,
        batch.map((r) => r.id),
      );
      for (const row of batch) {
        const item = toListItem(
          row,
          groups.filter((g) => g.child_id === row.id),
          at,
        );
        const ethnicity = row.ethnicity ? findEthnicGroup(row.ethnicity) : undefined;
        out.push([
          String(out.length + 1),
          item.fullName,
          sexLabels[item.sex][lang],
          displayDate(item.dateOfBirth),
          String(item.ageYears),
          item.personalId ?? '',
          ethnicity ? (lang === 'en' ? ethnicity.nameEn : ethnicity.nameVi) : '',
          item.unitName,
          item.village ?? '',
          item.householdHeadName ?? '',
          item.caregiverNames.join('; '),
          item.specialCircumstanceGroups
            .map((code) => {
              const group = findSpecialCircumstanceGroup(code, at);
              return group ? `${code}) ${lang === 'en' ? group.nameEn : group.nameVi}` : code;
            })
            .join('; '),
          item.atRisk.map((flag) => atRiskFlagLabels[flag][lang]).join('; '),
          childStatusLabels[item.status][lang],
        ]);
      }
      const last = batch.at(-1)!;
      const value = last[sort.column];
      after = [
        ...(sort.nameWords?.length ? [String(last.name_miss)] : []),
        value instanceof Date ? value.toISOString() : String(value),
        last.id,
      ];
      if (batch.length < BATCH) break;
    }
    return out;
  }

  /**
   * Builds the file and writes the audit row (who exported which filter, how many children) before
   * anything is sent.
   */
  async exportChildren(
    actor: Actor,
    query: Omit<ChildListQuery, 'limit' | 'cursor'>,
    format: ExportFormat,
    meta: RequestMeta,
  ): Promise<{ body: Buffer; contentType: string; fileName: string }> {
    const rows = await this.rows(actor, query, meta);
    const headers = HEADERS[meta.lang];
    const body = format === 'csv' ? toCsv(headers, rows) : await toXlsx(headers, rows, meta.lang);
    await this.ctx.db.transaction().execute((tx) =>
      writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'child.export',
          entityType: 'child',
          entityId: null,
          unitId: actor.unitId,
          details: { format, rows: rows.length, query },
        },
      ),
    );
    const stamp = new Date().toISOString().slice(0, 10);
    return {
      body,
      contentType:
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `danh-sach-tre-em-${stamp}.${format}`,
    };
  }
}

/** CSV for Excel: UTF-8 with a byte-order mark, CRLF, every cell quoted. */
export function toCsv(headers: string[], rows: string[][]): Buffer {
  const line = (cells: string[]) => cells.map((c) => `"${safeCell(c).replaceAll('"', '""')}"`).join(',');
  return Buffer.from(`\uFEFF${[line(headers), ...rows.map(line)].join('\r\n')}\r\n`, 'utf8');
}

async function toXlsx(headers: string[], rows: string[][], lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuổi Thơ';
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Children' : 'Danh sách trẻ em', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(safeCell));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const widths = [6, 28, 9, 12, 6, 16, 12, 22, 18, 24, 36, 36, 30, 16];
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
