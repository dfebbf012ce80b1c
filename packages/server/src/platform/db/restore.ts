import {
  appliedMigrations,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupHeader,
  type BackupMigration,
  type BackupSection,
  type BackupTrailer,
  readBackupLines,
  type TableProgress,
} from './backup';
import {
  CANONICAL_SETTINGS,
  type Catalog,
  checksumTable,
  ident,
  qualified,
  readCatalog,
  type TableInfo,
} from './backup-catalog';
import type { Database, SqlSession } from './database';
import { type MigrationFile, migrate, readMigrations } from './migrator';

export type RestoreProgress =
  | { phase: 'migrated'; applied: string[] }
  | ({ phase: 'table' } & TableProgress)
  | { phase: 'verified'; tables: number; ms: number };

export type RestoreResult = { header: BackupHeader; tables: TableProgress[]; ms: number };

const ROW_BATCH = 2000;
const BATCH_BYTES = 16 * 1024 * 1024;

/**
 * Replaces all data of the database with the content of a backup file, in one transaction: every
 * table of schema public is truncated, refilled batch by batch from the streamed file, sequences
 * are set, and then each table's row count and checksum is recomputed in SQL and compared with the
 * file's trailer. Any difference, or any error, rolls everything back. An empty database is first
 * migrated; a backup made under a different list of migrations than this code's is refused.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  opts: { onProgress?: (p: RestoreProgress) => void; migrations?: MigrationFile[] } = {},
): Promise<RestoreResult> {
  const started = Date.now();
  const lines = readBackupLines(file);
  const nextLine = async () => {
    const next = await lines.next();
    return next.done ? undefined : next.value;
  };
  try {
    const header = parseHeader(await nextLine());
    const code = opts.migrations ?? readMigrations();
    assertSameMigrations(
      header.migrations,
      code.map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })),
      'phiên bản phần mềm này',
    );
    const { applied } = await migrate(database, code);
    opts.onProgress?.({ phase: 'migrated', applied });

    const tables: TableProgress[] = [];
    await database.withSession(async (session) => {
      assertSameMigrations(header.migrations, await appliedMigrations(session), 'cơ sở dữ liệu đích');
      const catalog = await readCatalog(session);
      assertSameTables(header, catalog);
      const byName = new Map(catalog.tables.map((t) => [t.name, t]));
      await session.exec('BEGIN');
      try {
        await session.exec(CANONICAL_SETTINGS);
        await session.exec(
          `TRUNCATE ${catalog.tables.map((t) => qualified(t.name)).join(', ')} RESTART IDENTITY CASCADE`,
        );
        for (const expected of header.tables) {
          const tableStarted = Date.now();
          const section = parseLine<BackupSection>(await nextLine(), 'table');
          if (section.name !== expected.name || section.rows !== expected.rows) {
            throw new BackupError('corrupt', `Tệp sao lưu sai cấu trúc ở phần bảng ${section.name}`);
          }
          await insertRows(session, byName.get(section.name)!, section.rows, nextLine);
          const progress = { table: section.name, rows: section.rows, ms: Date.now() - tableStarted };
          tables.push(progress);
          opts.onProgress?.({ phase: 'table', ...progress });
        }
        const trailer = parseLine<BackupTrailer>(await nextLine(), 'end');
        if ((await nextLine())?.trim()) {
          throw new BackupError('corrupt', 'Tệp sao lưu có dữ liệu sau phần kết thúc');
        }
        await restoreSequences(session, catalog, trailer);
        for (const view of catalog.materializedViews) {
          await session.exec(`REFRESH MATERIALIZED VIEW ${qualified(view)}`);
        }
        const verifyStarted = Date.now();
        await assertSameContent(session, catalog, trailer);
        opts.onProgress?.({
          phase: 'verified',
          tables: catalog.tables.length,
          ms: Date.now() - verifyStarted,
        });
        await session.exec('COMMIT');
      } catch (error) {
        await session.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    return { header, tables, ms: Date.now() - started };
  } finally {
    await lines.return(undefined);
  }
}

/** Reads and checks the header of a backup file without touching any database. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readBackupLines(file);
  try {
    const first = await lines.next();
    return parseHeader(first.done ? undefined : first.value);
  } finally {
    await lines.return(undefined);
  }
}

function parseJson(line: string | undefined, isHeader: boolean): unknown {
  if (line === undefined) throw new BackupError('truncated', 'Tệp sao lưu bị cắt cụt (thiếu phần kết thúc)');
  try {
    return JSON.parse(line);
  } catch {
    throw isHeader
      ? new BackupError('not_a_backup', 'Tệp không phải bản sao lưu Tuổi Thơ (dòng đầu không phải JSON)')
      : new BackupError('corrupt', 'Tệp sao lưu hỏng (một dòng không phải JSON)');
  }
}

function parseHeader(line: string | undefined): BackupHeader {
  if (line === undefined) throw new BackupError('not_a_backup', 'Tệp sao lưu rỗng');
  const header = parseJson(line, true) as Partial<BackupHeader> | null;
  if (!header || header.format !== BACKUP_FORMAT || !Array.isArray(header.tables)) {
    throw new BackupError('not_a_backup', 'Tệp không phải bản sao lưu Tuổi Thơ');
  }
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      'unsupported_version',
      `Định dạng sao lưu phiên bản ${header.formatVersion} không được hỗ trợ (chỉ hỗ trợ ${BACKUP_FORMAT_VERSION})`,
    );
  }
  return header as BackupHeader;
}

function parseLine<T extends { section: string }>(line: string | undefined, section: T['section']): T {
  const value = parseJson(line, false) as Partial<T> | null;
  if (!value || value.section !== section) {
    throw new BackupError('corrupt', 'Tệp sao lưu sai cấu trúc (số dòng của một bảng không khớp)');
  }
  return value as T;
}

/** Refuses a backup whose migrations (versions and file checksums) differ from `other`. */
function assertSameMigrations(backup: BackupMigration[], other: BackupMigration[], otherName: string): void {
  const problems: string[] = [];
  const inBackup = new Map(backup.map((m) => [m.version, m]));
  const inOther = new Map(other.map((m) => [m.version, m]));
  for (const m of other) {
    const b = inBackup.get(m.version);
    if (!b) problems.push(`bản sao lưu thiếu ${m.name}`);
    else if (b.checksum !== m.checksum) problems.push(`${m.name} có nội dung khác`);
  }
  for (const b of backup) if (!inOther.has(b.version)) problems.push(`${otherName} thiếu ${b.name}`);
  if (problems.length > 0) {
    throw new BackupError(
      'migrations_differ',
      `Cấu trúc CSDL của bản sao lưu khác ${otherName}: ${problems.join('; ')}. ` +
        'Hãy phục hồi bằng đúng phiên bản Tuổi Thơ đã tạo bản sao lưu, rồi nâng cấp.',
    );
  }
}

