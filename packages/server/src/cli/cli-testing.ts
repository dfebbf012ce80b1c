// Helpers shared by the CLI tests (not used by the command itself).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { adminUrl, testDbKind } from '../../test/db-target';
import { type Database, openPGlite, openPostgres } from '../platform/db/database';
import { MemoryOutput } from './io';
import type { CliDeps } from './program';

/** A database with nothing in it (not even migrations), on the engine the suite runs on. */
export async function openEmptyDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  if (testDbKind() === 'pg') {
    const name = `tuoitho_test_empty_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = openPostgres(adminUrl(), 1);
    await admin.withSession((s) => s.exec(`CREATE DATABASE ${name}`));
    const database = openPostgres(adminUrl(name), 4);
    return {
      ...database,
      async dispose() {
        // close() ends the pg pool only once Kysely has run a query (see the report on database.ts);
        // otherwise DROP ... WITH (FORCE) kills the idle pooled connection and its error is unhandled.
        await sql`SELECT 1`.execute(database.db);
        await database.close();
        await admin.withSession((s) => s.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
        await admin.close();
      },
    };
  }
  const database = await openPGlite(undefined);
  return { ...database, dispose: () => database.close() };
}

/** A count and an md5 over the text of all rows, per base table of schema public, computed in SQL. */
export async function fingerprint(database: Database): Promise<Record<string, { n: string; md5: string }>> {
  return database.withSession(async (s) => {
    const tables = await s.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const result: Record<string, { n: string; md5: string }> = {};
    for (const { name } of tables) {
      const [row] = await s.query<{ n: string; md5: string | null }>(
        `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5
         FROM public."${name}" t`,
      );
      result[name] = { n: row!.n, md5: row!.md5 ?? '' };
    }
    return result;
  });
}

/** Dependencies for `runCli` over an already open test database (left open afterwards). */
export function cliDepsFor(
  database: Database,
  env: Record<string, string> = {},
): CliDeps & { out: MemoryOutput } {
  return {
    out: new MemoryOutput(),
    env: { DATA_DIR: '/tmp/tuoitho-cli-unused', ...env },
    isTty: false,
    openDatabase: async () => ({ ...database, close: async () => undefined }),
  };
}
