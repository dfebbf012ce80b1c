// Fills a benchmark database with generated children: COPY on PostgreSQL (fast), the generator's
// own batched INSERT on PGlite. Returns a sample of the children for building queries.
import type { CreateChildRequest } from '@tuoitho/domain';
import pg from 'pg';
import {
  type ChildGenerator,
  insertGeneratedChildren,
} from '../../packages/server/src/modules/children/children.generate';
import type { LoadedGenerationUnit } from '../../packages/server/src/modules/children/children.seed';
import type { Database } from '../../packages/server/src/platform/db/database';
import { copyFrom } from './pg-copy';
import {
  CHILD_COPY_COLUMNS,
  CIRCUMSTANCE_COPY_COLUMNS,
  childCopyRow,
  circumstanceCopyRows,
  copyStatement,
  newChildId,
  type SampledChild,
  sampleOf,
} from './registry-data';

export type LoadPlan = ReadonlyArray<{ unit: LoadedGenerationUnit; count: number }>;
export type LoadResult = { children: number; specialCircumstances: number; sample: SampledChild[] };

const ROWS_PER_CHUNK = 2000;
const PGLITE_BATCH = 5000;

function* generatePlan(generator: ChildGenerator, plan: LoadPlan) {
  for (const { unit, count } of plan) {
    for (const child of generator.generateForUnit(unit, count)) yield { unit, child };
  }
}

/** Keeps every k-th child, about `size` of them over `total`. */
function sampler(total: number, size: number) {
  const every = Math.max(1, Math.floor(total / size));
  const sample: SampledChild[] = [];
  let seen = 0;
  return {
    sample,
    offer(child: CreateChildRequest) {
      if (seen++ % every === 0) sample.push(sampleOf(child));
    },
  };
}

/** Loads the plan's children with COPY on a PostgreSQL database (children, then their groups). */
export async function copyChildren(
  url: string,
  generator: ChildGenerator,
  plan: LoadPlan,
  opts: { sampleSize: number; onProgress?: (rows: number) => void },
): Promise<LoadResult> {
  const total = plan.reduce((sum, p) => sum + p.count, 0);
  const samples = sampler(total, opts.sampleSize);
  const circumstances: string[] = [];
  let children = 0;
  const chunks = function* () {
    let chunk = '';
    let inChunk = 0;
    for (const { unit, child } of generatePlan(generator, plan)) {
      const id = newChildId();
      chunk += childCopyRow(id, unit.id, child, generator.referenceDate);
      circumstances.push(...circumstanceCopyRows(id, child));
      samples.offer(child);
      children++;
      if (++inChunk >= ROWS_PER_CHUNK) {
        yield chunk;
        chunk = '';
        inChunk = 0;
        if (children % 100_000 === 0) opts.onProgress?.(children);
      }
    }
    if (chunk) yield chunk;
  };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await copyFrom(client, copyStatement('child', CHILD_COPY_COLUMNS), chunks());
    await copyFrom(
      client,
      copyStatement('child_special_circumstance', CIRCUMSTANCE_COPY_COLUMNS),
      circumstances,
    );
  } finally {
    await client.end();
  }
  return { children, specialCircumstances: circumstances.length, sample: samples.sample };
}

/** Loads the plan's children through `insertGeneratedChildren` (PGlite, or any database). */
export async function insertChildren(
  database: Database,
  generator: ChildGenerator,
  plan: LoadPlan,
  opts: { sampleSize: number; onProgress?: (rows: number) => void },
): Promise<LoadResult> {
  const total = plan.reduce((sum, p) => sum + p.count, 0);
  const samples = sampler(total, opts.sampleSize);
  let children = 0;
  let specialCircumstances = 0;
  for (const { unit, count } of plan) {
    let batch: CreateChildRequest[] = [];
    const flush = async () => {
      const written = await insertGeneratedChildren(database.db, batch, { unitId: unit.id });
      children += written.children;
      specialCircumstances += written.specialCircumstances;
      batch = [];
      if (children % 100_000 < PGLITE_BATCH) opts.onProgress?.(children);
    };
    for (const child of generator.generateForUnit(unit, count)) {
      batch.push(child);
      samples.offer(child);
      if (batch.length >= PGLITE_BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  }
  return { children, specialCircumstances, sample: samples.sample };
}
