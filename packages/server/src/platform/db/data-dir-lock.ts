import fs from 'node:fs';
import path from 'node:path';

// PGlite has no lock of its own: two processes can open the same data directory, and the second
// one's shutdown checkpoint can corrupt what the first one has in memory. Every process that opens
// DATA_DIR/pglite (the CLI today; the server should too) takes this lock file first.

export type LockHolder = { pid: number; owner: string; since: string };

/** The data directory is in use by another live process. */
export class DataDirLockedError extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockHolder,
  ) {
    super(`Data directory locked by ${holder.owner} (pid ${holder.pid}) since ${holder.since}`);
  }
}

export const lockFileOf = (dataDir: string) => path.join(dataDir, 'tuoitho.lock');

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Takes the exclusive lock of `dataDir` for this process (a stale lock of a dead process is taken
 * over) and returns the function that releases it. Throws DataDirLockedError when a live process
 * holds it.
 */
export function lockDataDir(dataDir: string, owner: string): () => void {
  const file = lockFileOf(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      const holder: LockHolder = { pid: process.pid, owner, since: new Date().toISOString() };
      fs.writeSync(fd, JSON.stringify(holder));
      fs.closeSync(fd);
      return () => {
        if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (attempt > 0 || (holder && isAlive(holder.pid))) {
        throw new DataDirLockedError(file, holder ?? { pid: 0, owner: 'unknown', since: 'unknown' });
      }
      fs.rmSync(file, { force: true });
    }
  }
}
