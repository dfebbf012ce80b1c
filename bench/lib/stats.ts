// Small measuring helpers shared by the benchmarks: percentiles, a text table, peak memory.
import os from 'node:os';

/** The p-th percentile (0–100) by nearest rank over sorted values; NaN for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export type LatencySummary = {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
};

/** Count, p50, p95, p99, max and mean of durations in milliseconds. */
export function summarize(durations: readonly number[]): LatencySummary {
  const sorted = [...durations].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
  };
}

/** A plain text table: the first column left-aligned, the others right-aligned. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(value < 10 ? 1 : 0));
export const count = (value: number) => Math.round(value).toLocaleString('en-US');
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/**
 * Peak resident memory of this process during a phase, sampled every `intervalMs` (the process's
 * own maxRSS cannot be reset between phases). Samples need a free event loop now and then.
 */
export class RssSampler {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;

  start(intervalMs = 50): this {
    this.peak = process.memoryUsage.rss();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    return this;
  }

  private sample() {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  /** Stops sampling; returns the peak in bytes. */
  stop(): number {
    this.sample();
    clearInterval(this.timer);
    return this.peak;
  }
}

/** Runs `fn` and returns its result with the elapsed milliseconds and the sampled peak RSS. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  const sampler = new RssSampler().start();
  const started = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - started, peakRss: sampler.stop() };
  } finally {
    sampler.stop();
  }
}

/** The 1-minute load average: above the number of cores, other work competed for the machine. */
export const loadAverage = () => Number(os.loadavg()[0]!.toFixed(1));
