// "Our import" side of the import benchmark: the server's own import, `runChildImport` of
// `tuoitho import children`, run in this process on the benchmark file. The CLI's full run is the
// dry run (every row read, checked and compared with the registry) followed by the
// all-or-nothing commit; `--dry-run` stops after the first part.
import type { ImportCliResult } from '../../packages/server/src/cli/import';
import { runChildImport } from '../../packages/server/src/cli/import';
import type { Output } from '../../packages/server/src/cli/io';
import type { Database } from '../../packages/server/src/platform/db/database';
import { timed } from './stats';

export type OurImportRun = {
  ms: number;
  peakRss: number;
  startRss: number;
  result: ImportCliResult;
  messages: string[];
};

/** Runs `tuoitho import children FILE --unit CODE [--dry-run] --json` in-process, timed. */
export async function runOurImport(
  database: Database,
  opts: { file: string; unitCode: string; dryRun: boolean },
): Promise<OurImportRun> {
  const messages: string[] = [];
  const out: Output = { info: (line) => messages.push(line), error: (line) => messages.push(line) };
  const startRss = process.memoryUsage.rss();
  const run = await timed(() =>
    runChildImport(database, out, {
      file: opts.file,
      unitCode: opts.unitCode,
      dryRun: opts.dryRun,
      json: true,
      duplicates: 'skip',
      progress: false,
    }),
  );
  return { ms: run.ms, peakRss: run.peakRss, startRss, result: run.value, messages };
}
