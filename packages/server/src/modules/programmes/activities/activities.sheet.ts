import {
  type ActivityKind,
  type ActivityParticipant,
  type AttendanceImportReport,
  activityKindLabels,
  compactFold,
  foldVietnamese,
  importCellText,
  normaliseWhitespace,
  parseImportDate,
} from '@tuoitho/domain';
import ExcelJS from 'exceljs';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import type { Lang } from '../../../platform/i18n/messages';
import { isXlsxZip, prepareXlsx, readXlsxSheets, XlsxZipError } from '../../children/import/xlsx-reader';
import type { Exec } from '../scope';
import {
  type ActivityRow,
  type AttendanceMark,
  childrenByFoldedNames,
  childrenInSubtree,
  insertParticipants,
  listSessions,
  type OutcomeChange,
  participantIds,
  type SessionRow,
  updateOutcomes,
  upsertAttendance,
} from './activities.repo';
import type { ActivitiesService } from './activities.service';
import { displayDate } from './activities.service';
import { toParticipantViews } from './activities.views';

/**
 * The class list of an activity as an Excel sheet to print, fill in by hand or in Excel, and import
 * back: one row per participant, a column per session, outcome columns. Rows are matched by the
 * (hidden) child id column, else by name and date of birth among the children of the activity's
 * unit; anything ambiguous or unknown is reported, never guessed.
 */

export const SHEET_COLUMNS = {
  seq: 'STT',
  childId: 'Mã trẻ',
  name: 'Họ và tên',
  dateOfBirth: 'Ngày sinh',
  village: 'Thôn/tổ dân phố',
  completed: 'Hoàn thành',
  swimSafe: 'Bơi an toàn',
  waterSafety: 'Kỹ năng an toàn dưới nước',
  note: 'Ghi chú',
} as const;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const HEADER_SCAN_ROWS = 15;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRUE_WORDS = new Set(['x', 'co', '1', 'dat', 'true']);
const FALSE_WORDS = new Set(['0', 'khong', 'vang', 'khongdat', 'chuadat', 'false']);

const sessionLabel = (s: Pick<SessionRow, 'seq' | 'held_on'>) =>
  `Buổi ${s.seq} (${displayDate(s.held_on).slice(0, 5)})`;
/** Text a spreadsheet would not run as a formula. */
const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
const dobText = (dob: string) => (dob.length === 4 ? dob : displayDate(dob));
const mark = (value: boolean | null | undefined, no: string) =>
  value === true ? 'x' : value === false ? no : null;

