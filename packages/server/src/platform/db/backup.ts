import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import {
  CANONICAL_SETTINGS,
  type Catalog,
  fetchInBatches,
  orderedRowsSql,
  qualified,
  readCatalog,
  TableChecksum,
} from './backup-catalog';
import type { Database, SqlSession } from './database';

// The logical backup format of ADR 0005: gzip'd NDJSON, one header line, then for each table a
// section line followed by exactly `rows` lines (one row each, as JSON rendered by the database),
// then a trailer with each table's row count and checksum and the sequence positions.

export const BACKUP_FORMAT = 'tuoitho-backup';
export const BACKUP_FORMAT_VERSION = 1;

export type BackupMigration = { version: number; name: string; checksum: string };

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  source: { kind: Database['kind']; serverVersion: string };
  migrations: BackupMigration[];
  tables: { name: string; columns: string[]; rows: number }[];
};

export type BackupSection = { section: 'table'; name: string; rows: number };

export type BackupTrailer = {
  section: 'end';
  tables: { name: string; rows: number; checksum: string }[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
};

export type BackupErrorCode =
  | 'file_exists'
  | 'not_a_backup'
  | 'unsupported_version'
  | 'truncated'
  | 'corrupt'
  | 'migrations_differ'
  | 'schema_differs'
  | 'checksum_mismatch';

/** An expected failure of backup or restore, with a message for the operator (Vietnamese). */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Progress of one table, for the command line to print. */
export type TableProgress = { table: string; rows: number; ms: number };

export type BackupResult = { file: string; bytes: number; tables: TableProgress[]; ms: number };

const ROW_BATCH = 2000;

/** The migrations recorded in a database, in order. */
export async function appliedMigrations(session: SqlSession): Promise<BackupMigration[]> {
  const rows = await session.query<{ version: number; name: string; checksum: string }>(
    'SELECT version, name, checksum FROM public.schema_migration ORDER BY version',
  );
  return rows.map((r) => ({ version: Number(r.version), name: r.name, checksum: r.checksum }));
}

/** Current positions of the sequences (bigints kept as text). */
export async function sequencePositions(
  session: SqlSession,
  catalog: Catalog,
): Promise<BackupTrailer['sequences']> {
  const positions: BackupTrailer['sequences'] = [];
  for (const seq of catalog.sequences) {
    const [row] = await session.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${qualified(seq.name)}`,
    );
    positions.push({ name: seq.name, lastValue: row!.last_value, isCalled: row!.is_called });
  }
  return positions;
}

/**
 * Writes a logical backup of every table of schema public to `file` from one consistent snapshot
 * (REPEATABLE READ, read only). The file is written beside the target and renamed at the end, so a
 * failed backup never leaves a complete-looking file; it is readable by its owner only.
 */
export async function writeBackup(
  database: Database,
  file: string,
  opts: { overwrite?: boolean; onTable?: (p: TableProgress) => void } = {},
): Promise<BackupResult> {
  const started = Date.now();
  const target = path.resolve(file);
  if (!opts.overwrite && fs.existsSync(target)) {
    throw new BackupError('file_exists', `Tệp ${file} đã tồn tại (dùng --force để ghi đè)`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  finished.catch(() => undefined); // awaited below; this only keeps an early error from going unhandled
  gzip.pipe(out);
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };

  const tables: TableProgress[] = [];
  try {
    await database.withSession(async (session) => {
      await session.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        await session.exec(CANONICAL_SETTINGS);
        const catalog = await readCatalog(session);
        const [version] = await session.query<{ v: string }>("SELECT current_setting('server_version') AS v");
        const counts = new Map<string, number>();
        for (const table of catalog.tables) {
          const [row] = await session.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM ${qualified(table.name)}`,
          );
          counts.set(table.name, Number(row!.n));
        }
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          source: { kind: database.kind, serverVersion: version!.v },
          migrations: await appliedMigrations(session),
          tables: catalog.tables.map((t) => ({
            name: t.name,
            columns: t.columns,
            rows: counts.get(t.name)!,
          })),
        };
        await write(`${JSON.stringify(header)}\n`);

        const trailer: BackupTrailer = { section: 'end', tables: [], sequences: [] };
        for (const table of catalog.tables) {
          const tableStarted = Date.now();
          const rows = counts.get(table.name)!;
          const section: BackupSection = { section: 'table', name: table.name, rows };
          await write(`${JSON.stringify(section)}\n`);
          const sum = new TableChecksum();
          const query = orderedRowsSql(table, 'j, h');
          for await (const batch of fetchInBatches<{ j: string; h: string }>(session, query, ROW_BATCH)) {
            let chunk = '';
            for (const row of batch) {
              chunk += `${row.j}\n`;
              sum.add(row.h);
            }
            await write(chunk);
          }
          if (sum.rows !== rows)
            throw new Error(`Table ${table.name}: counted ${rows} rows, read ${sum.rows}`);
          trailer.tables.push({ name: table.name, rows, checksum: sum.digest() });
          const progress = { table: table.name, rows, ms: Date.now() - tableStarted };
          tables.push(progress);
          opts.onTable?.(progress);
        }
        trailer.sequences = await sequencePositions(session, catalog);
        await write(`${JSON.stringify(trailer)}\n`);
      } finally {
        await session.exec('ROLLBACK');
      }
    });
    gzip.end();
    await finished;
    fs.renameSync(partial, target);
  } catch (error) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { file: target, bytes: fs.statSync(target).size, tables, ms: Date.now() - started };
}

const MAX_LINE = 256 * 1024 * 1024;

/**
 * The lines of a backup file, gunzipped on the fly when the file starts with the gzip magic bytes
 * (a plain NDJSON file is accepted too). Reads in chunks: memory stays bounded by the longest line.
 */
export async function* readBackupLines(file: string): AsyncGenerator<string> {
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw new BackupError('not_a_backup', `Không tìm thấy tệp ${file}`);
  }
  const magic = Buffer.alloc(2);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, magic, 0, 2, 0);
  } finally {
    fs.closeSync(fd);
  }
  const raw = fs.createReadStream(file);
  let input: NodeJS.ReadableStream = raw;
  if (magic[0] === 0x1f && magic[1] === 0x8b) {
    const gunzip = zlib.createGunzip();
    raw.on('error', (e) => gunzip.destroy(e));
    input = raw.pipe(gunzip);
  }
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of input) {
      pending += decoder.write(chunk as Buffer);
      let start = 0;
      for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
        yield pending.slice(start, nl);
        start = nl + 1;
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LINE) throw new BackupError('not_a_backup', 'Tệp sao lưu có dòng quá dài');
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
      throw new BackupError('truncated', 'Tệp sao lưu bị cắt cụt hoặc hỏng (giải nén gzip thất bại)');
    }
    throw error;
  } finally {
    raw.destroy();
  }
  pending += decoder.end();
  if (pending.length > 0) yield pending;
}
