import { AppError } from '../http/errors';

/** The longest file name kept (the `stored_file.file_name` check allows 200 characters). */
export const FILE_NAME_MAX = 200;

/** C0/C1 control characters and the bidirectional overrides that disguise an extension. */
const FORBIDDEN = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * The display name of an uploaded file, composed (NFC) and trimmed, or undefined when it could be
 * read as a path or a hidden file: empty, longer than 200 characters, a `/` or `\`, `..`,
 * a control character, a leading dot. Vietnamese letters are kept. The name is only ever shown
 * and sent back in `Content-Disposition`; the content is never written under it.
 */
export function cleanFileName(raw: string): string | undefined {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0 || name.length > FILE_NAME_MAX) return undefined;
  if (/[/\\]/.test(name) || name.includes('..') || name.startsWith('.') || FORBIDDEN.test(name))
    return undefined;
  return name;
}

/** Like `cleanFileName`, but throws 422 `file_name_invalid`. */
export function getCleanFileName(raw: string): string {
  const name = cleanFileName(raw);
  if (name === undefined) throw new AppError(422, 'file_name_invalid');
  return name;
}

/**
 * The name with the extension of the type the content really is (`ke-hoach` → `ke-hoach.pdf`),
 * so a download never carries an extension that contradicts its content type.
 */
export function withExtension(name: string, extension: string): string {
  if (name.toLowerCase().endsWith(`.${extension}`)) return name;
  const suffix = `.${extension}`;
  return `${Array.from(name)
    .slice(0, FILE_NAME_MAX - suffix.length)
    .join('')
    .trimEnd()}${suffix}`;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187)
 * so Vietnamese names survive while old clients still get a safe name.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
