/**
 * A CSV reader over a UTF-8 buffer (RFC 4180: quoted fields with separators, new lines and
 * doubled quotes inside, CRLF, LF or CR line ends). It walks the bytes and decodes one field at a
 * time, so a file of a million rows is never copied into one string: every structural character
 * is ASCII, and in UTF-8 an ASCII byte never occurs inside a multi-byte character.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Separators in the order of preference when a file could be read with several. */
export const CSV_SEPARATORS = [',', ';', '\t'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/**
 * The text of a field. Excel writes `="0383…"` to keep leading zeros in CSV; the formula wrapper
 * is removed. Empty fields are null, like blank cells of a sheet.
 */
function fieldValue(text: string): string | null {
  if (text === '') return null;
  const excelText = /^="(.*)"$/s.exec(text);
  return excelText ? excelText[1]! : text;
}

/** The records of a CSV buffer from byte `start`, each an array of fields. */
export function* readCsvRecords(
  content: Buffer,
  separator: CsvSeparator,
  start = 0,
): Generator<Array<string | null>> {
  const sep = separator.charCodeAt(0);
  const end = content.length;
  let i = start;
  while (i < end) {
    const record: Array<string | null> = [];
    for (;;) {
      let text: string;
      if (content[i] === QUOTE) {
        // Quoted field: runs to a quote not followed by another quote.
        const parts: string[] = [];
        let from = i + 1;
        let j = from;
        for (;;) {
          if (j >= end) {
            parts.push(content.toString('utf8', from, end));
            break;
          }
          if (content[j] === QUOTE) {
            parts.push(content.toString('utf8', from, j));
            if (content[j + 1] === QUOTE) {
              parts.push('"');
              j += 2;
              from = j;
              continue;
            }
            j += 1;
            break;
          }
          j += 1;
        }
        // Anything between the closing quote and the separator is kept, as spreadsheets do.
        let k = j;
        while (k < end && content[k] !== sep && content[k] !== CR && content[k] !== LF) k += 1;
        if (k > j) parts.push(content.toString('utf8', j, k));
        text = parts.join('');
        i = k;
      } else {
        let k = i;
        while (k < end && content[k] !== sep && content[k] !== CR && content[k] !== LF) k += 1;
        text = content.toString('utf8', i, k);
        i = k;
      }
      record.push(fieldValue(text));
      if (i < end && content[i] === sep) {
        i += 1;
        continue;
      }
      break;
    }
    if (content[i] === CR) i += 1;
    if (content[i] === LF) i += 1;
    yield record;
  }
}

/** The first `count` records of a buffer, for finding the separator and the header row. */
export function firstCsvRecords(
  content: Buffer,
  separator: CsvSeparator,
  start: number,
  count: number,
): Array<Array<string | null>> {
  const records: Array<Array<string | null>> = [];
  for (const record of readCsvRecords(content, separator, start)) {
    records.push(record);
    if (records.length >= count) break;
  }
  return records;
}
