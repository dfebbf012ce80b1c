import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database, SqlSession } from './database';

export const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

/** Arbitrary constant key of the advisory lock that serialises migrators across processes. */
const MIGRATION_LOCK_KEY = 7_270_001;

const HISTORY_DDL = `
CREATE TABLE IF NOT EXISTS schema_migration (
  version integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL
);
COMMENT ON TABLE schema_migration IS 'Lịch sử các bản nâng cấp cấu trúc cơ sở dữ liệu đã chạy';
COMMENT ON COLUMN schema_migration.version IS 'Số thứ tự bản nâng cấp';
COMMENT ON COLUMN schema_migration.name IS 'Tên tệp';
COMMENT ON COLUMN schema_migration.checksum IS 'SHA-256 nội dung tệp (phát hiện tệp đã chạy bị sửa)';
COMMENT ON COLUMN schema_migration.applied_at IS 'Thời điểm chạy';
COMMENT ON COLUMN schema_migration.duration_ms IS 'Thời gian chạy (ms)';
`;

export type MigrationFile = { version: number; name: string; sql: string; checksum: string };

/** Lists the numbered SQL files (`0001_name.sql`) in order. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return {
        version: Number(name.slice(0, 4)),
        name,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export type MigrationReport = { applied: string[]; alreadyApplied: number };

/**
 * Applies the pending migrations, each in its own transaction, under a session advisory lock so
 * that two processes starting together never run the same migration twice. Refuses to run when an
 * already applied file was edited (its checksum changed): migrations are append-only.
 */
export async function migrate(database: Database, files = readMigrations()): Promise<MigrationReport> {
  return database.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(HISTORY_DDL);
      const done = await session.query<{ version: number; name: string; checksum: string }>(
        'SELECT version, name, checksum FROM schema_migration ORDER BY version',
      );
      const doneByVersion = new Map(done.map((d) => [d.version, d]));
      for (const file of files) {
        const prior = doneByVersion.get(file.version);
        if (prior && prior.checksum !== file.checksum) {
          throw new Error(`Migration ${file.name} was changed after it was applied (checksum differs)`);
        }
      }
      const applied: string[] = [];
      for (const file of files.filter((f) => !doneByVersion.has(f.version))) {
        await runOne(session, file);
        applied.push(file.name);
      }
      return { applied, alreadyApplied: doneByVersion.size };
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

async function runOne(session: SqlSession, file: MigrationFile): Promise<void> {
  const started = Date.now();
  await session.exec('BEGIN');
  try {
    await session.exec(file.sql);
    await session.query(
      'INSERT INTO schema_migration (version, name, checksum, duration_ms) VALUES ($1, $2, $3, $4)',
      [file.version, file.name, file.checksum, Date.now() - started],
    );
    await session.exec('COMMIT');
  } catch (error) {
    await session.exec('ROLLBACK');
    throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
  }
}
