import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { CaseDocumentModel, DocBlock } from './case-forms';
import { vietnameseDateTime } from './case-forms';

/**
 * Word rendering of a case form in the layout of administrative documents (Nghị định
 * 30/2020/NĐ-CP): A4, margins 2 cm (left 3 cm), Times New Roman; the heading as a borderless
 * two-column table (issuing authority and number left, national title and place-date right).
 * The national emblem is not embedded: commune documents carry a text heading only.
 */

const FONT = 'Times New Roman';
/** Half-points. */
const SIZE = { body: 28, heading: 26, nationalTitle: 24, table: 24, small: 22, footer: 18 } as const;
const A4 = { width: 11_906, height: 16_838 };
/** Twips: 2 cm = 1134, 3 cm = 1701. */
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LEFT_COLUMN = 3_600;
const RIGHT_COLUMN = CONTENT_WIDTH - LEFT_COLUMN;

type RunStyle = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean };

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: style.size ?? SIZE.body,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.underline ? { underline: {} } : {}),
  });
}

function line(
  children: ParagraphChild[] | string,
  opts: {
    align?: 'left' | 'center' | 'right' | 'justify';
    style?: RunStyle;
    before?: number;
    after?: number;
    firstLine?: number;
    keepNext?: boolean;
  } = {},
): Paragraph {
  const alignment = {
    left: AlignmentType.LEFT,
    center: AlignmentType.CENTER,
    right: AlignmentType.RIGHT,
    justify: AlignmentType.JUSTIFIED,
  }[opts.align ?? 'left'];
  return new Paragraph({
    alignment,
    children: typeof children === 'string' ? [run(children, opts.style)] : children,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0 },
    ...(opts.firstLine ? { indent: { firstLine: opts.firstLine } } : {}),
    ...(opts.keepNext ? { keepNext: true } : {}),
  });
}

/** A short horizontal rule centred in a column of `width` twips. */
function rule(width: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    // A bottom border on a low empty line: a top border is drawn over the text above by some
    // renderers (LibreOffice), a bottom one always falls below it.
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

function cell(children: Paragraph[], width: number, borders = false): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    ...(borders ? {} : { borders: TableBorders.NONE }),
    margins: borders ? { top: 40, bottom: 40, left: 80, right: 80 } : { left: 0, right: 0 },
  });
}

function borderless(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

/** `ỦY BAN NHÂN DÂN` on its own line above the commune's name, as on the printed forms. */
function authorityRuns(authority: string): TextRun[] {
  const style = { size: SIZE.heading, bold: true };
  const prefix = 'ỦY BAN NHÂN DÂN ';
  if (!authority.startsWith(prefix)) return [run(authority, style)];
  return [
    run(prefix.trim(), style),
    new TextRun({
      text: authority.slice(prefix.length),
      font: FONT,
      size: SIZE.heading,
      bold: true,
      break: 1,
    }),
  ];
}

function headingTable(model: CaseDocumentModel): Table {
  const left = [
    line(model.heading.superior, { align: 'center', style: { size: SIZE.heading } }),
    line(authorityRuns(model.heading.authority), { align: 'center' }),
    rule(LEFT_COLUMN, 1_200),
  ];
  const right = [
    line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', {
      align: 'center',
      style: { size: SIZE.nationalTitle, bold: true },
    }),
    line('Độc lập - Tự do - Hạnh phúc', { align: 'center', style: { size: SIZE.body, bold: true } }),
    rule(RIGHT_COLUMN, 3_400),
  ];
  const numberLine = [
    line(model.heading.number, { align: 'center', before: 120, style: { size: SIZE.heading } }),
  ];
  const placeDate = [line(model.placeDate, { align: 'center', before: 120, style: { italics: true } })];
  return borderless(
    [
      new TableRow({ children: [cell(left, LEFT_COLUMN), cell(right, RIGHT_COLUMN)] }),
      new TableRow({ children: [cell(numberLine, LEFT_COLUMN), cell(placeDate, RIGHT_COLUMN)] }),
    ],
    [LEFT_COLUMN, RIGHT_COLUMN],
  );
}

