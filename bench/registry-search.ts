// Benchmark: name search in the child registry at scale. Builds a fresh database (the real
// migrations and administrative units), loads N generated children over the communes of Thanh Hóa
// (38) with a share in phường Bỉm Sơn (14812), then times a realistic query mix through the HTTP
// app in-process (session, scope, validation, the two SQL statements, serialization) as a province
// officer and as a commune officer. Latency percentiles per query kind; warm-up excluded.
//
//   npm run bench:search -- --children 1000000 [--database-url postgres://…] [--queries 500]
//     [--seed 1] [--json] [--pglite] [--keep]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../packages/server/src/app';
import { ChildGenerator } from '../packages/server/src/modules/children/children.generate';
import { loadGenerationUnits } from '../packages/server/src/modules/children/children.seed';
import { deriveSeed, Random } from '../packages/server/src/modules/children/generate-data/random';
import { DEMO_PASSWORD } from '../packages/server/src/modules/users/users.seed';
import { loadConfig } from '../packages/server/src/platform/config';
import { type Database, openPGlite, openPostgres } from '../packages/server/src/platform/db/database';
import {
  type BenchDatabase,
  benchServerUrl,
  createBenchDatabase,
  prepareBenchDatabase,
  serverSettings,
} from './lib/bench-db';
import { copyChildren, insertChildren } from './lib/load-children';
import { planProvinceSpread } from './lib/registry-data';
import {
  buildMix,
  formatReport,
  labelOf,
  type Measured,
  type MixEntry,
  reportRows,
  type Scope,
  slowestOf,
} from './lib/search-mix';
import { SqlCapture } from './lib/sql-capture';
import { count, loadAverage, ms } from './lib/stats';

const { values: args } = parseArgs({
  options: {
    children: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    pglite: { type: 'boolean', default: false },
    queries: { type: 'string', default: '500' },
    warmup: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

/** The date ages are computed at, fixed so the data set does not drift from day to day. */
const REFERENCE_DATE = '2026-11-28';
const PROVINCE = '38';
const FOCUS = { code: '14812', share: 0.05 };
/** The goal of docs/benchmarks.md: a province-wide name search answers within this at p95. */
const GOAL_P95_MS = 300;
const PAGE = 50;

const N = Number(args.children.replace(/_/g, ''));
const QUERIES = Number(args.queries);
const WARMUP = Number(args.warmup);
const SEED = Number(args.seed);
const log = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
const secondsSince = (started: number) => `${((performance.now() - started) / 1000).toFixed(0)} s`;

async function openBenchDatabase(): Promise<{ database: Database; bench?: BenchDatabase; url?: string }> {
  if (args.pglite) return { database: await openPGlite(undefined) };
  const bench = await createBenchDatabase(benchServerUrl(args['database-url']), 'search');
  return { database: openPostgres(bench.url, 4), bench, url: bench.url };
}

/** EXPLAIN (ANALYZE, BUFFERS) of each child statement of a measured request. */
async function explain(database: Database, measured: Measured) {
  const plans: Array<{ statement: string; ms: number; plan: string }> = [];
  for (const statement of measured.statements) {
    const plan = await database.withSession(async (s) => {
      const lines = await s.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, [
        ...statement.parameters,
      ]);
      return lines.map((r) => Object.values(r)[0]).join('\n');
    });
    plans.push({ statement: /count\(\*\)/.test(statement.sql) ? 'count' : 'list', ms: statement.ms, plan });
  }
  return plans;
}

/** Index scans per index of `child` so far (PostgreSQL's cumulative statistics). */
async function childIndexScans(database: Database): Promise<Record<string, number>> {
  const rows = await database.withSession((s) =>
    s.query<{ name: string; scans: string }>(
      `SELECT indexrelname AS name, idx_scan::text AS scans FROM pg_stat_user_indexes WHERE relname = 'child'`,
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.scans)]));
}

