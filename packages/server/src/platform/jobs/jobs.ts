import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB, JobTable } from '../db/schema';

export type JobRow = Selectable<JobTable>;

/** What a handler receives: its input, a progress reporter and a signal that fires on shutdown. */
export type JobContext<I> = {
  jobId: string;
  input: I;
  attempt: number;
  signal: AbortSignal;
  /**
   * Records progress and extends the lease. Writes are throttled and never awaited by the
   * caller's transaction: on PGlite the single connection may be held by the handler itself.
   */
  progress(done: number, total?: number | null, stage?: string | null): void;
};

export type JobHandler<I = unknown, R = unknown> = {
  kind: string;
  /** Tries before the job is marked failed (a crash or lost lease counts as a try). */
  maxAttempts?: number;
  run(ctx: JobContext<I>): Promise<R>;
  /** Called once when the job has failed for good, e.g. to mark the import it belongs to. */
  onFailed?(job: { id: string; input: I }, error: { code: string; detail: string }): Promise<void>;
};

/** An error a handler throws when retrying cannot help (bad input): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(
    readonly code: string,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

type Logger = {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type JobQueueOptions = {
  /** How long a running job is held before another worker may take it over. */
  leaseMs?: number;
  /** How often an idle worker looks for ready jobs (enqueue also wakes it at once). */
  pollMs?: number;
  /** Minimum interval between two progress writes of one job. */
  progressEveryMs?: number;
};

const RETRY_DELAY_MS = [5_000, 30_000, 120_000];