function dataTable(block: Extract<DocBlock, { kind: 'table' }>): Table {
  const total = block.widths.reduce((sum, width) => sum + width, 0);
  const widths = block.widths.map((width) => Math.floor((width / total) * CONTENT_WIDTH));
  const textCell = (text: string, width: number, header: boolean) =>
    cell(
      [line(text, { align: header ? 'center' : 'left', style: { size: SIZE.table, bold: header } })],
      width,
      true,
    );
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((column, i) => textCell(column, widths[i] ?? 0, true)),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((text, i) => textCell(text, widths[i] ?? 0, false)),
      }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  });
}

function bodyBlock(block: DocBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'section':
      return [line(block.text, { style: { bold: true }, before: 120, after: 60, keepNext: true })];
    case 'field':
      return [
        line([run(`${block.label}: `), run(block.value)], { align: 'justify', after: 60, firstLine: 567 }),
      ];
    case 'paragraph':
      if (block.lead) {
        return [
          line([run(`${block.lead} `, { bold: true }), run(block.text)], {
            align: 'justify',
            after: 60,
            firstLine: 567,
          }),
        ];
      }
      return [
        line(block.text, {
          align: block.align ?? 'justify',
          after: 60,
          firstLine: block.align ? 0 : 567,
          style: { bold: block.bold ?? false, italics: block.italic ?? false },
        }),
      ];
    case 'table':
      return [dataTable(block), line('', { after: 60 })];
    case 'pageBreak':
      return [new Paragraph({ children: [], pageBreakBefore: true })];
  }
}

function closingTable(model: CaseDocumentModel): Table {
  const recipientsColumn = 4_300;
  const signatureColumn = CONTENT_WIDTH - recipientsColumn;
  const recipients = [
    line('Nơi nhận:', { style: { bold: true, italics: true, size: SIZE.table } }),
    ...model.recipients.map((text) => line(`- ${text}`, { style: { size: SIZE.small } })),
  ];
  const { signature } = model;
  const sign = [
    ...signature.capacity.map((text) => line(text, { align: 'center', style: { bold: true } })),
    line(signature.note, { align: 'center', style: { italics: true, size: SIZE.heading } }),
    ...[1, 2, 3, 4].map(() => line('')),
    line(signature.name ?? '', { align: 'center', style: { bold: true } }),
  ];
  return borderless(
    [
      new TableRow({
        cantSplit: true,
        children: [cell(recipients, recipientsColumn), cell(sign, signatureColumn)],
      }),
    ],
    [recipientsColumn, signatureColumn],
  );
}

/** The Word file (.docx bytes) of a case form. */
export async function renderCaseDocx(model: CaseDocumentModel): Promise<Buffer> {
  const title = [
    line(model.title, { align: 'center', before: 360, style: { bold: true } }),
    ...(model.subtitle ? [line(model.subtitle, { align: 'center', style: { bold: true } })] : []),
    rule(CONTENT_WIDTH, 2_000),
    line('', { after: 120 }),
  ];
  const document = new Document({
    creator: 'Tuổi Thơ',
    title: `${model.formLabel}: ${model.title}${model.subtitle ? ` ${model.subtitle}` : ''}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: {
          default: new Footer({
            children: [
              line(`Lập từ hệ thống Tuổi Thơ lúc ${vietnameseDateTime(model.issuedAt.toISOString())}`, {
                align: 'right',
                style: { italics: true, size: SIZE.footer },
              }),
            ],
          }),
        },
        children: [
          line(model.formLabel, { align: 'right', after: 120, style: { bold: true, size: SIZE.small } }),
          headingTable(model),
          ...title,
          ...model.body.flatMap(bodyBlock),
          line('', { after: 120 }),
          closingTable(model),
          ...(model.annex && model.annex.length > 0
            ? [new Paragraph({ children: [], pageBreakBefore: true }), ...model.annex.flatMap(bodyBlock)]
            : []),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
