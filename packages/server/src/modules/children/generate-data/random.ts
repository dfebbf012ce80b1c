/**
 * A seeded pseudo-random generator for demo and benchmark data: the same seed gives the same
 * sequence on every machine, so generated data sets are reproducible (never `Math.random`).
 */

/** mulberry32: a small, fast 32-bit generator, good enough for synthetic data (not for secrets). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a seed and labels (FNV-1a), to derive independent streams (`seed`, unit code). */
export function deriveSeed(seed: number, ...labels: Array<string | number>): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const char of labels.join('\u0000')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // One round of mixing so that close seeds give unrelated streams.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x7feb352d) >>> 0;
  hash ^= hash >>> 15;
  return hash >>> 0;
}

/** Weighted choices: `[value, weight]` pairs; weights need not sum to 1. */
export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/**
 * Weighted values written compactly: `"Nguyễn 380, Trần 105"` → `[['Nguyễn', 380], ['Trần', 105]]`
 * (the last word of each entry is its weight).
 */
export function weighted(text: string): Weighted<string> {
  return text.split(', ').map((entry) => {
    const cut = entry.lastIndexOf(' ');
    return [entry.slice(0, cut), Number(entry.slice(cut + 1))] as const;
  });
}

/** A list written compactly: `"An, Anh, Hà My"` → `['An', 'Anh', 'Hà My']`. */
export function wordList(text: string): readonly string[] {
  return text.split(', ');
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A number in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element, all equally likely. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One value, by weight. */
  weighted<T>(items: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let point = this.next() * total;
    for (const [value, weight] of items) {
      point -= weight;
      if (point < 0) return value;
    }
    return items[items.length - 1]![0];
  }

  /** A string of `length` decimal digits. */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += Math.floor(this.next() * 10);
    return out;
  }
}

/**
 * Yes-or-no draws at a steady rate: each draw is random, but the running count stays within one
 * of `rate × draws`, so that a rare trait (a disability) shows its target share even in a small
 * data set instead of drifting by chance.
 */
export class SteadyRate {
  private due = 0;

  constructor(private readonly rate: number) {}

  draw(random: Random): boolean {
    this.due += this.rate;
    if (this.due > 0 && random.chance(Math.min(1, this.due))) {
      this.due -= 1;
      return true;
    }
    return false;
  }
}