/** The attendance sheet of an activity: title rows, then the header row and one row per participant. */
export async function buildAttendanceSheet(
  activity: ActivityRow,
  sessions: SessionRow[],
  participants: ActivityParticipant[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuổi Thơ';
  const sheet = workbook.addWorksheet('Điểm danh');
  const kind = activityKindLabels[activity.kind as ActivityKind]?.vi ?? activity.kind;
  const place = activity.place ? `; địa điểm: ${activity.place}` : '';
  sheet.addRow(['DANH SÁCH ĐIỂM DANH VÀ KẾT QUẢ']).font = { bold: true, size: 14 };
  sheet.addRow([safeCell(activity.title)]).font = { bold: true };
  sheet.addRow([safeCell(`${kind} — ${activity.unit_name}`)]);
  sheet.addRow([
    safeCell(`Thời gian: ${displayDate(activity.starts_on)} – ${displayDate(activity.ends_on)}${place}`),
  ]);
  sheet.addRow([
    'Ghi "x" nếu có mặt hoặc đạt, "0" nếu vắng hoặc chưa đạt; để trống nếu chưa ghi. Không sửa cột Mã trẻ.',
  ]).font = { italic: true };
  sheet.addRow([]);
  const headers = [
    SHEET_COLUMNS.seq,
    SHEET_COLUMNS.childId,
    SHEET_COLUMNS.name,
    SHEET_COLUMNS.dateOfBirth,
    SHEET_COLUMNS.village,
    ...sessions.map(sessionLabel),
    SHEET_COLUMNS.completed,
    SHEET_COLUMNS.swimSafe,
    SHEET_COLUMNS.waterSafety,
    SHEET_COLUMNS.note,
  ];
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const [i, p] of participants.entries()) {
    sheet.addRow([
      i + 1,
      p.childId,
      safeCell(p.fullName),
      dobText(p.dateOfBirth),
      p.village ? safeCell(p.village) : null,
      ...sessions.map((s) => mark(p.attendance[s.id], 'vắng')),
      mark(p.outcome.completed, 'không'),
      mark(p.outcome.swimSafe, 'không'),
      mark(p.outcome.waterSafety, 'không'),
      p.outcome.note ? safeCell(p.outcome.note) : null,
    ]);
  }
  const widths = [6, 38, 28, 12, 20, ...sessions.map(() => 11), 12, 12, 16, 30];
  for (const [i, width] of widths.entries()) sheet.getColumn(i + 1).width = width;
  // The child id ties a row to the registry: kept in the sheet, out of the way.
  sheet.getColumn(2).hidden = true;
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 3 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type SheetRow = { rowNumber: number; cells: unknown[] };
type ColumnMap = {
  headerRow: number;
  childId?: number;
  name?: number;
  dateOfBirth?: number;
  sessions: Array<{ column: number; sessionId: string; label: string }>;
  completed?: number;
  swimSafe?: number;
  waterSafety?: number;
  note?: number;
};

const t = (lang: Lang, vi: string, en: string) => (lang === 'en' ? en : vi);
const unreadable = (lang: Lang, vi: string, en: string) =>
  new AppError(422, 'sheet_unreadable', { reason: t(lang, vi, en) });

/** The rows of the first visible sheet of an xlsx (422 `sheet_unreadable` if it is not one). */
async function readRows(content: Buffer, lang: Lang): Promise<SheetRow[]> {
  const notXlsx = () =>
    unreadable(
      lang,
      'Tệp không phải bảng tính Excel (.xlsx). Hãy tải danh sách điểm danh về, ghi vào đó rồi tải lên.',
      'The file is not an Excel workbook (.xlsx). Download the attendance sheet, fill it in and upload it.',
    );
  if (content.length < 4 || !content.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx();
  try {
    if (!isXlsxZip(content)) throw notXlsx();
    for await (const sheet of readXlsxSheets(prepareXlsx(content))) {
      const rows: SheetRow[] = [];
      for await (const row of sheet.rows) rows.push(row);
      return rows;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof XlsxZipError || error instanceof Error) throw notXlsx();
    throw error;
  }
  throw unreadable(lang, 'Bảng tính không có trang nào.', 'The workbook has no sheet.');
}

/** Finds the header row and maps its columns; session columns by number, checked against their date. */
function mapColumns(rows: SheetRow[], sessions: SessionRow[], lang: Lang, problems: Problem[]): ColumnMap {
  const header = rows
    .slice(0, HEADER_SCAN_ROWS)
    .find((r) => r.cells.some((c) => ['hovaten', 'hoten'].includes(compactFold(importCellText(c)))));
  if (!header)
    throw unreadable(
      lang,
      'Không tìm thấy dòng tiêu đề có cột «Họ và tên». Hãy dùng danh sách điểm danh tải từ hệ thống.',
      'No header row with a «Họ và tên» column was found. Use the attendance sheet downloaded from the system.',
    );
  const map: ColumnMap = { headerRow: header.rowNumber, sessions: [] };
  for (const [column, cell] of header.cells.entries()) {
    const text = importCellText(cell);
    const key = compactFold(text);
    if (key === 'matre') map.childId = column;
    else if (key === 'hovaten' || key === 'hoten') map.name = column;
    else if (key === 'ngaysinh') map.dateOfBirth = column;
    else if (key === 'hoanthanh') map.completed = column;
    else if (key === 'boiantoan') map.swimSafe = column;
    else if (key.startsWith('kynangantoan')) map.waterSafety = column;
    else if (key === 'ghichu') map.note = column;
    else if (key.startsWith('buoi')) {
      const session = sessionOfHeader(text, sessions);
      if (session) map.sessions.push({ column, sessionId: session.id, label: text });
      else
        problems.push({
          row: header.rowNumber,
          name: null,
          message: t(
            lang,
            `Cột «${text}» không ứng với buổi nào của hoạt động: bỏ qua`,
            `Column «${text}» matches no session of the activity: ignored`,
          ),
        });
    }
  }
  return map;
}

/** The session a header "Buổi 2 (04/06)" names: by its number, or by its day when the numbers moved. */
function sessionOfHeader(text: string, sessions: SessionRow[]): SessionRow | undefined {
  const seq = /bu[oổ]i\s*(\d+)/iu.exec(text.normalize('NFC'));
  const day = /\((\d{1,2})\/(\d{1,2})\)/.exec(text);
  const dayOf = (s: SessionRow) => Number(s.held_on.slice(8, 10)) * 100 + Number(s.held_on.slice(5, 7));
  const bySeq = seq ? sessions.find((s) => s.seq === Number(seq[1])) : undefined;
  if (!day) return bySeq;
  const wanted = Number(day[1]) * 100 + Number(day[2]);
  if (bySeq && dayOf(bySeq) === wanted) return bySeq;
  const sameDay = sessions.filter((s) => dayOf(s) === wanted);
  return sameDay.length === 1 ? sameDay[0] : undefined;
}

type Problem = AttendanceImportReport['problems'][number];
type Mark = boolean | undefined | 'invalid';

function readMark(value: unknown): Mark {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  const key = compactFold(importCellText(value));
  if (key === '') return undefined;
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return 'invalid';
}

type Plan = {
  report: Omit<AttendanceImportReport, 'dryRun'>;
  newParticipants: string[];
  marks: AttendanceMark[];
  outcomes: OutcomeChange[];
};

/** Reads the sheet against the registry and the activity: what would be written and what is wrong. */
async function planImport(exec: Exec, activity: ActivityRow, content: Buffer, lang: Lang): Promise<Plan> {
  const problems: Problem[] = [];
  const rows = await readRows(content, lang);
  const sessions = await listSessions(exec, [activity.id]);
  const columns = mapColumns(rows, sessions, lang, problems);
  const text = (row: SheetRow, column: number | undefined) =>
    column === undefined ? '' : importCellText(row.cells[column]);
  const data = rows.filter(
    (r) =>
      r.rowNumber > columns.headerRow && (text(r, columns.name) !== '' || text(r, columns.childId) !== ''),
  );

  const ids = data.map((r) => text(r, columns.childId)).filter((id) => UUID.test(id));
  const known = await childrenInSubtree(exec, activity.unit_path, [
    ...new Set(ids.map((id) => id.toLowerCase())),
  ]);
  const foldedName = (r: SheetRow) => foldVietnamese(normaliseWhitespace(text(r, columns.name)));
  const byName = await childrenByFoldedNames(exec, activity.unit_path, [
    ...new Set(data.filter((r) => !UUID.test(text(r, columns.childId))).map(foldedName)),
  ]);
  const participating = await participantIds(exec, activity.id);

  const seen = new Map<string, number>();
  const newParticipants = new Set<string>();
  const marks: AttendanceMark[] = [];
  const outcomes: OutcomeChange[] = [];
  let matched = 0;
  for (const row of data) {
    const name = text(row, columns.name) || null;
    const fail = (vi: string, en: string) =>
      problems.push({ row: row.rowNumber, name, message: t(lang, vi, en) });
    const idText = text(row, columns.childId);
    let childId: string | undefined;
    if (idText !== '') {
      childId = idText.toLowerCase();
      if (!UUID.test(idText) || !known.has(childId)) {
        fail(
          'Mã trẻ không có trong sổ theo dõi của đơn vị tổ chức hoạt động',
          'The child id is not in the registry of the activity’s unit',
        );
        continue;
      }
    } else {
      if (!name) continue;
      const dob = parseImportDate(row.cells[columns.dateOfBirth ?? -1] ?? null);
      if (!dob.ok) {
        fail(
          'Thiếu hoặc sai ngày sinh (dd/MM/yyyy): cần ngày sinh để tìm đúng trẻ',
          'Date of birth missing or invalid (dd/MM/yyyy): it is needed to find the child',
        );
        continue;
      }
      const found = byName.filter((c) => c.name_folded === foldedName(row) && c.date_of_birth === dob.value);
      if (found.length === 0) {
        fail(
          'Không tìm thấy trẻ có họ tên và ngày sinh này trong sổ theo dõi của đơn vị',
          'No child with this name and date of birth is registered in the unit',
        );
        continue;
      }
      if (found.length > 1) {
        fail(
          `Có ${found.length} trẻ cùng họ tên và ngày sinh: ghi mã trẻ để chọn đúng trẻ`,
          `${found.length} children share this name and date of birth: give the child id`,
        );
        continue;
      }
      childId = found[0]!.id;
    }
    const earlier = seen.get(childId);
    if (earlier !== undefined) {
      fail(`Trẻ này đã có ở dòng ${earlier}: bỏ qua`, `This child is already on row ${earlier}: ignored`);
      continue;
    }
    const cellMarks = columns.sessions.map((s) => ({ ...s, value: readMark(row.cells[s.column]) }));
    const outcomeCells = (['completed', 'swimSafe', 'waterSafety'] as const).map((field) => ({
      field,
      value: readMark(columns[field] === undefined ? undefined : row.cells[columns[field]]),
    }));
    const bad = [
      ...cellMarks.filter((m) => m.value === 'invalid').map((m) => m.label),
      ...outcomeCells.filter((o) => o.value === 'invalid').map((o) => SHEET_COLUMNS[o.field] as string),
    ];
    if (bad.length > 0) {
      fail(
        `Không đọc được ô ở cột ${bad.map((b) => `«${b}»`).join(', ')}: ghi x, có, 1, đạt hoặc 0, không, vắng`,
        `Unreadable cell in column ${bad.map((b) => `«${b}»`).join(', ')}: write x, có, 1, đạt or 0, không, vắng`,
      );
      continue;
    }
    seen.set(childId, row.rowNumber);
    matched++;
    if (!participating.has(childId)) newParticipants.add(childId);
    for (const m of cellMarks) {
      if (typeof m.value === 'boolean') marks.push({ childId, sessionId: m.sessionId, present: m.value });
    }
    const change: OutcomeChange = { childId };
    for (const o of outcomeCells) if (typeof o.value === 'boolean') change[o.field] = o.value;
    const note = text(row, columns.note);
    if (note !== '') change.note = note.slice(0, 500);
    if (Object.keys(change).length > 1) outcomes.push(change);
  }
  return {
    report: {
      rows: data.length,
      matched,
      added: newParticipants.size,
      attendanceMarks: marks.length,
      outcomes: outcomes.length,
      problems,
    },
    newParticipants: [...newParticipants],
    marks,
    outcomes,
  };
}

/** The download and import of an activity's class list. */
export class AttendanceSheetService {
  constructor(
    private readonly ctx: AppContext,
    private readonly activities: ActivitiesService,
  ) {}

  /** The sheet of an activity the caller may read, with its file name. */
  async download(actor: Actor, id: string): Promise<{ fileName: string; body: Buffer }> {
    const activity = await this.activities.getReadable(this.ctx.db, actor, id);
    const [sessions, participants] = await Promise.all([
      listSessions(this.ctx.db, [id]),
      toParticipantViews(this.ctx.db, activity),
    ]);
    const title = activity.title
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .slice(0, 80)
      .trim();
    return {
      fileName: `Điểm danh - ${title}.xlsx`,
      body: await buildAttendanceSheet(activity, sessions, participants),
    };
  }

  /**
   * Imports a filled-in sheet. A dry run only reports; otherwise the matched rows are written in
   * one transaction (new participants, attendance, outcomes) with one audit row, and the problem
   * rows are reported and left out.
   */
  async import(
    actor: Actor,
    id: string,
    content: Buffer,
    dryRun: boolean,
    meta: RequestMeta,
  ): Promise<AttendanceImportReport> {
    if (dryRun) {
      const activity = await this.activities.getWritable(this.ctx.db, actor, id);
      const plan = await planImport(this.ctx.db, activity, content, meta.lang);
      return { dryRun, ...plan.report };
    }
    return this.ctx.db.transaction().execute(async (tx) => {
      const activity = await this.activities.getWritable(tx, actor, id, true);
      const plan = await planImport(tx, activity, content, meta.lang);
      await insertParticipants(tx, id, plan.newParticipants, actor);
      await upsertAttendance(tx, plan.marks, actor);
      await updateOutcomes(tx, id, plan.outcomes);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'activity.attendance_sheet.import',
          entityType: 'activity',
          entityId: id,
          unitId: activity.unit_id,
          details: {
            rows: plan.report.rows,
            matched: plan.report.matched,
            added: plan.report.added,
            attendanceMarks: plan.report.attendanceMarks,
            outcomes: plan.report.outcomes,
            problems: plan.report.problems.length,
            addedChildIds: plan.newParticipants,
          },
        },
      );
      return { dryRun, ...plan.report };
    });
  }
}
