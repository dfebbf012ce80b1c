import {
  type ChecklistQuestion,
  findingSeverityLabels,
  type InspectionSession,
  type InspectionTopic,
  inspectionTopicLabels,
  type TeamMember,
  teamRoleLabels,
} from '@tuoitho/domain';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  vietnameseDateTime,
  vietnameseLongDate,
  vietnameseShortDate,
} from '../../cases/documents/form-parts';

/**
 * The inspection report ("Biên bản kiểm tra") as Word, in the layout of administrative documents
 * of Nghị định 30/2020/NĐ-CP as the case forms (`cases/documents/docx-render.ts`): A4, margins
 * 2 cm (left 3 cm), Times New Roman 14; the heading as a borderless two-column table (issuing
 * body left, national title right), the place and date line, the title, then the team, the
 * inspected unit, the checklist with answers and score, findings, recommendations with the
 * responsible unit and deadline, the conclusion, and the signatures of both sides.
 */

export type InspectionReportInput = {
  session: InspectionSession;
  plan: {
    number: string | null;
    issuedOn: string | null;
    issuingBody: string;
    title: string;
    topics: InspectionTopic[];
  };
  team: TeamMember[];
  /** Where the report is drawn up, e.g. `Thanh Hóa`. */
  place: string;
  issuedAt: Date;
};

type Cell = string;
export type ReportBlock =
  | { kind: 'section'; text: string }
  | { kind: 'paragraph'; text: string; italic?: boolean }
  | { kind: 'table'; columns: string[]; widths: number[]; rows: Cell[][] };

export type InspectionReportModel = {
  authority: string;
  number: string;
  placeDate: string;
  title: string;
  subtitle: string;
  body: ReportBlock[];
  lead: string | null;
  issuedAt: Date;
  fileName: string;
};

const DOTS = '……………………………………';

function answerText(q: ChecklistQuestion, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'Chưa trả lời';
  if (q.answerType === 'yes_no') return value === true ? 'Có' : value === false ? 'Không' : String(value);
  return String(value);
}

function pointsText(q: ChecklistQuestion, value: unknown): string {
  if (q.answerType === 'yes_no') return `${value === true ? (q.maxScore ?? 0) : 0}/${q.maxScore ?? 0}`;
  if (q.answerType === 'score') return `${typeof value === 'number' ? value : 0}/${q.maxScore ?? 0}`;
  return '';
}

const bullets = (items: string[], none: string): ReportBlock[] =>
  items.length > 0
    ? items.map((text) => ({ kind: 'paragraph', text: `- ${text}` }))
    : [{ kind: 'paragraph', text: none, italic: true }];

