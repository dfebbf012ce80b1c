import { createHash } from 'node:crypto';
import type { StoredFile } from '@tuoitho/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../http/errors';
import { getCleanFileName, withExtension } from './file-name';
import { DOCX, extensionOf, JPEG, PDF, PNG, type SniffedType, sniffFileType, WEBP } from './sniff';

/**
 * Uploaded files kept in the database (`stored_file`), never on disk under a name the client
 * chose. A row is written once and never changed: replacing a document's file adds a row, so the
 * audit trail can name both versions by their SHA-256.
 */

type Exec = Kysely<DB> | Transaction<DB>;
type AcceptedType = Exclude<SniffedType, 'unknown'>;

const typeNames: Record<AcceptedType, string> = {
  [PDF]: 'PDF',
  [DOCX]: 'DOCX',
  [JPEG]: 'JPEG',
  [PNG]: 'PNG',
  [WEBP]: 'WebP',
};

/** A checked upload: the clean display name (with the right extension) and the sniffed type. */
export type CheckedUpload = { fileName: string; contentType: AcceptedType; content: Buffer };

/**
 * Checks an upload before anything is stored: the name (422 `file_name_invalid`) and the real
 * type read from the bytes, which must be one of `allowed` (422 `file_type_not_allowed`).
 */
export function checkUpload(
  content: Buffer,
  rawFileName: string,
  allowed: readonly AcceptedType[],
): CheckedUpload {
  const name = getCleanFileName(rawFileName);
  const type = sniffFileType(content);
  if (type === 'unknown' || !allowed.includes(type)) {
    throw new AppError(422, 'file_type_not_allowed', {
      allowed: allowed.map((t) => typeNames[t]).join(', '),
    });
  }
  return { fileName: withExtension(name, extensionOf[type]), contentType: type, content };
}

export type StoredFileRow = {
  id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Date;
};

const META = ['id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'created_at'] as const;

/** The API view of a stored file (no content). */
export function toStoredFile(row: StoredFileRow): StoredFile {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedAt: new Date(row.created_at).toISOString(),
  };
}

/** Stores a checked upload in the caller's transaction and returns its row (without content). */
export async function insertStoredFileInTx(
  tx: Transaction<DB>,
  file: CheckedUpload,
  createdBy: string | null,
): Promise<StoredFileRow> {
  return tx
    .insertInto('stored_file')
    .values({
      file_name: file.fileName,
      content_type: file.contentType,
      size_bytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      created_by: createdBy,
    })
    .returning(META)
    .executeTakeFirstOrThrow();
}

/** A stored file's row without content, or undefined. */
export function findStoredFile(exec: Exec, id: string): Promise<StoredFileRow | undefined> {
  return exec.selectFrom('stored_file').select(META).where('id', '=', id).executeTakeFirst();
}

/** A stored file with its bytes, or undefined. */
export async function findStoredFileContent(
  exec: Exec,
  id: string,
): Promise<(StoredFileRow & { content: Buffer }) | undefined> {
  const row = await exec
    .selectFrom('stored_file')
    .select([...META, 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  // pg returns a Buffer, PGlite a Uint8Array.
  const bytes = row.content as Uint8Array;
  return { ...row, content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
