import type { CreateChildRequest } from '@tuoitho/domain';
import { ChildGenerator, insertGeneratedChildren } from '../modules/children/children.generate';
import { type LoadedGenerationUnit, loadGenerationUnits } from '../modules/children/children.seed';
import { deriveSeed, Random } from '../modules/children/generate-data/random';
import type { Database } from '../platform/db/database';
import { todayInVietnam } from '../platform/time/today';
import { CliError, formatCount, formatDuration, type Output } from './io';

/** Largest data set one command makes (a benchmark of 1 million children, with margin). */
export const MAX_GENERATED_CHILDREN = 5_000_000;
/** Children generated and held in memory at a time before they are written. */
const CHUNK = 5000;

export type GenerateOptions = {
  children: number;
  seed: number;
  /** Two-digit province code: the children are spread over its current communes. */
  provinceCode?: string;
  /** One commune-level unit code: all children go there. */
  unitCode?: string;
  referenceDate?: string;
};

export type GenerateSummary = {
  rows: number;
  specialCircumstances: number;
  units: number;
  seconds: number;
  rowsPerSecond: number;
};

/** A whole number on the command line (`--children 100000`, `100_000`); anything else is an input error. */
export function parseWholeNumber(value: string): number {
  const digits = value.replace(/_/g, '');
  if (!/^\d{1,10}$/.test(digits)) throw new CliError(`Không phải số nguyên không âm: ${value}`);
  return Number(digits);
}

/**
 * Refuses to mix synthetic children into a production registry: generating needs demo mode
 * (the default outside NODE_ENV=production), as `seed-demo` does.
 */
export function assertGenerateAllowed(config: { demoMode: boolean }): void {
  if (!config.demoMode) {
    throw new CliError(
      'Chế độ thử nghiệm đang tắt (DEMO_MODE=false hoặc NODE_ENV=production): không tạo trẻ em giả lập trong sổ theo dõi thật. ' +
        'Đặt DEMO_MODE=true trên cơ sở dữ liệu dùng để thử hoặc đo hiệu năng.',
    );
  }
}

/**
 * How many children each unit gets: wards are more populous than communes, and each unit draws a
 * seeded size factor; the counts sum exactly to `total` (largest remainders).
 */
export function spreadOverUnits(
  total: number,
  units: readonly { code: string; type: string }[],
  seed: number,
) {
  const weights = units.map((unit) => {
    const random = new Random(deriveSeed(seed, 'size', unit.code));
    const base = unit.type === 'phuong' ? 1.6 : unit.type === 'dac_khu' ? 0.6 : 1;
    return base * (0.6 + 0.8 * random.float());
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest);
  for (const { index } of byRemainder) {
    if (left-- <= 0) break;
    counts[index]! += 1;
  }
  return counts;
}

async function resolveUnits(
  database: Database,
  opts: GenerateOptions,
  at: string,
): Promise<LoadedGenerationUnit[]> {
  if (opts.unitCode) {
    const units = await loadGenerationUnits(database.db, { unitCodes: [opts.unitCode] }, at);
    const unit = units[0];
    if (!unit)
      throw new CliError(`Không có xã, phường, đặc khu mã ${opts.unitCode} đang hiệu lực ngày ${at}.`);
    if (opts.provinceCode && unit.provinceCode !== opts.provinceCode) {
      throw new CliError(`Đơn vị ${unit.fullName} [${unit.code}] không thuộc tỉnh mã ${opts.provinceCode}.`);
    }
    return units;
  }
  if (!opts.provinceCode) throw new CliError('Cần --province hoặc --unit.');
  const units = await loadGenerationUnits(database.db, { provinceCode: opts.provinceCode }, at);
  if (units.length === 0) {
    throw new CliError(`Không có tỉnh mã ${opts.provinceCode} hoặc tỉnh này không có xã, phường ngày ${at}.`);
  }
  return units;
}

/**
 * `tuoitho generate --children N --province 38 --seed S [--unit CODE]`: generates synthetic
 * children (benchmarks, demonstrations) over the communes of a province or in one unit, and
 * writes them in batches with one audit row per batch.
 */
export async function runGenerate(
  database: Database,
  out: Output,
  opts: GenerateOptions,
  now: () => number = () => performance.now(),
): Promise<GenerateSummary> {
  if (!Number.isInteger(opts.children) || opts.children < 1 || opts.children > MAX_GENERATED_CHILDREN) {
    throw new CliError(`--children phải là số nguyên từ 1 đến ${formatCount(MAX_GENERATED_CHILDREN)}.`);
  }
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff) {
    throw new CliError('--seed phải là số nguyên không âm (tối đa 4294967295).');
  }
  const referenceDate = opts.referenceDate ?? todayInVietnam();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) || Number.isNaN(Date.parse(referenceDate))) {
    throw new CliError('--reference-date phải có dạng YYYY-MM-DD.');
  }
  const units = await resolveUnits(database, opts, referenceDate);
  const counts = spreadOverUnits(opts.children, units, opts.seed);
  out.info(
    `Tạo ${formatCount(opts.children)} trẻ em (seed ${opts.seed}, tuổi tính tại ${referenceDate}) ` +
      `tại ${formatCount(units.length)} xã, phường...`,
  );
  const generator = new ChildGenerator({ seed: opts.seed, referenceDate });
  const started = now();
  const step = Math.max(CHUNK, Math.ceil(opts.children / 10));
  let rows = 0;
  let specialCircumstances = 0;
  let nextReport = step;
  for (const [index, unit] of units.entries()) {
    const count = counts[index]!;
    if (count === 0) continue;
    let chunk: CreateChildRequest[] = [];
    const flush = async () => {
      const written = await insertGeneratedChildren(database.db, chunk, { unitId: unit.id, seed: opts.seed });
      rows += written.children;
      specialCircumstances += written.specialCircumstances;
      chunk = [];
      if (rows >= nextReport && rows < opts.children) {
        out.info(
          `  ${formatCount(rows)} / ${formatCount(opts.children)} (${formatDuration(now() - started)})`,
        );
        nextReport += step;
      }
    };
    for (const child of generator.generateForUnit(unit, count)) {
      chunk.push(child);
      if (chunk.length >= CHUNK) await flush();
    }
    if (chunk.length > 0) await flush();
  }
  const elapsed = now() - started;
  const seconds = elapsed / 1000;
  const rowsPerSecond = seconds > 0 ? Math.round(rows / seconds) : rows;
  out.info(
    `Đã tạo ${formatCount(rows)} trẻ em (${formatCount(specialCircumstances)} nhóm hoàn cảnh đặc biệt) ` +
      `tại ${formatCount(units.length)} xã, phường trong ${formatDuration(elapsed)}: ${formatCount(rowsPerSecond)} dòng/giây.`,
  );
  return { rows, specialCircumstances, units: units.length, seconds, rowsPerSecond };
}
