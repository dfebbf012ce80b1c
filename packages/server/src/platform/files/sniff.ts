import { inflateRawSync } from 'node:zlib';

/**
 * Content sniffing of uploaded files. The declared content type and the file name are the
 * client's claims; only the bytes decide what a file is. Anything not recognised is 'unknown'
 * and is refused by the caller. Nothing here throws on hostile or truncated input.
 */

export const PDF = 'application/pdf';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const JPEG = 'image/jpeg';
export const PNG = 'image/png';
export const WEBP = 'image/webp';

export type SniffedType = typeof PDF | typeof DOCX | typeof JPEG | typeof PNG | typeof WEBP | 'unknown';

/** The file extension a download of each accepted type carries. */
export const extensionOf: Record<Exclude<SniffedType, 'unknown'>, string> = {
  [PDF]: 'pdf',
  [DOCX]: 'docx',
  [JPEG]: 'jpg',
  [PNG]: 'png',
  [WEBP]: 'webp',
};

/** The real type of a file, read from its content. */
export function sniffFileType(bytes: Uint8Array): SniffedType {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isPdf(buf)) return PDF;
  if (isDocx(buf)) return DOCX;
  if (isJpeg(buf)) return JPEG;
  if (isPng(buf)) return PNG;
  if (isWebp(buf)) return WEBP;
  return 'unknown';
}

// ---------------------------------------------------------------- photos (evidence)

/** A JPEG starts with the SOI marker `FF D8` followed by another marker (`FF C0`–`FF FE`). */
export function isJpeg(buf: Buffer): boolean {
  return (
    buf.length >= 4 &&
    buf[0] === 0xff &&
    buf[1] === 0xd8 &&
    buf[2] === 0xff &&
    (buf[3] ?? 0) >= 0xc0 &&
    (buf[3] ?? 0) < 0xff
  );
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG: the 8-byte signature, then the 13-byte `IHDR` chunk, which must come first. */
export function isPng(buf: Buffer): boolean {
  return (
    buf.length >= 33 &&
    buf.subarray(0, 8).equals(PNG_SIGNATURE) &&
    buf.readUInt32BE(8) === 13 &&
    buf.subarray(12, 16).toString('latin1') === 'IHDR'
  );
}

/** A WebP: `RIFF`, the size, `WEBP`, then a `VP8 `, `VP8L` or `VP8X` chunk. */
export function isWebp(buf: Buffer): boolean {
  return (
    buf.length >= 20 &&
    buf.subarray(0, 4).toString('latin1') === 'RIFF' &&
    buf.subarray(8, 12).toString('latin1') === 'WEBP' &&
    /^VP8[ LX]$/.test(buf.subarray(12, 16).toString('latin1'))
  );
}

/**
 * A PDF starts with `%PDF-1.` or `%PDF-2.` at offset 0. Readers also accept the header anywhere in
 * the first 1024 bytes, but bytes before it are exactly what a polyglot (HTML or a script that is
 * also a "PDF") needs, so this check is strict on purpose: real producers write it at offset 0.
 */
export function isPdf(buf: Buffer): boolean {
  return (
    buf.length >= 8 &&
    buf
      .subarray(0, 7)
      .toString('latin1')
      .match(/^%PDF-[12]\.$/) !== null
  );
}

// ---------------------------------------------------------------- ZIP (DOCX)

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_ENTRIES = 10_000;
/** [Content_Types].xml is a few kilobytes; more is not a document (or is a zip bomb). */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

/**
 * The entries of a ZIP archive read from its central directory, or undefined for anything that is
 * not a well-formed, non-ZIP64 archive starting with a local file header (truncated, garbage,
 * self-extracting executables, archives with data before the first entry).
 */
export function zipEntries(buf: Buffer): ZipEntry[] | undefined {
  if (buf.length < EOCD_SIZE + 30 || buf.readUInt32LE(0) !== LOCAL_HEADER) return undefined;
  // The end record is the last 22 bytes plus a comment of at most 65 535 bytes.
  const lowest = Math.max(0, buf.length - EOCD_SIZE - 0xffff);
  let eocd = -1;
  for (let at = buf.length - EOCD_SIZE; at >= lowest; at--) {
    if (
      buf.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY &&
      at + EOCD_SIZE + buf.readUInt16LE(at + 20) === buf.length
    ) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0 || count > MAX_ENTRIES || count === 0xffff || offset === 0xffffffff) return undefined;
  if (offset + size > eocd) return undefined;
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || buf.readUInt32LE(at) !== CENTRAL_HEADER) return undefined;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > offset + size) return undefined;
    const entry: ZipEntry = {
      name: buf.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      uncompressedSize: buf.readUInt32LE(at + 24),
      localHeaderOffset: buf.readUInt32LE(at + 42),
    };
    if (entry.localHeaderOffset + 30 > offset) return undefined;
    entries.push(entry);
    at = end;
  }
  return entries;
}

/** The uncompressed bytes of a small stored or deflated entry, or undefined. */
function readEntry(buf: Buffer, entry: ZipEntry, maxBytes: number): Buffer | undefined {
  const at = entry.localHeaderOffset;
  if (buf.readUInt32LE(at) !== LOCAL_HEADER) return undefined;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length || entry.uncompressedSize > maxBytes) return undefined;
  const data = buf.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method !== 8) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    return undefined;
  }
}

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/**
 * A Word document (OOXML): a ZIP with `[Content_Types].xml` and `word/document.xml` whose main
 * part has the DOCX content type. Macro-enabled documents (DOCM: a `vbaProject.bin` part or the
 * macro-enabled main type) and every other OOXML kind (XLSX, PPTX) are refused.
 */
export function isDocx(buf: Buffer): boolean {
  const entries = zipEntries(buf);
  if (!entries) return false;
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) return false;
  if (
    entries.some(
      (e) => /(^|\/)vbaProject\.bin$/i.test(e.name) || e.name.includes('..') || e.name.startsWith('/'),
    )
  )
    return false;
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  const xml = types && readEntry(buf, types, MAX_CONTENT_TYPES_BYTES)?.toString('utf8');
  if (!xml || /macroEnabled/i.test(xml)) return false;
  return xml.includes(WORD_MAIN);
}
