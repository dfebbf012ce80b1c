// Throw-away PostgreSQL databases for the benchmarks: created on the server of DATABASE_URL (or the
// local default), prepared with the server's own migrations and reference data, dropped after.
import pg from 'pg';
import { loadAdminUnits } from '../../packages/server/src/modules/units/units.data';
import { ensureSystemRoles, seedDemoUsers } from '../../packages/server/src/modules/users/users.seed';
import type { Database } from '../../packages/server/src/platform/db/database';
import { migrate } from '../../packages/server/src/platform/db/migrator';

/** Where the benchmark databases are created when neither --database-url nor DATABASE_URL is given. */
export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

async function onMaintenanceDb<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database `bench_<purpose>_<timestamp>` next to the one `serverUrl` points to.
 * Only names of that shape are ever dropped by `drop()`.
 */
export async function createBenchDatabase(serverUrl: string, purpose: string): Promise<BenchDatabase> {
  const name = `bench_${purpose}_${Date.now()}`;
  if (!/^bench_[a-z_]+_\d+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  await onMaintenanceDb(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: withDatabase(serverUrl, name),
    async drop() {
      await onMaintenanceDb(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

/** The server the benchmark talks to: `--database-url`, else DATABASE_URL, else the local default. */
export const benchServerUrl = (option: string | undefined) =>
  option ?? process.env.DATABASE_URL ?? DEFAULT_SERVER_URL;

/** A few server settings that explain the figures (memory for sorts and caches, parallel workers). */
export async function serverSettings(database: Database): Promise<Record<string, string>> {
  const rows = await database.withSession((s) =>
    s.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings
     WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'effective_cache_size',
       'max_parallel_workers_per_gather', 'synchronous_commit', 'gin_pending_list_limit', 'jit')
     ORDER BY name`,
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting]));
}

/**
 * What `prepareDatabase` of app.ts does without the demo children: the real migrations, the
 * administrative units, the system roles and (for signing in) the demo users.
 */
export async function prepareBenchDatabase(database: Database, opts: { demoUsers: boolean }) {
  await migrate(database);
  await loadAdminUnits(database);
  await ensureSystemRoles(database);
  if (opts.demoUsers) await seedDemoUsers(database);
}
