// The query mix of the registry search benchmark and its report: kinds of queries an officer
// types, built from a sample of the generated children, and percentiles per scope and kind.
import { foldVietnamese } from '@tuoitho/domain';
import type { Random } from '../../packages/server/src/modules/children/generate-data/random';
import type { SampledChild } from './registry-data';
import type { CapturedStatement } from './sql-capture';
import { count, formatTable, type LatencySummary, ms, summarize } from './stats';

export type Scope = 'province' | 'commune';
export type QueryKind = {
  key: string;
  label: string;
  make(child: SampledChild, random: Random): string | null;
};

const words = (name: string) => foldVietnamese(name).split(/\s+/);

export const QUERY_KINDS: QueryKind[] = [
  { key: 'full_folded', label: 'full name, no diacritics', make: (c) => foldVietnamese(c.fullName) },
  { key: 'full_diacritics', label: 'full name, with diacritics', make: (c) => c.fullName },
  { key: 'partial', label: 'last two words ("van an")', make: (c) => words(c.fullName).slice(-2).join(' ') },
  { key: 'given', label: 'given name only ("an")', make: (c) => words(c.fullName).at(-1) ?? null },
  {
    key: 'relative',
    label: "relative's full name",
    make: (c, random) => (c.relativeNames.length ? foldVietnamese(random.pick(c.relativeNames)) : null),
  },
  { key: 'personal_id', label: 'personal id (12 digits)', make: (c) => c.personalId },
];

export const labelOf = (key: string) => QUERY_KINDS.find((k) => k.key === key)?.label ?? key;

export type MixEntry = { scope: Scope; kind: string; q: string };

/**
 * `total` queries, every kind equally often, 70 % by the province officer (any child of the
 * sample) and 30 % by the commune officer (children of `communeCode`), shuffled by `random`.
 */
export function buildMix(
  sample: SampledChild[],
  total: number,
  communeCode: string,
  random: Random,
): MixEntry[] {
  const inCommune = sample.filter((c) => c.unitCode === communeCode);
  const mix: MixEntry[] = [];
  for (let i = 0; mix.length < total && i < total * 20; i++) {
    const kind = QUERY_KINDS[i % QUERY_KINDS.length]!;
    const scope: Scope = Math.floor(i / QUERY_KINDS.length) % 10 < 7 ? 'province' : 'commune';
    const q = kind.make(random.pick(scope === 'commune' ? inCommune : sample), random);
    if (q) mix.push({ scope, kind: kind.key, q });
  }
  for (let i = mix.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [mix[i], mix[j]] = [mix[j]!, mix[i]!];
  }
  return mix;
}

/** One timed request: the whole request, its two child statements, what it returned. */
export type Measured = MixEntry & {
  ms: number;
  items: number;
  total: number;
  listMs: number;
  countMs: number;
  statements: CapturedStatement[];
};

export type ReportRow = {
  scope: Scope | 'all';
  kind: string;
  label: string;
  latency: LatencySummary;
  listP95: number;
  countP95: number;
  itemsMean: number;
  totalMedian: number;
};

function rowOf(scope: ReportRow['scope'], kind: string, of: Measured[]): ReportRow {
  const totals = of.map((m) => m.total).sort((a, b) => a - b);
  return {
    scope,
    kind,
    label: kind === 'all' ? 'all kinds' : labelOf(kind),
    latency: summarize(of.map((m) => m.ms)),
    listP95: summarize(of.map((m) => m.listMs)).p95,
    countP95: summarize(of.map((m) => m.countMs)).p95,
    itemsMean: of.reduce((s, m) => s + m.items, 0) / Math.max(1, of.length),
    totalMedian: totals[Math.floor(totals.length / 2)] ?? 0,
  };
}

/** Rows per scope and kind, then per scope, then overall. */
export function reportRows(results: Measured[]): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const scope of ['province', 'commune'] as const) {
    const ofScope = results.filter((m) => m.scope === scope);
    for (const kind of QUERY_KINDS)
      rows.push(
        rowOf(
          scope,
          kind.key,
          ofScope.filter((m) => m.kind === kind.key),
        ),
      );
    rows.push(rowOf(scope, 'all', ofScope));
  }
  rows.push(rowOf('all', 'all', results));
  return rows;
}

export function formatReport(rows: ReportRow[]): string {
  return formatTable(
    [
      'scope / query kind',
      'n',
      'p50',
      'p95',
      'p99',
      'max',
      'list p95',
      'count p95',
      'items',
      'total (median)',
    ],
    rows.map((r) => [
      `${r.scope} / ${r.label}`,
      String(r.latency.count),
      ms(r.latency.p50),
      ms(r.latency.p95),
      ms(r.latency.p99),
      ms(r.latency.max),
      ms(r.listP95),
      ms(r.countP95),
      r.itemsMean.toFixed(1),
      count(r.totalMedian),
    ]),
  );
}

/** The slowest kind of the province officer (by p95) and its slowest query. */
export function slowestOf(rows: ReportRow[], results: Measured[]) {
  const kind = rows
    .filter((r) => r.scope === 'province' && r.kind !== 'all')
    .sort((a, b) => b.latency.p95 - a.latency.p95)[0];
  const query = results
    .filter((m) => m.scope === 'province' && m.kind === kind?.kind)
    .sort((a, b) => b.ms - a.ms)[0];
  return kind && query ? { kind: kind.kind, query } : undefined;
}
