import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestEnv } from '../../../test/harness';
import { type MigrationFile, migrate, readMigrations } from './migrator';

let env: TestEnv;

beforeAll(async () => {
  env = await createTestApp();
});
afterAll(() => env.close());

const fileOf = (version: number, name: string, text: string): MigrationFile => ({
  version,
  name,
  sql: text,
  checksum: createHash('sha256').update(text).digest('hex'),
});

describe('data dictionary', () => {
  it('has a comment on every table and view of schema public', async () => {
    const { rows } = await sql<{ name: string; kind: string; comment: string | null }>`
      SELECT c.relname AS name, c.relkind AS kind, obj_description(c.oid, 'pg_class') AS comment
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'p')
      ORDER BY c.relname`.execute(env.database.db);
    const names = rows.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(['admin_unit', 'admin_unit_flat', 'app_user', 'audit_log', 'schema_migration']),
    );
    expect(rows.filter((r) => !r.comment?.trim()).map((r) => r.name)).toEqual([]);
  });

  it('has a comment on every column of every table and view', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; comment: string | null }>`
      SELECT c.table_name, c.column_name,
             col_description(format('%I.%I', c.table_schema, c.table_name)::regclass, c.ordinal_position) AS comment
      FROM information_schema.columns c
      WHERE c.table_schema = 'public'
      ORDER BY c.table_name, c.ordinal_position`.execute(env.database.db);
    expect(rows.length).toBeGreaterThan(80);
    expect(rows.some((r) => r.table_name === 'admin_unit_flat')).toBe(true);
    const missing = rows.filter((r) => !r.comment?.trim()).map((r) => `${r.table_name}.${r.column_name}`);
    expect(missing).toEqual([]);
  });

  it('has a comment on every function of its own (not those of extensions)', async () => {
    const { rows } = await sql<{ name: string; comment: string | null }>`
      SELECT p.proname AS name, obj_description(p.oid, 'pg_proc') AS comment
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`.execute(
      env.database.db,
    );
    expect(rows.map((r) => r.name)).toContain('vn_fold');
    expect(rows.filter((r) => !r.comment?.trim()).map((r) => r.name)).toEqual([]);
  });
});

describe('migrator', () => {
  it('records every applied file with its SHA-256 checksum', async () => {
    const files = readMigrations();
    expect(files[0]).toMatchObject({ version: 1, name: '0001_platform.sql' });
    const rows = await env.database.db
      .selectFrom('schema_migration')
      .select(['version', 'name', 'checksum'])
      .orderBy('version')
      .execute();
    expect(rows).toEqual(files.map((f) => ({ version: f.version, name: f.name, checksum: f.checksum })));
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies nothing when run again', async () => {
    const report = await migrate(env.database);
    expect(report).toEqual({ applied: [], alreadyApplied: readMigrations().length });
  });

  it('refuses to run when an applied file was changed', async () => {
    const files = readMigrations();
    const [first, ...rest] = files;
    if (!first) throw new Error('no migration');
    const edited = fileOf(first.version, first.name, `${first.sql}\n-- edited afterwards\n`);
    await expect(migrate(env.database, [edited, ...rest])).rejects.toThrow(/0001_platform\.sql.*checksum/);
    const extra = fileOf(9001, '9001_never.sql', 'CREATE TABLE never_applied (id integer);');
    await expect(migrate(env.database, [edited, ...rest, extra])).rejects.toThrow(/checksum/);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_class WHERE relname = 'never_applied'`.execute(env.database.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('applies a new file once, and rolls back a failing one entirely', async () => {
    const files = readMigrations();
    const added = fileOf(
      9002,
      '9002_probe.sql',
      "CREATE TABLE probe (id integer); COMMENT ON TABLE probe IS 'thử'; COMMENT ON COLUMN probe.id IS 'khoá';",
    );
    expect(await migrate(env.database, [...files, added])).toEqual({
      applied: ['9002_probe.sql'],
      alreadyApplied: files.length,
    });
    expect((await migrate(env.database, [...files, added])).applied).toEqual([]);

    const broken = fileOf(
      9003,
      '9003_broken.sql',
      'CREATE TABLE half_done (id integer); SELECT no_such_column FROM probe;',
    );
    await expect(migrate(env.database, [...files, added, broken])).rejects.toThrow(/9003_broken\.sql failed/);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_class WHERE relname = 'half_done'`.execute(env.database.db);
    expect(rows[0]?.n).toBe(0);
    const versions = (await env.database.db.selectFrom('schema_migration').select('version').execute()).map(
      (r) => r.version,
    );
    expect(versions).toContain(9002);
    expect(versions).not.toContain(9003);
  });
});

describe('0011: the province officer reads cases with a reason', () => {
  it('adds cases.content.read to a province_officer role that lacks it, once', async () => {
    const migration = (await readMigrations()).find((m) => m.name.startsWith('0011_'));
    if (!migration) throw new Error('migration 0011 not found');
    const db = env.database.db;
    await sql`UPDATE role SET permissions = array_remove(permissions, 'cases.content.read')
      WHERE code = 'province_officer'`.execute(db);
    const permissions = async () =>
      (
        await db
          .selectFrom('role')
          .select('permissions')
          .where('code', '=', 'province_officer')
          .executeTakeFirstOrThrow()
      ).permissions;
    expect(await permissions()).not.toContain('cases.content.read');
    for (let i = 0; i < 2; i++) await env.database.withSession((session) => session.exec(migration.sql));
    expect((await permissions()).filter((p) => p === 'cases.content.read')).toHaveLength(1);
  });
});