/** The document model of the report (pure). */
export function buildInspectionReport(input: InspectionReportInput): InspectionReportModel {
  const { session, plan } = input;
  const answers = new Map(session.answers.map((a) => [a.questionId, a]));
  const topics = plan.topics.map((t) => inspectionTopicLabels[t].vi.toLocaleLowerCase('vi')).join('; ');
  const planRef = `Kế hoạch${plan.number ? ` số ${plan.number}` : ''}${
    plan.issuedOn ? ` ${vietnameseLongDate(plan.issuedOn)}` : ''
  } của ${plan.issuingBody} về ${plan.title}`;
  const team = input.team.map(
    (m) =>
      `${m.fullName}, ${teamRoleLabels[m.role].vi.toLocaleLowerCase('vi')}${m.organisation ? ` (${m.organisation})` : ''}`,
  );
  const strengths = session.findings.filter((f) => f.severity === 'good').map((f) => f.text);
  const shortcomings = session.findings
    .filter((f) => f.severity !== 'good')
    .map((f) => `${f.text} (${findingSeverityLabels[f.severity].vi.toLocaleLowerCase('vi')})`);
  const body: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện ${planRef}; ${vietnameseLongDate(session.heldOn)}, tại ${session.unitName}, Đoàn kiểm tra tiến hành kiểm tra nội dung: ${topics}.`,
    },
    { kind: 'section', text: 'I. THÀNH PHẦN' },
    { kind: 'paragraph', text: '1. Đoàn kiểm tra:' },
    ...bullets(team, 'Chưa ghi thành viên đoàn kiểm tra.'),
    { kind: 'paragraph', text: `2. Đơn vị được kiểm tra: ${session.unitName}.` },
    { kind: 'paragraph', text: 'Đại diện đơn vị: ………………………………, chức vụ: ………………………', italic: false },
    { kind: 'section', text: 'II. NỘI DUNG VÀ KẾT QUẢ KIỂM TRA' },
    {
      kind: 'table',
      columns: ['STT', 'Nội dung kiểm tra', 'Kết quả', 'Điểm'],
      widths: [8, 55, 25, 12],
      rows: [
        ...session.questions.map((q, i) => {
          const answer = answers.get(q.id);
          const note = answer?.note ? ` (${answer.note})` : '';
          return [
            String(i + 1),
            q.text,
            `${answerText(q, answer?.value)}${note}`,
            pointsText(q, answer?.value),
          ];
        }),
        ['', 'Tổng điểm', '', `${session.score ?? 0}/${session.maxScore ?? 0}`],
      ],
    },
    ...(session.summary ? [{ kind: 'paragraph', text: session.summary } satisfies ReportBlock] : []),
    { kind: 'section', text: 'III. NHẬN XÉT, ĐÁNH GIÁ' },
    { kind: 'paragraph', text: '1. Ưu điểm:' },
    ...bullets(strengths, 'Không ghi nhận.'),
    { kind: 'paragraph', text: '2. Tồn tại, hạn chế:' },
    ...bullets(shortcomings, 'Không ghi nhận.'),
    { kind: 'section', text: 'IV. KIẾN NGHỊ' },
    ...(session.recommendations.length > 0
      ? [
          {
            kind: 'table',
            columns: ['STT', 'Nội dung kiến nghị', 'Đơn vị thực hiện', 'Thời hạn'],
            widths: [8, 52, 25, 15],
            rows: session.recommendations.map((r, i) => [
              String(i + 1),
              r.text,
              r.unitName,
              vietnameseShortDate(r.deadline),
            ]),
          } satisfies ReportBlock,
        ]
      : [{ kind: 'paragraph', text: 'Không có kiến nghị.', italic: true } satisfies ReportBlock]),
    { kind: 'section', text: 'V. KẾT LUẬN' },
    { kind: 'paragraph', text: session.conclusion ?? DOTS },
    {
      kind: 'paragraph',
      text: 'Biên bản được lập thành 02 bản có giá trị như nhau, Đoàn kiểm tra giữ 01 bản, đơn vị được kiểm tra giữ 01 bản; đã được đọc lại cho những người tham dự cùng nghe, thống nhất và ký tên dưới đây.',
    },
  ];
  const lead = input.team.find((m) => m.role === 'lead')?.fullName ?? null;
  return {
    authority: plan.issuingBody.toLocaleUpperCase('vi'),
    number: 'Số: ……/BB-ĐKT',
    placeDate: `${input.place}, ${vietnameseLongDate(session.heldOn)}`,
    title: 'BIÊN BẢN KIỂM TRA',
    subtitle: `Tại ${session.unitName}`,
    body,
    lead,
    issuedAt: input.issuedAt,
    fileName: `bien-ban-kiem-tra-${session.unitCode}-${session.heldOn}`,
  };
}

// ---------------------------------------------------------------- Word

const FONT = 'Times New Roman';
/** Half-points. */
const SIZE = { body: 28, heading: 26, nationalTitle: 24, table: 24, footer: 18 } as const;
const A4 = { width: 11_906, height: 16_838 };
/** Twips: 2 cm = 1134, 3 cm = 1701. */
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LEFT_COLUMN = 3_900;
const RIGHT_COLUMN = CONTENT_WIDTH - LEFT_COLUMN;

type RunStyle = { bold?: boolean; italics?: boolean; size?: number };

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: style.size ?? SIZE.body,
    bold: style.bold ?? false,
    italics: style.italics ?? false,
  });

function line(
  text: string,
  opts: {
    align?: 'left' | 'center' | 'justify';
    style?: RunStyle;
    before?: number;
    after?: number;
    firstLine?: number;
    keepNext?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED }[
      opts.align ?? 'left'
    ],
    children: [run(text, opts.style)],
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0 },
    ...(opts.firstLine ? { indent: { firstLine: opts.firstLine } } : {}),
    ...(opts.keepNext ? { keepNext: true } : {}),
  });
}

/** A short rule under a heading column (a bottom border, which LibreOffice draws below the text). */
function rule(width: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

const cell = (children: Paragraph[], width: number, borders = false) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    ...(borders ? {} : { borders: TableBorders.NONE }),
    margins: borders ? { top: 40, bottom: 40, left: 80, right: 80 } : { left: 0, right: 0 },
  });

const twoColumns = (left: Paragraph[], right: Paragraph[], leftWidth: number) =>
  new Table({
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(left, leftWidth), cell(right, CONTENT_WIDTH - leftWidth)],
      }),
    ],
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, CONTENT_WIDTH - leftWidth],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });

function heading(model: InspectionReportModel): Table {
  const left = [
    line(model.authority, { align: 'center', style: { bold: true, size: SIZE.heading } }),
    line('ĐOÀN KIỂM TRA', { align: 'center', style: { bold: true, size: SIZE.heading } }),
    rule(LEFT_COLUMN, 1_200),
    line(model.number, { align: 'center', before: 120, style: { size: SIZE.heading } }),
  ];
  const right = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
      align: 'center',
      style: { bold: true, size: SIZE.nationalTitle },
    }),
    line('Độc lập - Tự do - Hạnh phúc', { align: 'center', style: { bold: true } }),
    rule(RIGHT_COLUMN, 3_400),
    line(model.placeDate, { align: 'center', before: 120, style: { italics: true } }),
  ];
  return twoColumns(left, right, LEFT_COLUMN);
}

function dataTable(block: Extract<ReportBlock, { kind: 'table' }>): Table {
  const total = block.widths.reduce((sum, w) => sum + w, 0);
  const widths = block.widths.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  const textCell = (text: string, width: number, header: boolean) =>
    cell(
      [line(text, { align: header ? 'center' : 'left', style: { size: SIZE.table, bold: header } })],
      width,
      true,
    );
  return new Table({
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.columns.map((c, i) => textCell(c, widths[i] ?? 0, true)),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({ cantSplit: true, children: row.map((t, i) => textCell(t, widths[i] ?? 0, false)) }),
      ),
    ],
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  });
}

function bodyBlock(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'section':
      return [line(block.text, { style: { bold: true }, before: 120, after: 60, keepNext: true })];
    case 'paragraph':
      return [
        line(block.text, {
          align: 'justify',
          after: 60,
          firstLine: 567,
          style: { italics: block.italic ?? false },
        }),
      ];
    case 'table':
      return [dataTable(block), line('', { after: 60 })];
  }
}

function signatures(model: InspectionReportModel): Table {
  const half = Math.floor(CONTENT_WIDTH / 2);
  const block = (capacity: string[], name: string | null) => [
    ...capacity.map((text) => line(text, { align: 'center', style: { bold: true, size: SIZE.heading } })),
    line('(Ký, ghi rõ họ tên)', { align: 'center', style: { italics: true, size: SIZE.heading } }),
    ...[1, 2, 3, 4].map(() => line('')),
    line(name ?? '', { align: 'center', style: { bold: true } }),
  ];
  return twoColumns(
    block(['ĐẠI DIỆN', 'ĐƠN VỊ ĐƯỢC KIỂM TRA'], null),
    block(['TRƯỞNG ĐOÀN KIỂM TRA'], model.lead),
    half,
  );
}

/** The Word file (.docx bytes) of the report. */
export async function renderInspectionReportDocx(model: InspectionReportModel): Promise<Buffer> {
  const document = new Document({
    creator: 'Tuổi Thơ',
    title: `${model.title} ${model.subtitle}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  run(`Lập từ hệ thống Tuổi Thơ lúc ${vietnameseDateTime(model.issuedAt.toISOString())}`, {
                    italics: true,
                    size: SIZE.footer,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          heading(model),
          line(model.title, { align: 'center', before: 360, style: { bold: true } }),
          line(model.subtitle, { align: 'center', style: { bold: true } }),
          rule(CONTENT_WIDTH, 2_000),
          line('', { after: 120 }),
          ...model.body.flatMap(bodyBlock),
          line('', { after: 120 }),
          signatures(model),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
