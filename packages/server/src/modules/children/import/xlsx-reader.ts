import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Streaming reader of the rows of an .xlsx workbook (exceljs `WorkbookReader`), which keeps
 * memory flat for large sheets. That reader parses a worksheet directly only when the workbook's
 * relationships and shared strings came before it in the zip; otherwise it writes the sheet to a
 * temporary file first. Excel stores the shared strings after the sheets, so the entries are
 * reordered in memory (raw compressed bytes, no decompression) to keep personal data off the disk.
 */

/** The zip entries the reader needs before any worksheet, in the order it needs them. */
const LEADING_ENTRIES = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
];

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Thrown for a zip that cannot be read; `openImportFile` reports it as an unreadable file. */
export class XlsxZipError extends Error {}

type ZipEntry = { name: string; localOffset: number; central: Buffer };

/** The central directory of a zip: entry names, local header offsets and their records. */
function readZipDirectory(zip: Buffer): { entries: ZipEntry[]; directoryOffset: number; eocd: Buffer } {
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  let eocdAt = -1;
  for (let i = zip.length - 22; i >= lowest; i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocdAt = i;
      break;
    }
  }
  if (eocdAt < 0) throw new XlsxZipError('no end of central directory');
  const count = zip.readUInt16LE(eocdAt + 10);
  const directoryOffset = zip.readUInt32LE(eocdAt + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new XlsxZipError('zip64 is not supported');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new XlsxZipError('bad central directory');
    }
    const nameLength = zip.readUInt16LE(at + 28);
    const size = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    if (localOffset >= directoryOffset || zip.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) {
      throw new XlsxZipError('bad local header');
    }
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      localOffset,
      central: zip.subarray(at, at + size),
    });
    at += size;
  }
  return { entries, directoryOffset, eocd: zip.subarray(eocdAt) };
}

/** Names of the entries of a zip, in the order they are stored. */
export function zipEntryNames(zip: Buffer): string[] {
  return readZipDirectory(zip)
    .entries.sort((a, b) => a.localOffset - b.localOffset)
    .map((entry) => entry.name);
}

/**
 * The same zip with the `first` entries moved to the front (in that order), the others keeping
 * theirs. Entries are copied byte for byte; only offsets in the directory change. Returns the
 * buffer itself when it is already in that order.
 */
export function reorderZipEntries(zip: Buffer, first: readonly string[]): Buffer {
  const { entries, directoryOffset, eocd } = readZipDirectory(zip);
  const stored = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const spanOf = new Map(
    stored.map((entry, i) => [
      entry,
      zip.subarray(entry.localOffset, stored[i + 1]?.localOffset ?? directoryOffset),
    ]),
  );
  const rank = (entry: ZipEntry) => {
    const index = first.indexOf(entry.name);
    return index < 0 ? first.length : index;
  };
  const wanted = stored
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.i - b.i);
  if (wanted.every(({ i }, position) => i === position)) return zip;
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { entry } of wanted) {
    const span = spanOf.get(entry)!;
    const central = Buffer.from(entry.central);
    central.writeUInt32LE(offset, 42);
    directory.push(central);
    parts.push(span);
    offset += span.length;
  }
  const end = Buffer.from(eocd);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

/** Whether a zip looks like an Excel workbook (it has `xl/workbook.xml`). */
export function isXlsxZip(zip: Buffer): boolean {
  return zipEntryNames(zip).includes('xl/workbook.xml');
}

/** A cell value of exceljs as plain data: rich text and hyperlinks as text, formulas as their result. */
export function plainCellValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText))
    return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v) return plainCellValue(v.result);
  if ('hyperlink' in v) return plainCellValue(v.text);
  if (typeof v.error === 'string') return v.error;
  if ('text' in v) return plainCellValue(v.text);
  return null;
}

export type SheetRow = { rowNumber: number; cells: unknown[] };
export type Sheet = { index: number; name: string; rows: AsyncIterable<SheetRow> };

type ReaderInternals = { sharedStrings?: unknown[] };
type WorksheetReaderInfo = { name?: string; state?: string } & AsyncIterable<{
  number: number;
  values: unknown;
}>;

/** Prepares a workbook for streaming: entries reordered so that no sheet goes to a temporary file. */
export function prepareXlsx(content: Buffer): Buffer {
  return reorderZipEntries(content, LEADING_ENTRIES);
}

/**
 * The visible worksheets of a prepared workbook, in order, each with its non-empty rows as plain
 * cell values (`cells[0]` is column A). A sheet's rows must be read, or left, before the next sheet.
 */
export async function* readXlsxSheets(prepared: Buffer): AsyncGenerator<Sheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([prepared]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // A workbook without shared strings would otherwise wait for them, sending sheets to temp files.
  (reader as unknown as ReaderInternals).sharedStrings = [];
  let index = 0;
  for await (const worksheet of reader as unknown as AsyncIterable<WorksheetReaderInfo>) {
    if (worksheet.state === 'hidden' || worksheet.state === 'veryHidden') continue;
    const rows = async function* (): AsyncGenerator<SheetRow> {
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
        const cells: unknown[] = [];
        for (let column = 1; column < values.length; column++) cells.push(plainCellValue(values[column]));
        yield { rowNumber: row.number, cells };
      }
    };
    yield { index: index++, name: worksheet.name ?? '', rows: rows() };
  }
}
