// Benchmark: importing a spreadsheet of N children, against a raw `COPY` of the same rows in the
// same run. Generates a CSV file in the import template's columns for phường Bỉm Sơn (14812), then
// on two fresh databases (real migrations and units): (a) the baseline, the file converted to the
// table's columns beforehand (conversion timed separately) and loaded with COPY; (b) our import,
// `runChildImport` (what `tuoitho import children` runs) in this process: a dry run, then the full
// run (dry run + commit). Reported: rows/s, the ratio import/COPY, peak memory.
//
//   npm run bench:import -- --rows 1000000 [--database-url postgres://…] [--seed 1] [--json] [--keep]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ChildGenerator } from '../packages/server/src/modules/children/children.generate';
import { loadGenerationUnits } from '../packages/server/src/modules/children/children.seed';
import { type Database, openPostgres } from '../packages/server/src/platform/db/database';
import {
  type BenchDatabase,
  benchServerUrl,
  createBenchDatabase,
  prepareBenchDatabase,
  serverSettings,
} from './lib/bench-db';
import { BASELINE_CHILD_COLUMNS, convertCsvToCopy, writeImportCsv } from './lib/import-file';
import { type OurImportRun, runOurImport } from './lib/our-import';
import { copyFrom } from './lib/pg-copy';
import { CIRCUMSTANCE_COPY_COLUMNS, copyStatement } from './lib/registry-data';
import { count, formatTable, loadAverage, mib, timed } from './lib/stats';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const REFERENCE_DATE = '2026-11-28';
const UNIT_CODE = '14812';
const N = Number(args.rows.replace(/_/g, ''));
const SEED = Number(args.seed);
const log = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** The load average after each step: the machine is shared, so say how busy it was. */
const loads: Record<string, number> = {};
const noteLoad = (step: string) => {
  loads[step] = loadAverage();
  return `(load ${loads[step]})`;
};

const serverUrl = benchServerUrl(args['database-url']);
const dir = args.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-bench-import-'));
fs.mkdirSync(dir, { recursive: true });
const files = {
  csv: path.join(dir, `tre-em-${UNIT_CODE}-${N}.csv`),
  children: path.join(dir, 'child.copy'),
  circumstances: path.join(dir, 'child_special_circumstance.copy'),
};
const created: BenchDatabase[] = [];
const opened: Database[] = [];

/** A fresh database with the real migrations, units, roles and demo users. */
async function freshDatabase(purpose: string) {
  const bench = await createBenchDatabase(serverUrl, purpose);
  created.push(bench);
  const database = openPostgres(bench.url);
  opened.push(database);
  await prepareBenchDatabase(database, { demoUsers: false });
  return { bench, database };
}

const summaryOf = ({ result }: OurImportRun) => ({
  rows: result.rows,
  valid: result.valid,
  invalid: result.invalid,
  warnings: result.warnings,
  duplicates: result.duplicates,
  created: result.created,
  skipped: result.skipped,
  committed: result.committed,
});