/**
 * Durable background jobs in the `job` table. Jobs survive restarts: a job whose worker died is
 * taken over when its lease expires. One worker loop per process runs one job at a time (the
 * machines are small and the embedded database has one connection); PostgreSQL deployments may
 * run several processes, which claim jobs with `FOR UPDATE SKIP LOCKED`.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly progressEveryMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private wakeRequested = false;
  private shuttingDown = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: Logger,
    options: JobQueueOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 120_000;
    this.pollMs = options.pollMs ?? 2_000;
    this.progressEveryMs = options.progressEveryMs ?? 500;
  }

  /**
   * Declares the code that runs jobs of one kind; every process that runs jobs registers it. A
   * second registration of a kind replaces the first (routes may be built again over one context).
   */
  register<I, R>(handler: JobHandler<I, R>): void {
    this.handlers.set(handler.kind, handler as unknown as JobHandler<never>);
  }

  /**
   * Adds a job in the caller's transaction (so it exists only if the change that needs it
   * commits); call `wake()` after the commit to start it without waiting for the next poll.
   */
  async enqueue(
    executor: Kysely<DB> | Transaction<DB>,
    job: { kind: string; input: unknown; unitId?: number | null; createdBy?: string | null },
  ): Promise<string> {
    const handler = this.handlers.get(job.kind);
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const row = await executor
      .insertInto('job')
      .values({
        kind: job.kind,
        input: JSON.stringify(job.input ?? {}),
        unit_id: job.unitId ?? null,
        created_by: job.createdBy ?? null,
        max_attempts: handler.maxAttempts ?? 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The job by id, or undefined. */
  findJob(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Starts the worker loop of this process. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks the worker to look for ready jobs now. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops taking jobs and waits for the running one; its lease lets another process resume it. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.shuttingDown = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    await this.running;
  }

  /** Runs ready jobs in this process until none is left and the worker loop is idle (CLI, tests). */
  async drain(): Promise<void> {
    for (;;) {
      if (this.running) {
        await this.running;
        continue;
      }
      if (!(await this.runOne()) && !this.running) return;
    }
  }

  private schedule(delay: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.wakeRequested ? 0 : this.pollMs);
        this.wakeRequested = false;
      });
    }, delay);
    this.timer.unref();
  }

  private async loop() {
    try {
      while (!this.stopped && (await this.runOne())) {
        // next job
      }
    } catch (error) {
      this.log.error({ err: error }, 'job worker failed');
    }
  }

  /** Claims and runs one ready job; false when there was none. */
  private async runOne(): Promise<boolean> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return false;
    await this.failExhausted(kinds);
    const claimed = await sql<JobRow>`
      UPDATE job SET status = 'running', attempts = attempts + 1, started_at = now(), updated_at = now(),
        lease_until = now() + make_interval(secs => ${this.leaseMs / 1000})
      WHERE id = (
        SELECT id FROM job
        WHERE kind = ANY(${kinds}::text[]) AND attempts < max_attempts
          AND ((status = 'queued' AND run_after <= now()) OR (status = 'running' AND lease_until < now()))
        ORDER BY created_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      RETURNING *`.execute(this.db);
    const job = claimed.rows[0];
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  /** Jobs whose worker died on their last allowed try: fail them so their owner learns it. */
  private async failExhausted(kinds: string[]) {
    const lost = await this.db
      .updateTable('job')
      .set({
        status: 'failed',
        error_code: 'job_lost',
        error_detail: 'the worker stopped during the last allowed attempt',
        finished_at: new Date(),
        updated_at: new Date(),
      })
      .where('kind', 'in', kinds)
      .where('status', '=', 'running')
      .where('lease_until', '<', new Date())
      .whereRef('attempts', '>=', 'max_attempts')
      .returning(['id', 'kind', 'input'])
      .execute();
    for (const job of lost) {
      await this.notifyFailed(job.kind, job.id, job.input, { code: 'job_lost', detail: 'worker stopped' });
    }
  }

  private async execute(job: JobRow) {
    const handler = this.handlers.get(job.kind);
    if (!handler) return;
    let lastWrite = 0;
    let pending: Promise<unknown> = Promise.resolve();
    const progress = (done: number, total?: number | null, stage?: string | null) => {
      const now = Date.now();
      if (now - lastWrite < this.progressEveryMs) return;
      lastWrite = now;
      pending = pending
        .then(() =>
          this.db
            .updateTable('job')
            .set({
              progress_done: done,
              ...(total !== undefined ? { progress_total: total } : {}),
              ...(stage !== undefined ? { progress_stage: stage } : {}),
              updated_at: new Date(),
              lease_until: new Date(now + this.leaseMs),
            })
            .where('id', '=', job.id)
            .where('status', '=', 'running')
            .execute(),
        )
        .catch((error: unknown) =>
          this.log.error({ err: error, jobId: job.id }, 'job progress write failed'),
        );
    };
    const started = Date.now();
    try {
      const result = await handler.run({
        jobId: job.id,
        input: job.input as never,
        attempt: job.attempts,
        signal: this.abort.signal,
        progress,
      });
      await pending;
      await this.db
        .updateTable('job')
        .set({
          status: 'succeeded',
          result: JSON.stringify(result ?? null),
          finished_at: new Date(),
          updated_at: new Date(),
          lease_until: null,
        })
        .where('id', '=', job.id)
        .execute();
      this.log.info({ jobId: job.id, kind: job.kind, ms: Date.now() - started }, 'job succeeded');
    } catch (error) {
      await pending;
      await this.recordFailure(job, error);
    }
  }

  private async recordFailure(job: JobRow, error: unknown) {
    const permanent = error instanceof PermanentJobError;
    const code = permanent ? error.code : 'job_error';
    // Only the message: handlers must not put personal data into errors, and stacks go to the log.
    const detail = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
    const retry = !permanent && !this.shuttingDown && job.attempts < job.max_attempts;
    this.log.error({ jobId: job.id, kind: job.kind, code, retry, err: error }, 'job failed');
    if (retry) {
      const delay = RETRY_DELAY_MS[Math.min(job.attempts - 1, RETRY_DELAY_MS.length - 1)] ?? 5_000;
      await this.db
        .updateTable('job')
        .set({
          status: 'queued',
          run_after: new Date(Date.now() + delay),
          error_code: code,
          error_detail: detail,
          lease_until: null,
          updated_at: new Date(),
        })
        .where('id', '=', job.id)
        .execute();
      return;
    }
    if (this.shuttingDown && !permanent) {
      // Shutting down: leave the job running with its lease; the next start resumes it.
      return;
    }
    await this.db
      .updateTable('job')
      .set({
        status: 'failed',
        error_code: code,
        error_detail: detail,
        finished_at: new Date(),
        updated_at: new Date(),
        lease_until: null,
      })
      .where('id', '=', job.id)
      .execute();
    await this.notifyFailed(job.kind, job.id, job.input, { code, detail });
  }

  private async notifyFailed(
    kind: string,
    id: string,
    input: unknown,
    error: { code: string; detail: string },
  ) {
    const handler = this.handlers.get(kind);
    try {
      await handler?.onFailed?.({ id, input: input as never }, error);
    } catch (hookError) {
      this.log.error({ err: hookError, jobId: id }, 'job failure hook failed');
    }
  }
}
