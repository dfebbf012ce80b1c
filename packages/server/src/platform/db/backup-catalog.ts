import { createHash } from 'node:crypto';
import type { SqlSession } from './database';

/**
 * What backup and restore need to know about the tables of schema `public`, read from the system
 * catalogs so that a new table or column is included without touching this code.
 */
export type TableInfo = {
  name: string;
  /** Columns in table order, without generated ones (those are recomputed on insert). */
  columns: string[];
  /** STORED generated columns: left out of the dump, the checksum and the insert list. */
  generated: string[];
  primaryKey: string[];
  /** Primary-key columns of a collatable type, ordered with COLLATE "C" to be engine-independent. */
  collatable: string[];
  /** A foreign key of the table to itself (e.g. admin_unit.parent_id), if any. */
  selfReference: { columns: string[]; referenced: string[] } | undefined;
};

export type SequenceInfo = { name: string; table: string | null; column: string | null };

export type Catalog = {
  /** Tables in an order where every table comes after the tables it references. */
  tables: TableInfo[];
  sequences: SequenceInfo[];
  materializedViews: string[];
};

/** Thrown when the catalog cannot be dumped (circular foreign keys between tables). */
export class CatalogError extends Error {}

/** A quoted SQL identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** A quoted SQL string literal. */
export const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
/** A table or sequence of schema public, quoted. */
export const qualified = (name: string) => `public.${ident(name)}`;

/**
 * Session settings that make the text of rows identical on every engine and server configuration:
 * timestamps in UTC, ISO dates and intervals, hex bytea. To be run (SET LOCAL) in each transaction.
 */
export const CANONICAL_SETTINGS = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL bytea_output = 'hex'",
  'SET LOCAL extra_float_digits = 1',
].join(';\n');

const TABLES_SQL = `
SELECT c.relname AS name
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY c.relname`;

const COLUMNS_SQL = `
SELECT c.relname AS table_name, a.attname AS name, a.attgenerated <> '' AS is_generated,
       a.attcollation <> 0 AS is_collatable
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum`;

const CONSTRAINTS_SQL = `
SELECT con.contype AS kind, c.relname AS table_name, r.relname AS referenced_table,
       (SELECT json_agg(a.attname::text ORDER BY k.ord)
          FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
       (SELECT json_agg(a.attname::text ORDER BY k.ord)
          FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS referenced_columns
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class r ON r.oid = con.confrelid
WHERE n.nspname = 'public' AND con.contype IN ('p', 'f')
ORDER BY c.relname, con.conname`;

const SEQUENCES_SQL = `
SELECT s.relname AS name, t.relname AS table_name, a.attname AS column_name
FROM pg_class s
JOIN pg_namespace n ON n.oid = s.relnamespace
LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid
  AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
LEFT JOIN pg_class t ON t.oid = d.refobjid
LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
WHERE n.nspname = 'public' AND s.relkind = 'S'
ORDER BY s.relname`;

const MATVIEWS_SQL = `
SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'm' ORDER BY c.relname`;

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? (value as string[]) : (JSON.parse(String(value)) as string[]);

/** Reads tables, columns, keys and sequences of schema public and orders the tables by dependency. */
export async function readCatalog(session: SqlSession): Promise<Catalog> {
  const tableRows = await session.query<{ name: string }>(TABLES_SQL);
  const columnRows = await session.query<{
    table_name: string;
    name: string;
    is_generated: boolean;
    is_collatable: boolean;
  }>(COLUMNS_SQL);
  const constraintRows = await session.query<{
    kind: 'p' | 'f';
    table_name: string;
    referenced_table: string | null;
    columns: unknown;
    referenced_columns: unknown;
  }>(CONSTRAINTS_SQL);
  const sequenceRows = await session.query<{
    name: string;
    table_name: string | null;
    column_name: string | null;
  }>(SEQUENCES_SQL);
  const matviews = await session.query<{ name: string }>(MATVIEWS_SQL);

  const byName = new Map<string, TableInfo>();
  for (const { name } of tableRows) {
    byName.set(name, {
      name,
      columns: [],
      generated: [],
      primaryKey: [],
      collatable: [],
      selfReference: undefined,
    });
  }
  const collatableColumns = new Set<string>();
  for (const col of columnRows) {
    const table = byName.get(col.table_name);
    if (!table) continue;
    (col.is_generated ? table.generated : table.columns).push(col.name);
    if (col.is_collatable) collatableColumns.add(`${col.table_name}.${col.name}`);
  }
  const dependsOn = new Map<string, Set<string>>([...byName.keys()].map((n) => [n, new Set<string>()]));
  for (const con of constraintRows) {
    const table = byName.get(con.table_name);
    if (!table) continue;
    const columns = asList(con.columns);
    if (con.kind === 'p') {
      table.primaryKey = columns;
      table.collatable = columns.filter((c) => collatableColumns.has(`${table.name}.${c}`));
    } else if (con.referenced_table === table.name) {
      // Only the first self-reference orders the rows; a second one is not needed by any table.
      table.selfReference ??= { columns, referenced: asList(con.referenced_columns) };
    } else if (con.referenced_table && byName.has(con.referenced_table)) {
      dependsOn.get(table.name)!.add(con.referenced_table);
    }
  }
  return {
    tables: orderByDependency(dependsOn).map((name) => byName.get(name)!),
    sequences: sequenceRows.map((s) => ({ name: s.name, table: s.table_name, column: s.column_name })),
    materializedViews: matviews.map((m) => m.name),
  };
}