function assertSameTables(header: BackupHeader, catalog: Catalog): void {
  const target = new Map(catalog.tables.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const t of header.tables) {
    const mine = target.get(t.name);
    if (!mine) problems.push(`CSDL đích không có bảng ${t.name}`);
    else if (mine.columns.join(',') !== t.columns.join(',')) problems.push(`bảng ${t.name} khác cột`);
  }
  const inBackup = new Set(header.tables.map((t) => t.name));
  for (const t of catalog.tables)
    if (!inBackup.has(t.name)) problems.push(`bản sao lưu thiếu bảng ${t.name}`);
  if (problems.length > 0) {
    throw new BackupError('schema_differs', `Cấu trúc bảng khác bản sao lưu: ${problems.join('; ')}`);
  }
}

/** Inserts `rows` lines of the file into `table`, in batches of JSON arrays expanded by the database. */
async function insertRows(
  session: SqlSession,
  table: TableInfo,
  rows: number,
  nextLine: () => Promise<string | undefined>,
): Promise<void> {
  const columns = table.columns.map(ident).join(', ');
  const insert = `INSERT INTO ${qualified(table.name)} (${columns}) OVERRIDING SYSTEM VALUE
    SELECT ${columns} FROM jsonb_populate_recordset(NULL::${qualified(table.name)}, $1::jsonb)`;
  let batch: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await session.query(insert, [`[${batch.join(',')}]`]);
    } catch (error) {
      throw new BackupError(
        'corrupt',
        `Không nạp được dữ liệu bảng ${table.name} (tệp hỏng hoặc bị sửa): ${(error as Error).message}`,
      );
    }
    batch = [];
    bytes = 0;
  };
  for (let i = 0; i < rows; i++) {
    const line = await nextLine();
    if (line === undefined) throw new BackupError('truncated', 'Tệp sao lưu bị cắt cụt');
    batch.push(line);
    bytes += line.length;
    if (batch.length >= ROW_BATCH || bytes >= BATCH_BYTES) await flush();
  }
  await flush();
}

/**
 * Puts every sequence back where the backup left it, and never below the largest value already
 * used in its column (so the next generated id cannot collide with a restored row).
 */
async function restoreSequences(session: SqlSession, catalog: Catalog, trailer: BackupTrailer) {
  const known = new Set(catalog.sequences.map((s) => s.name));
  for (const seq of trailer.sequences) {
    if (!known.has(seq.name)) continue;
    await session.query('SELECT setval($1::regclass, $2::bigint, $3::boolean)', [
      qualified(seq.name),
      seq.lastValue,
      seq.isCalled,
    ]);
  }
  for (const seq of catalog.sequences) {
    if (!seq.table || !seq.column) continue;
    await session.query(
      `SELECT setval($1::regclass, m.v) FROM (SELECT max(${ident(seq.column)})::bigint AS v
         FROM ${qualified(seq.table)}) m, ${qualified(seq.name)} s
       WHERE m.v IS NOT NULL AND m.v > (CASE WHEN s.is_called THEN s.last_value ELSE s.last_value - 1 END)`,
      [qualified(seq.name)],
    );
  }
}

/** Recomputes each table's count and checksum in the database and compares with the trailer. */
async function assertSameContent(session: SqlSession, catalog: Catalog, trailer: BackupTrailer) {
  const expected = new Map(trailer.tables.map((t) => [t.name, t]));
  const differing: string[] = [];
  for (const table of catalog.tables) {
    const want = expected.get(table.name);
    const got = await checksumTable(session, table);
    if (!want || want.rows !== got.rows || want.checksum !== got.checksum) {
      differing.push(
        want && want.rows !== got.rows ? `${table.name} (${got.rows}/${want.rows} dòng)` : table.name,
      );
    }
  }
  if (differing.length > 0) {
    throw new BackupError(
      'checksum_mismatch',
      `Dữ liệu sau khi nạp khác tổng kiểm tra của bản sao lưu ở bảng: ${differing.join(', ')}. ` +
        'Tệp đã bị sửa hoặc hỏng; đã hủy phục hồi, dữ liệu hiện có giữ nguyên.',
    );
  }
}
