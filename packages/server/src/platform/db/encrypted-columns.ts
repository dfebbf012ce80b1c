import { type Kysely, sql, type Transaction } from 'kysely';
import type { SecretBox } from '../crypto';
import type { DB } from './schema';

// The one place that knows which columns hold SecretBox ciphertext: by convention every text column
// of schema public whose name ends in `_encrypted` or `_enc`. They are discovered from the catalog at
// run time, so a table added by a later migration is re-encrypted without a change here.

export type EncryptedColumn = {
  table: string;
  column: string;
  /** The type of the table's `id` (int4, int8, uuid, text, ...), for the batch cursor. */
  idType: string;
};

/** The naming convention of encrypted columns. */
export const ENCRYPTED_COLUMN_NAME = /_(encrypted|enc)$/;

/** The catalog breaks an assumption of re-encryption (a table without `id`, a column not of type text). */
export class EncryptedColumnsError extends Error {}

/** Every encrypted column of the base tables of schema public, by table and column name. */
export async function listEncryptedColumns(db: Kysely<DB> | Transaction<DB>): Promise<EncryptedColumn[]> {
  const { rows } = await sql<{ table: string; column: string; data_type: string; id_type: string | null }>`
    SELECT c.table_name AS table, c.column_name AS column, c.data_type,
           (SELECT k.udt_name FROM information_schema.columns k
            WHERE k.table_schema = c.table_schema AND k.table_name = c.table_name
              AND k.column_name = 'id') AS id_type
    FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.column_name ~ '_(encrypted|enc)$'
    ORDER BY c.table_name, c.column_name`.execute(db);
  for (const row of rows) {
    if (!row.id_type) {
      throw new EncryptedColumnsError(
        `Bảng ${row.table} có cột mã hóa ${row.column} nhưng không có cột id: không thể mã hóa lại theo dòng ` +
          `(table ${row.table} has no id column)`,
      );
    }
    if (row.data_type !== 'text' && row.data_type !== 'character varying') {
      throw new EncryptedColumnsError(
        `Cột ${row.table}.${row.column} có kiểu ${row.data_type}, không phải text (encrypted columns must be text)`,
      );
    }
  }
  return rows.map(({ table, column, id_type }) => {
    if (!/^[a-z0-9_]+$/.test(id_type!)) {
      throw new EncryptedColumnsError(`Bảng ${table}: kiểu của cột id (${id_type}) không được hỗ trợ`);
    }
    return { table, column, idType: id_type! };
  });
}

/** A value that no configured key opens: the key it was sealed with is missing, or it was altered. */
export class UnreadableCiphertextError extends Error {
  constructor(
    readonly column: EncryptedColumn,
    readonly rowId: string,
  ) {
    super(`No configured key opens ${column.table}.${column.column} of row id=${rowId}`);
  }
}

export type RekeyCounts = {
  /** Values re-encrypted with the current key (or that would be, in a dry run). */
  resealed: number;
  /** Values already sealed with the current key. */
  current: number;
  /** Values changed by someone else between read and update (left as they are). */
  skipped: number;
};

/**
 * Re-encrypts with the current key every value of `column` sealed with a previous key, in batches
 * of `batchSize` rows, one transaction per batch. An update only applies when the value is still
 * the one read, so a concurrent writer wins. A value that no key opens aborts its batch (nothing
 * of that batch is written) with UnreadableCiphertextError; earlier batches stay committed, which
 * is harmless because running again skips them.
 */
export async function rekeyColumn(
  db: Kysely<DB>,
  box: SecretBox,
  column: EncryptedColumn,
  opts: { dryRun?: boolean; batchSize?: number; onBatch?: (committed: RekeyCounts) => void } = {},
): Promise<RekeyCounts> {
  const batchSize = opts.batchSize ?? 500;
  const counts: RekeyCounts = { resealed: 0, current: 0, skipped: 0 };
  const table = sql.table(column.table);
  const value = sql.ref(column.column);
  // Selected as row_id: an output column named id would make ORDER BY id sort the text.
  const idType = sql.raw(`"${column.idType}"`);
  let after: string | undefined;
  for (;;) {
    const batch = await db.transaction().execute(async (tx) => {
      const { rows } = await sql<{ row_id: string; value: string }>`
        SELECT id::text AS row_id, ${value} AS value FROM ${table}
        WHERE ${value} IS NOT NULL ${after === undefined ? sql`` : sql`AND id > CAST(${after} AS ${idType})`}
        ORDER BY id LIMIT ${batchSize}`.execute(tx);
      const local: RekeyCounts = { resealed: 0, current: 0, skipped: 0 };
      for (const row of rows) {
        let fresh: string | undefined;
        try {
          fresh = box.reseal(row.value);
        } catch {
          throw new UnreadableCiphertextError(column, row.row_id);
        }
        if (fresh === undefined) {
          local.current++;
        } else if (opts.dryRun) {
          local.resealed++;
        } else {
          const result = await sql`
            UPDATE ${table} SET ${value} = ${fresh}
            WHERE id = CAST(${row.row_id} AS ${idType}) AND ${value} = ${row.value}`.execute(tx);
          if (Number(result.numAffectedRows ?? 0) === 1) local.resealed++;
          else local.skipped++;
        }
      }
      return { local, size: rows.length, last: rows.at(-1)?.row_id };
    });
    counts.resealed += batch.local.resealed;
    counts.current += batch.local.current;
    counts.skipped += batch.local.skipped;
    opts.onBatch?.({ ...counts });
    if (batch.size < batchSize || batch.last === undefined) return counts;
    after = batch.last;
  }
}
