import { writeBackup } from '../platform/db/backup';
import { qualified, readCatalog } from '../platform/db/backup-catalog';
import type { Database } from '../platform/db/database';
import { readBackupHeader, restoreBackup } from '../platform/db/restore';
import { CliError, formatBytes, formatCount, formatDuration, type Output } from './io';

const ENGINE: Record<string, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

const tableLine = (p: { table: string; rows: number; ms: number }) =>
  `  ${p.table.padEnd(24)} ${formatCount(p.rows).padStart(12)} dòng  ${formatDuration(p.ms)}`;

/** `tuoitho backup FILE`: a logical, engine-independent backup (ADR 0005). */
export async function runBackup(
  database: Database,
  out: Output,
  file: string,
  opts: { force?: boolean } = {},
): Promise<void> {
  out.info(`Sao lưu vào ${file} ...`);
  const result = await writeBackup(database, file, {
    overwrite: opts.force ?? false,
    onTable: (p) => out.info(tableLine(p)),
  });
  const rows = result.tables.reduce((n, t) => n + t.rows, 0);
  out.info(
    `Xong: ${result.tables.length} bảng, ${formatCount(rows)} dòng, ${formatBytes(result.bytes)}, ${formatDuration(result.ms)}.`,
  );
  out.info('Tệp chứa dữ liệu cá nhân và băm mật khẩu: chỉ chủ sở hữu đọc được; hãy cất giữ an toàn.');
}

/** Whether any table of schema public holds a row (an empty or new database needs no confirmation). */
export async function databaseHasData(database: Database): Promise<boolean> {
  return database.withSession(async (session) => {
    const catalog = await readCatalog(session);
    for (const table of catalog.tables) {
      if (table.name === 'schema_migration') continue;
      const [row] = await session.query<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${qualified(table.name)}) AS found`,
      );
      if (row?.found) return true;
    }
    return false;
  });
}

/**
 * `tuoitho restore FILE`: replaces all data with the backup. A database that already holds data is
 * only overwritten after confirmation (`--yes`, or typing "co" on a terminal).
 */
export async function runRestore(
  database: Database,
  out: Output,
  file: string,
  opts: { yes?: boolean; confirm?: (question: string) => Promise<string> } = {},
): Promise<void> {
  const header = await readBackupHeader(file);
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  out.info(
    `Bản sao lưu tạo lúc ${header.createdAt} từ ${ENGINE[header.source.kind] ?? header.source.kind} ` +
      `${header.source.serverVersion}: ${header.tables.length} bảng, ${formatCount(rows)} dòng.`,
  );
  if (!opts.yes && (await databaseHasData(database))) {
    const warning =
      'Cơ sở dữ liệu đích đang có dữ liệu; phục hồi sẽ XOÁ TOÀN BỘ và thay bằng nội dung bản sao lưu.';
    if (!opts.confirm) throw new CliError(`${warning} Thêm --yes để xác nhận.`);
    const answer = await opts.confirm(`${warning}\nGõ "co" để tiếp tục: `);
    if (answer.trim().toLowerCase() !== 'co') throw new CliError('Đã hủy, không thay đổi gì.');
  }
  const result = await restoreBackup(database, file, {
    onProgress: (p) => {
      if (p.phase === 'migrated' && p.applied.length > 0) {
        out.info(`Đã tạo cấu trúc CSDL: ${p.applied.join(', ')}`);
      } else if (p.phase === 'table') {
        out.info(tableLine(p));
      } else if (p.phase === 'verified') {
        out.info(
          `Đã đối chiếu số dòng và tổng kiểm tra của ${p.tables} bảng: khớp (${formatDuration(p.ms)}).`,
        );
      }
    },
  });
  out.info(`Phục hồi xong trong ${formatDuration(result.ms)}.`);
}