const database = await openBenchDatabase();
/** The app's DATA_DIR (its secret key file in demo mode), removed at the end. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-bench-'));
const capture = new SqlCapture();
let exitCode = 0;
try {
  log(
    `registry search benchmark: ${count(N)} children, ${database.bench ? `PostgreSQL ${database.bench.name}` : 'PGlite (in memory)'}, ` +
      `${QUERIES} queries after ${WARMUP} warm-up, seed ${SEED}`,
  );
  let started = performance.now();
  await prepareBenchDatabase(database.database, { demoUsers: true });
  log(`  migrations, units, roles, demo users: ${secondsSince(started)}`);

  const units = await loadGenerationUnits(database.database.db, { provinceCode: PROVINCE }, REFERENCE_DATE);
  const plan = planProvinceSpread(units, N, SEED, FOCUS);
  const inFocus = plan.find((p) => p.unit.code === FOCUS.code)?.count ?? 0;
  const generator = new ChildGenerator({ seed: SEED, referenceDate: REFERENCE_DATE });
  started = performance.now();
  const load = {
    sampleSize: 4000,
    onProgress: (rows: number) => log(`  ${count(rows)} children (${secondsSince(started)})`),
  };
  const loaded = database.url
    ? await copyChildren(database.url, generator, plan, load)
    : await insertChildren(database.database, generator, plan, load);
  const loadSeconds = (performance.now() - started) / 1000;
  log(
    `  loaded ${count(loaded.children)} children, ${count(loaded.specialCircumstances)} groups, in ` +
      `${units.length} communes (${count(inFocus)} in ${FOCUS.code}): ` +
      `${loadSeconds.toFixed(0)} s, ${count(loaded.children / loadSeconds)} rows/s with generation (${database.url ? 'COPY' : 'INSERT'})`,
  );
  started = performance.now();
  // A steady registry has been vacuumed by autovacuum: visibility map set, GIN pending lists merged.
  await database.database.withSession((s) => s.exec('VACUUM (ANALYZE) child, child_special_circumstance'));
  log(`  VACUUM (ANALYZE): ${secondsSince(started)}`);

  const traced: Database = { ...database.database, db: database.database.db.withPlugin(capture) };
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    SECRET_KEY: 'bench-secret-key-bench-secret-key-0123',
    DEMO_MODE: 'true',
  });
  const app = await buildApp(traced, config, { logger: false });
  const login = async (username: string) => {
    const res = await app.server.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: DEMO_PASSWORD },
    });
    const session = res.cookies.find((c) => c.name === 'tt_session');
    if (res.statusCode !== 200 || !session)
      throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    return `tt_session=${session.value}`;
  };
  const cookies: Record<Scope, string> = {
    province: await login('tinh.thanhhoa'),
    commune: await login('bimson.canbo'),
  };

  const run = async (entry: MixEntry): Promise<Measured> => {
    capture.take();
    const t0 = performance.now();
    const res = await app.server.inject({
      method: 'GET',
      url: `/api/v1/children?${new URLSearchParams({ q: entry.q, limit: String(PAGE) })}`,
      headers: { cookie: cookies[entry.scope] },
    });
    const elapsed = performance.now() - t0;
    if (res.statusCode !== 200) throw new Error(`q=${entry.q}: ${res.statusCode} ${res.body}`);
    const body = res.json() as { items: unknown[]; total: number };
    const statements = capture.take().filter((s) => /from "child" as "c"/.test(s.sql));
    const sumOf = (pattern: RegExp) =>
      statements.filter((s) => pattern.test(s.sql)).reduce((sum, s) => sum + s.ms, 0);
    return {
      ...entry,
      ms: elapsed,
      items: body.items.length,
      total: body.total,
      listMs: sumOf(/order by/),
      countMs: sumOf(/count\(\*\)/),
      statements,
    };
  };
  const warmup = buildMix(loaded.sample, WARMUP, FOCUS.code, new Random(deriveSeed(SEED, 'warmup')));
  const mix = buildMix(loaded.sample, QUERIES, FOCUS.code, new Random(deriveSeed(SEED, 'queries')));

  for (const entry of warmup) await run(entry);
  const loadBefore = loadAverage();
  const scansBefore = await childIndexScans(database.database);
  const results: Measured[] = [];
  started = performance.now();
  for (const entry of mix) results.push(await run(entry));
  const runSeconds = (performance.now() - started) / 1000;
  const loadAfter = loadAverage();
  const rows = reportRows(results);
  const province = rows.find((r) => r.scope === 'province' && r.kind === 'all')!;
  const goalMet = province.latency.p95 < GOAL_P95_MS;
  log('');
  log(formatReport(rows));
  log('milliseconds; "list"/"count": the two SQL statements of a request as the app timed them;');
  log(`items: rows on the page (limit ${PAGE}); total: matches counted for the page's "total".`);
  log(
    `goal: province-wide p95 < ${GOAL_P95_MS} ms: ${goalMet ? 'MET' : 'NOT MET'} (${ms(province.latency.p95)} ms); ` +
      `${results.length} queries in ${runSeconds.toFixed(0)} s; load average ${loadBefore} before, ${loadAfter} after`,
  );
  // Backends report their statistics when idle, at the latest after 10 s.
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const scansAfter = await childIndexScans(database.database);
  const indexScans = Object.fromEntries(
    Object.entries(scansAfter).map(([index, n]) => [index, n - (scansBefore[index] ?? 0)]),
  );
  log(`index scans on child during the queries: ${JSON.stringify(indexScans)}`);
  const slowest = slowestOf(rows, results);
  let plans: Awaited<ReturnType<typeof explain>> = [];
  if (slowest) {
    plans = await explain(database.database, slowest.query);
    log('');
    log(`EXPLAIN (ANALYZE, BUFFERS) of the slowest kind, "${labelOf(slowest.kind)}": q=${slowest.query.q}`);
    for (const p of plans) log(`--- ${p.statement} statement (${ms(p.ms)} ms in the run)\n${p.plan}`);
  }

  if (args.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'registry-search',
          date: new Date().toISOString(),
          backend: database.bench ? 'postgres' : 'pglite',
          children: loaded.children,
          specialCircumstances: loaded.specialCircumstances,
          communes: units.length,
          focusCommune: { ...FOCUS, children: inFocus },
          seed: SEED,
          loadSeconds,
          queries: mix.length,
          warmup: warmup.length,
          pageSize: PAGE,
          settings: database.bench ? await serverSettings(database.database) : {},
          machine: {
            cpus: os.cpus().length,
            memoryGiB: Math.round(os.totalmem() / 2 ** 30),
            loadAverage: { before: loadBefore, after: loadAfter },
          },
          runSeconds,
          goal: { provinceP95Ms: GOAL_P95_MS, met: goalMet },
          rows,
          indexScans,
          slowest: slowest ? { kind: slowest.kind, q: slowest.query.q, ms: slowest.query.ms, plans } : null,
        },
        null,
        2,
      )}\n`,
    );
  }
  await app.close();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
  await database.database.close();
  if (database.bench && !args.keep) await database.bench.drop();
  else if (database.bench) log(`kept database ${database.bench.name} (--keep); drop it when done`);
}
process.exit(exitCode);
