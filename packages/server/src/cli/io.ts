import type { Config } from '../platform/config';

/** Exit codes of `tuoitho` (documented in `tuoitho --help`). */
export const ExitCode = {
  Ok: 0,
  /** Bad input or a state that forbids the command (duplicate user, wrong backup file, ...). */
  Failure: 1,
  /** Integrity failure: the audit chain is broken, or restored data differs from the backup. */
  Integrity: 2,
  /** An unexpected error (a bug or an unreachable database); details with TUOITHO_DEBUG=1. */
  Internal: 70,
  /** Cancelled by the user (Ctrl-C at a prompt). */
  Cancelled: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An expected failure: its message is shown as is (Vietnamese), without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.Failure,
  ) {
    super(message);
  }
}

/** Where commands write: stdout for results, stderr for errors and warnings. */
export interface Output {
  info(line: string): void;
  error(line: string): void;
}

export const consoleOutput: Output = {
  info: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

/** Collects the lines, for tests. */
export class MemoryOutput implements Output {
  readonly lines: string[] = [];
  readonly errors: string[] = [];
  info(line: string) {
    this.lines.push(line);
  }
  error(line: string) {
    this.errors.push(line);
  }
  get text() {
    return [...this.lines, ...this.errors].join('\n');
  }
}

const numberVi = new Intl.NumberFormat('vi-VN');
const decimalVi = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 25000 → "25.000". */
export const formatCount = (n: number) => numberVi.format(n);

/** 1234 ms → "1,2 giây". */
export const formatDuration = (ms: number) => `${decimalVi.format(ms / 1000)} giây`;

/** Bytes in kB or MB, Vietnamese decimals. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${decimalVi.format(bytes / 1024)} kB`;
  return `${decimalVi.format(bytes / (1024 * 1024))} MB`;
}

/** The database a command works on, without credentials: "PGlite (/srv/data/pglite)". */
export function describeDatabase(config: Pick<Config, 'dataDir' | 'databaseUrl'>): string {
  if (!config.databaseUrl) return `PGlite (${config.dataDir}/pglite)`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL (${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname})`;
  } catch {
    return 'PostgreSQL';
  }
}
