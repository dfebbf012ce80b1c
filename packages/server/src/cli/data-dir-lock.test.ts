import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, lockFileOf } from '../platform/db/data-dir-lock';
import { ExitCode, MemoryOutput } from './io';
import { openConfiguredDatabase, runCli } from './program';

describe('DATA_DIR lock (PGlite allows one process)', () => {
  it('is exclusive while held, released after use, and taken over from a dead process', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-lock-'));
    const release = lockDataDir(dir, 'test');
    expect(() => lockDataDir(dir, 'second')).toThrow(DataDirLockedError);
    release();
    expect(fs.existsSync(lockFileOf(dir))).toBe(false);
    fs.writeFileSync(lockFileOf(dir), JSON.stringify({ pid: 2 ** 22 + 7, owner: 'dead', since: 'x' }));
    lockDataDir(dir, 'after crash')();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes the command refuse to open a data directory in use, with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-lock-'));
    const release = lockDataDir(dir, 'tuoitho server');
    const out = new MemoryOutput();
    const code = await runCli(['node', 'tuoitho', 'audit', 'verify'], {
      out,
      env: { DATA_DIR: dir },
      isTty: false,
      openDatabase: openConfiguredDatabase,
    });
    release();
    expect(code).toBe(ExitCode.Failure);
    expect(out.errors.join('\n')).toContain(`đang được tuoitho server (pid ${process.pid}`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