const countRows = async (database: Database, table: 'child' | 'child_special_circumstance') =>
  Number(
    (
      await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let exitCode = 0;
try {
  log(`import benchmark: ${count(N)} rows into ${UNIT_CODE}, seed ${SEED}, files in ${dir}`);

  // (a) the baseline database, which also gives the unit the file is generated for.
  const baseline = await freshDatabase('import_copy');
  const [unit] = await loadGenerationUnits(baseline.database.db, { unitCodes: [UNIT_CODE] }, REFERENCE_DATE);
  if (!unit) throw new Error(`unit ${UNIT_CODE} not found`);

  const generator = new ChildGenerator({ seed: SEED, referenceDate: REFERENCE_DATE });
  const csv = await timed(() => writeImportCsv(files.csv, generator, unit, N));
  log(
    `  CSV written: ${count(csv.value.rows)} rows, ${mib(csv.value.bytes)}, ${seconds(csv.ms)} ${noteLoad('csv')}`,
  );
  const conversion = await timed(() =>
    convertCsvToCopy(files.csv, files, { unitId: unit.id, startDate: REFERENCE_DATE }),
  );
  log(
    `  converted to COPY text (not counted in the COPY time): ${seconds(conversion.ms)} ${noteLoad('conversion')}`,
  );

  const copy = await timed(async () => {
    const client = new pg.Client({ connectionString: baseline.bench.url });
    await client.connect();
    try {
      const children = await copyFrom(
        client,
        copyStatement('child', BASELINE_CHILD_COLUMNS),
        fs.createReadStream(files.children, { highWaterMark: 1 << 20 }),
      );
      const circumstances = await copyFrom(
        client,
        copyStatement('child_special_circumstance', CIRCUMSTANCE_COPY_COLUMNS),
        fs.createReadStream(files.circumstances, { highWaterMark: 1 << 20 }),
      );
      return { children, circumstances };
    } finally {
      await client.end();
    }
  });
  const copyRowsPerSecond = copy.value.children / (copy.ms / 1000);
  log(
    `  (a) COPY: ${count(copy.value.children)} children + ${count(copy.value.circumstances)} groups in ` +
      `${seconds(copy.ms)}: ${count(copyRowsPerSecond)} rows/s ${noteLoad('copy')}`,
  );

  // (b) our import, on its own fresh database: a dry run, then the full run (dry run + commit).
  const target = await freshDatabase('import_ours');
  const dryRun = await runOurImport(target.database, { file: files.csv, unitCode: UNIT_CODE, dryRun: true });
  log(`  (b) dry run: ${seconds(dryRun.ms)} ${noteLoad('dryRun')} ${JSON.stringify(summaryOf(dryRun))}`);
  const full = await runOurImport(target.database, { file: files.csv, unitCode: UNIT_CODE, dryRun: false });
  const created = await countRows(target.database, 'child');
  log(
    `  (b) import (dry run + commit): ${seconds(full.ms)} ${noteLoad('full')} ${JSON.stringify(summaryOf(full))}`,
  );
  const notes: string[] = [];
  if (created !== N) notes.push(`our import created ${count(created)} of ${count(N)} rows`);
  for (const run of [dryRun, full]) {
    const shown = run.messages.filter((m) => !m.startsWith('{')).slice(0, 5);
    if (shown.length > 0) notes.push(`import said: ${shown.join(' | ')}`);
  }
  const commitMs = full.ms - dryRun.ms;

  const rate = (rows: number, ms: number) => (ms > 0 ? count(rows / (ms / 1000)) : '-');
  const ratio = (ms: number) => `${(ms / copy.ms).toFixed(1)}×`;
  log('');
  log(
    formatTable(
      ['step', 'rows', 'time', 'rows/s', 'vs COPY', 'peak RSS'],
      [
        [
          'write CSV (generator)',
          count(csv.value.rows),
          seconds(csv.ms),
          rate(N, csv.ms),
          '',
          mib(csv.peakRss),
        ],
        [
          'convert CSV → COPY text',
          count(conversion.value.rows),
          seconds(conversion.ms),
          rate(N, conversion.ms),
          '',
          mib(conversion.peakRss),
        ],
        [
          '(a) COPY child + groups',
          count(copy.value.children),
          seconds(copy.ms),
          rate(N, copy.ms),
          '1.0×',
          mib(copy.peakRss),
        ],
        [
          '(b) dry run only',
          count(N),
          seconds(dryRun.ms),
          rate(N, dryRun.ms),
          ratio(dryRun.ms),
          mib(dryRun.peakRss),
        ],
        [
          '(b) commit (full − dry run)',
          count(created),
          seconds(commitMs),
          rate(N, commitMs),
          ratio(commitMs),
          '',
        ],
        [
          '(b) import: dry run + commit',
          count(created),
          seconds(full.ms),
          rate(N, full.ms),
          ratio(full.ms),
          mib(full.peakRss),
        ],
      ],
    ),
  );
  log('peak RSS: this process, sampled during the step (the import runs in-process, as the CLI does).');
  for (const note of notes) log(`note: ${note}`);

  if (args.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'import',
          date: new Date().toISOString(),
          rows: N,
          unit: UNIT_CODE,
          seed: SEED,
          file: { bytes: csv.value.bytes, writeMs: csv.ms },
          conversion: { ms: conversion.ms, peakRss: conversion.peakRss },
          copy: { ...copy.value, ms: copy.ms, rowsPerSecond: copyRowsPerSecond, peakRss: copy.peakRss },
          ours: {
            dryRun: {
              ms: dryRun.ms,
              peakRss: dryRun.peakRss,
              startRss: dryRun.startRss,
              summary: summaryOf(dryRun),
            },
            full: { ms: full.ms, peakRss: full.peakRss, startRss: full.startRss, summary: summaryOf(full) },
            commitMs,
            created,
            rowsPerSecond: N / (full.ms / 1000),
            ratioToCopy: full.ms / copy.ms,
            commitRatioToCopy: commitMs / copy.ms,
          },
          notes,
          settings: await serverSettings(baseline.database),
          machine: {
            cpus: os.cpus().length,
            memoryGiB: Math.round(os.totalmem() / 2 ** 30),
            loadAverages: loads,
          },
        },
        null,
        2,
      )}\n`,
    );
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  for (const database of opened) await database.close();
  for (const bench of created) {
    if (args.keep) log(`kept database ${bench.name} (--keep); drop it when done`);
    else await bench.drop();
  }
  if (!args.keep && !args.dir) fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
