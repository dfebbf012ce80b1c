import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { Mutex, PGliteDialect } from './pglite-dialect';
import type { DB } from './schema';

/** Raw access for scripts (migrations, backup): a whole multi-statement SQL text or one query. */
export interface SqlSession {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Kysely<DB>;
  /** Runs `fn` on one dedicated connection (needed for session-level advisory locks). */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** The embedded instance, when running on PGlite. */
  pglite?: PGlite;
  close(): Promise<void>;
}

const OID = { INT8: 20, DATE: 1082, NUMERIC: 1700, TIMESTAMP: 1114 } as const;
const keepText = (v: string) => v;

/**
 * Opens the embedded PGlite database in `dataDir` (or in memory when `dataDir` is undefined),
 * optionally from a data-directory tarball (used by tests to start from a migrated template).
 */
export async function openPGlite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const instance = await PGlite.create(dataDir ? path.resolve(dataDir) : undefined, {
    extensions: { unaccent, pg_trgm, pgcrypto, ltree },
    parsers: {
      [pgliteTypes.INT8]: keepText,
      [pgliteTypes.DATE]: keepText,
      [pgliteTypes.NUMERIC]: keepText,
    },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const mutex = new Mutex();
  const db = new Kysely<DB>({ dialect: new PGliteDialect(instance, mutex) });
  return {
    kind: 'pglite',
    db,
    pglite: instance,
    async withSession(fn) {
      const release = await mutex.acquire();
      try {
        return await fn({
          exec: async (script) => {
            await instance.exec(script);
          },
          query: async <R>(sql: string, params: unknown[] = []) =>
            (await instance.query<R>(sql, params)).rows,
        });
      } finally {
        release();
      }
    },
    async close() {
      await db.destroy();
      await instance.close();
    },
  };
}

/** Opens a pool on a PostgreSQL server (15 or newer). */
export function openPostgres(url: string, poolSize = 10): Database {
  const typeParsers = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === OID.INT8 || oid === OID.DATE || oid === OID.NUMERIC) return keepText;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: typeParsers as pg.CustomTypesConfig,
  });
  // The server may close an idle connection (restart, failover, pg_terminate_backend): the pool
  // drops it and connects again on demand. Unlistened, the 'error' event would crash the process.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (script) => {
            await client.query(script);
          },
          query: async <R>(sql: string, params: unknown[] = []) =>
            (await client.query(sql, params)).rows as R[],
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ever used it; a pool opened for nothing would linger.
      if (!pool.ended) await pool.end();
    },
  };
}

/** Opens the database chosen by configuration: PostgreSQL when a URL is given, PGlite otherwise. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPGlite(path.join(opts.dataDir, 'pglite'));
}
