import fs from 'node:fs';
import { writeAuditInTx } from '../platform/audit/audit';
import type { Config } from '../platform/config';
import {
  keyIdOf,
  rotateSecretKeyFile,
  type SecretBox,
  secretBoxFor,
  secretKeyFileOf,
} from '../platform/crypto';
import type { Database } from '../platform/db/database';
import {
  type EncryptedColumn,
  EncryptedColumnsError,
  listEncryptedColumns,
  type RekeyCounts,
  rekeyColumn,
  UnreadableCiphertextError,
} from '../platform/db/encrypted-columns';
import { CliError, ExitCode, formatCount, type Output } from './io';

export type ColumnReport = EncryptedColumn & RekeyCounts;
export type RekeyReport = { dryRun: boolean; columns: ColumnReport[] };

const columnLine = (c: ColumnReport, dryRun: boolean) =>
  `  ${`${c.table}.${c.column}`.padEnd(40)} ${formatCount(c.resealed).padStart(10)} ${dryRun ? 'cần mã hóa lại' : 'đã mã hóa lại'}` +
  `  ${formatCount(c.current).padStart(10)} đã dùng khóa mới${c.skipped > 0 ? `  ${formatCount(c.skipped)} bỏ qua (vừa bị sửa)` : ''}`;

/** The configured SecretBox; a configuration that yields no key is an input error, not a bug. */
export function configuredSecretBox(config: Config): SecretBox {
  try {
    return secretBoxFor(config);
  } catch (error) {
    throw new CliError(
      `Không xác định được khóa mã hóa: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function writeRekeyAudit(
  database: Database,
  box: SecretBox,
  report: RekeyReport,
  details: { trigger: 'rekey' | 'rotate'; failed: boolean },
) {
  const columns = Object.fromEntries(
    report.columns.map((c) => [
      `${c.table}.${c.column}`,
      { resealed: c.resealed, current: c.current, skipped: c.skipped },
    ]),
  );
  await database.db.transaction().execute((tx) =>
    writeAuditInTx(
      tx,
      { actor: null },
      {
        action: 'secrets.rekey',
        entityType: 'secret_key',
        entityId: box.keyId,
        details: { ...details, previousKeys: box.previousKeyCount, columns },
      },
    ),
  );
}

/**
 * `tuoitho secrets rekey [--dry-run]`: re-encrypts with the current key every value of the encrypted
 * columns still sealed with a previous key, and prints the counts per column. Idempotent. A value
 * that no key opens stops the command with exit code 2 (its batch is not written). The audit row
 * `secrets.rekey` holds the counts, never values or keys.
 */
export async function runRekey(
  database: Database,
  out: Output,
  box: SecretBox,
  opts: { dryRun?: boolean; trigger?: 'rekey' | 'rotate'; batchSize?: number } = {},
): Promise<RekeyReport> {
  const dryRun = opts.dryRun ?? false;
  let columns: EncryptedColumn[];
  try {
    columns = await listEncryptedColumns(database.db);
  } catch (error) {
    if (error instanceof EncryptedColumnsError) throw new CliError(error.message);
    throw error;
  }
  out.info(
    `Khóa hiện tại ${box.keyId}, ${box.previousKeyCount} khóa cũ; ${columns.length} cột mã hóa` +
      `${dryRun ? ' (chạy thử, không ghi gì)' : ''}:`,
  );
  const report: RekeyReport = { dryRun, columns: [] };
  try {
    for (const column of columns) {
      let committed: RekeyCounts = { resealed: 0, current: 0, skipped: 0 };
      try {
        const counts = await rekeyColumn(database.db, box, column, {
          dryRun,
          ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
          onBatch: (c) => {
            committed = c;
          },
        });
        report.columns.push({ ...column, ...counts });
        out.info(columnLine({ ...column, ...counts }, dryRun));
      } catch (error) {
        report.columns.push({ ...column, ...committed });
        throw error;
      }
    }
  } catch (error) {
    if (!dryRun && report.columns.some((c) => c.resealed > 0)) {
      await writeRekeyAudit(database, box, report, { trigger: opts.trigger ?? 'rekey', failed: true });
    }
    if (error instanceof UnreadableCiphertextError) {
      throw new CliError(
        `Không khóa nào mở được giá trị ${error.column.table}.${error.column.column} của dòng id=${error.rowId}: ` +
          'thiếu khóa cũ (SECRET_KEY_PREVIOUS hoặc DATA_DIR/secret.key.previous) hoặc dữ liệu đã bị sửa. ' +
          'Lô chứa dòng này không được ghi; các lô trước đã mã hóa lại vẫn đọc được. ' +
          'Bổ sung khóa còn thiếu rồi chạy lại (no configured key opens this value).',
        ExitCode.Integrity,
      );
    }
    throw error;
  }
  const resealed = report.columns.reduce((n, c) => n + c.resealed, 0);
  const current = report.columns.reduce((n, c) => n + c.current, 0);
  if (dryRun) {
    out.info(
      `Chạy thử: ${formatCount(resealed)} giá trị cần mã hóa lại, ${formatCount(current)} đã dùng khóa mới.`,
    );
    return report;
  }
  await writeRekeyAudit(database, box, report, { trigger: opts.trigger ?? 'rekey', failed: false });
  out.info(`Xong: ${formatCount(resealed)} giá trị đã mã hóa lại, ${formatCount(current)} đã dùng khóa mới.`);
  if (box.previousKeyCount > 0) {
    out.info(
      'Mọi giá trị trong CSDL đã dùng khóa hiện tại. Giữ khóa cũ chừng nào còn giữ bản sao lưu tạo trước khi xoay khóa.',
    );
  }
  return report;
}

/** Refuses `secrets rotate` outside the embedded mode, before anything is opened. */
export function assertRotateAllowed(config: Config): void {
  if (config.secretKey) {
    throw new CliError(
      'SECRET_KEY đang được đặt (chế độ máy chủ): `secrets rotate` chỉ dùng cho chế độ nhúng. ' +
        'Đặt SECRET_KEY=khóa mới, SECRET_KEY_PREVIOUS=khóa cũ, khởi động lại máy chủ rồi chạy `tuoitho secrets rekey`.',
    );
  }
  if (config.databaseUrl) {
    throw new CliError(
      'DATABASE_URL đang được đặt: `secrets rotate` chỉ dùng cho PGlite (chế độ nhúng). Với PostgreSQL, ' +
        'đặt SECRET_KEY=khóa mới, SECRET_KEY_PREVIOUS=khóa cũ rồi chạy `tuoitho secrets rekey`.',
    );
  }
}

/**
 * `tuoitho secrets rotate` (embedded mode, server stopped: the caller holds the DATA_DIR lock):
 * checks that every value opens with the configured keys, generates a new key into
 * DATA_DIR/secret.key (the old one is appended to secret.key.previous), then re-encrypts.
 */
export async function runRotate(database: Database, out: Output, config: Config): Promise<RekeyReport> {
  assertRotateAllowed(config);
  const keyFile = secretKeyFileOf(config.dataDir);
  if (!fs.existsSync(keyFile)) {
    throw new CliError(
      `Chưa có tệp khóa ${keyFile}: máy chủ chưa từng chạy với DATA_DIR này, không có gì để xoay.`,
    );
  }
  const before = configuredSecretBox(config);
  out.info('Kiểm tra mọi giá trị mã hóa mở được bằng các khóa hiện có ...');
  await runRekey(database, out, before, { dryRun: true });
  const { oldKey, newKey } = rotateSecretKeyFile(config.dataDir);
  out.info(
    `Đã tạo khóa mới ${keyIdOf(newKey)} trong ${keyFile} (quyền 0600); khóa cũ ${keyIdOf(oldKey)} ` +
      `được giữ trong ${keyFile}.previous.`,
  );
  return runRekey(database, out, configuredSecretBox(config), { trigger: 'rotate' });
}