/** Kahn's algorithm, alphabetical among the tables that are ready, so the order is reproducible. */
function orderByDependency(dependsOn: Map<string, Set<string>>): string[] {
  const remaining = new Map([...dependsOn].map(([name, deps]) => [name, new Set(deps)]));
  const ordered: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining].filter(([, deps]) => deps.size === 0).map(([name]) => name);
    if (ready.length === 0) {
      throw new CatalogError(
        `Khóa ngoại vòng tròn giữa các bảng, không xác định được thứ tự: ${[...remaining.keys()].join(', ')}`,
      );
    }
    for (const name of ready.sort()) {
      ordered.push(name);
      remaining.delete(name);
      for (const deps of remaining.values()) deps.delete(name);
    }
  }
  return ordered;
}

/** The JSON of a row as the database renders it, without generated columns. */
function rowJsonSql(table: TableInfo): string {
  if (table.generated.length === 0) return 'to_jsonb(t)';
  return `(to_jsonb(t) - ARRAY[${table.generated.map(literal).join(', ')}]::text[])`;
}

/**
 * A SELECT over the rows of `table` in the canonical order, exposing `j` (the row as JSON text) and
 * `h` (its md5). The order is parents before children for a self-referencing table (depth in the
 * tree, computed by a recursive query), then the primary key with text compared byte-wise (COLLATE
 * "C"), so that the dump can be inserted batch by batch and both engines list rows identically.
 */
export function orderedRowsSql(table: TableInfo, output: 'j, h' | 'h'): string {
  const from = qualified(table.name);
  const keyOrder =
    table.primaryKey.length > 0
      ? table.primaryKey.map((c) => `t.${ident(c)}${table.collatable.includes(c) ? ' COLLATE "C"' : ''}`)
      : ['x.j COLLATE "C"'];
  const select = output === 'h' ? 'md5(x.j) AS h' : 'x.j, md5(x.j) AS h';
  const lateral = `CROSS JOIN LATERAL (SELECT ${rowJsonSql(table)}::text AS j) x`;
  const self = table.selfReference;
  if (!self) return `SELECT ${select} FROM ${from} t ${lateral} ORDER BY ${keyOrder.join(', ')}`;

  const refAs = self.referenced.map((c, i) => `p.${ident(c)} AS r${i}`).join(', ');
  const refNext = self.referenced.map((c, i) => `c.${ident(c)} AS r${i}`).join(', ');
  const isRoot = self.columns.map((c) => `p.${ident(c)} IS NULL`).join(' OR ');
  const pointsToItself = (alias: string) =>
    self.columns.map((c, i) => `${alias}.${ident(c)} = ${alias}.${ident(self.referenced[i]!)}`).join(' AND ');
  const joinParent = self.columns.map((c, i) => `c.${ident(c)} = depth.r${i}`).join(' AND ');
  const joinRow = self.referenced.map((c, i) => `depth.r${i} = t.${ident(c)}`).join(' AND ');
  return `WITH RECURSIVE depth AS (
      SELECT ${refAs}, 0 AS d FROM ${from} p WHERE ${isRoot} OR (${pointsToItself('p')})
      UNION ALL
      SELECT ${refNext}, depth.d + 1 FROM ${from} c JOIN depth ON ${joinParent} WHERE NOT (${pointsToItself('c')})
    )
    SELECT ${select} FROM ${from} t ${lateral} LEFT JOIN depth ON ${joinRow}
    ORDER BY depth.d NULLS LAST, ${keyOrder.join(', ')}`;
}

/** A running checksum of a table: SHA-256 over the md5 of each row's JSON, in canonical order. */
export class TableChecksum {
  private readonly hash = createHash('sha256');
  rows = 0;

  add(rowMd5: string): void {
    this.hash.update(`${rowMd5}\n`);
    this.rows++;
  }

  digest(): string {
    return `sha256:${this.hash.digest('hex')}`;
  }
}

let cursorSeq = 0;

/**
 * Streams the rows of a query through a server-side cursor, `batchSize` rows at a time, so a table
 * of millions of rows never sits in memory. Must run inside a transaction.
 */
export async function* fetchInBatches<R>(
  session: SqlSession,
  query: string,
  batchSize: number,
): AsyncGenerator<R[]> {
  const cursor = `tuoitho_cursor_${++cursorSeq}`;
  await session.exec(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${query}`);
  try {
    for (;;) {
      const rows = await session.query<R>(`FETCH ${batchSize} FROM ${cursor}`);
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < batchSize) return;
    }
  } finally {
    await session.exec(`CLOSE ${cursor}`).catch(() => undefined);
  }
}

/** Row count and checksum of one table as it is now in the database (inside a transaction). */
export async function checksumTable(
  session: SqlSession,
  table: TableInfo,
  batchSize = 10_000,
): Promise<{ rows: number; checksum: string }> {
  const sum = new TableChecksum();
  for await (const batch of fetchInBatches<{ h: string }>(session, orderedRowsSql(table, 'h'), batchSize)) {
    for (const row of batch) sum.add(row.h);
  }
  return { rows: sum.rows, checksum: sum.digest() };
}
