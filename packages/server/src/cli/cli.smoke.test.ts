import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-cli-smoke-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** Runs bin/tuoitho.mjs in a child process on an embedded database in a temporary DATA_DIR. */
function tuoitho(...args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return spawnSync(process.execPath, [path.join(ROOT, 'bin/tuoitho.mjs'), ...args], {
    cwd: ROOT,
    env: { ...env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('bin/tuoitho.mjs (subprocess)', () => {
  it('migrates a new embedded database, then verifies its audit log', { timeout: 180_000 }, () => {
    const migrate = tuoitho('migrate');
    expect(migrate.stderr).toBe('');
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toContain('0001_platform.sql');
    expect(migrate.stdout).toContain('Đã tạo 7 vai trò hệ thống.');

    const verify = tuoitho('audit', 'verify');
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('Nhật ký toàn vẹn: 7 dòng');
    expect(verify.stderr).toBe('');
    expect(fs.existsSync(path.join(dataDir, 'tuoitho.lock'))).toBe(false);
  });
});
