import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFor, createTestApp, type TestEnv, unitByCode } from '../../../test/harness';
import { JobQueue, PermanentJobError } from './jobs';

const quiet = { info: () => {}, error: () => {} };

describe('durable job queue', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestApp();
  });
  afterAll(() => env.close());

  const newQueue = () => new JobQueue(env.database.db, quiet, { progressEveryMs: 0, leaseMs: 60_000 });
  const job = (id: string) =>
    env.database.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('runs a job, records its progress and result', async () => {
    const queue = newQueue();
    const seen: number[] = [];
    queue.register<{ n: number }, { sum: number }>({
      kind: 'test.sum',
      run: async ({ input, progress }) => {
        let sum = 0;
        for (let i = 1; i <= input.n; i++) {
          sum += i;
          seen.push(i);
          progress(i, input.n, 'adding');
        }
        return { sum };
      },
    });
    const id = await queue.enqueue(env.database.db, { kind: 'test.sum', input: { n: 4 } });
    expect((await job(id)).status).toBe('queued');
    await queue.drain();
    const done = await job(id);
    expect(done.status).toBe('succeeded');
    expect(done.result).toEqual({ sum: 10 });
    expect(done.progress_total).toBe(4);
    expect(done.progress_stage).toBe('adding');
    expect(done.attempts).toBe(1);
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('retries a failing job later, and fails at once on a permanent error with the failure hook', async () => {
    const queue = newQueue();
    let tries = 0;
    const failed: string[] = [];
    queue.register({
      kind: 'test.flaky',
      run: async () => {
        tries++;
        throw new Error('temporary');
      },
    });
    queue.register({
      kind: 'test.bad',
      run: async () => {
        throw new PermanentJobError('bad_input', 'the input cannot be processed');
      },
      onFailed: async (j, error) => {
        failed.push(`${j.id}:${error.code}`);
      },
    });
    const flaky = await queue.enqueue(env.database.db, { kind: 'test.flaky', input: {} });
    const bad = await queue.enqueue(env.database.db, { kind: 'test.bad', input: {} });
    await queue.drain();
    expect(tries).toBe(1);
    const retried = await job(flaky);
    expect(retried.status).toBe('queued');
    expect(retried.run_after.getTime()).toBeGreaterThan(Date.now());
    expect(retried.error_code).toBe('job_error');
    const failedJob = await job(bad);
    expect(failedJob.status).toBe('failed');
    expect(failedJob.error_code).toBe('bad_input');
    expect(failed).toEqual([`${bad}:bad_input`]);
  });

  it('resumes a job whose worker died once its lease expired, and gives up after the last try', async () => {
    const queue = newQueue();
    let runs = 0;
    const failed: string[] = [];
    queue.register({
      kind: 'test.resume',
      maxAttempts: 2,
      run: async () => {
        runs++;
        return 'ok';
      },
      onFailed: async (j, error) => {
        failed.push(`${j.id}:${error.code}`);
      },
    });
    const db = env.database.db;
    const insertRunning = async (attempts: number, leaseSecondsAgo: number) => {
      const row = await db
        .insertInto('job')
        .values({
          kind: 'test.resume',
          status: 'running',
          input: '{}',
          attempts,
          max_attempts: 2,
          lease_until: sql<Date>`now() - make_interval(secs => ${leaseSecondsAgo})`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const stillHeld = await insertRunning(1, -60);
    const orphan = await insertRunning(1, 5);
    const exhausted = await insertRunning(2, 5);
    await queue.drain();
    expect(runs).toBe(1);
    expect((await job(orphan)).status).toBe('succeeded');
    expect((await job(orphan)).attempts).toBe(2);
    expect((await job(stillHeld)).status).toBe('running');
    expect((await job(exhausted)).status).toBe('failed');
    expect((await job(exhausted)).error_code).toBe('job_lost');
    expect(failed).toEqual([`${exhausted}:job_lost`]);
  });

  it('shows a job to its creator and inside its unit scope only', async () => {
    const { agent: owner, user } = await agentFor(env, { unitCode: '14812', permissions: ['registry.read'] });
    const { agent: colleague } = await agentFor(env, { unitCode: '14812', permissions: ['registry.read'] });
    const { agent: outsider } = await agentFor(env, { unitCode: '14818', permissions: ['registry.read'] });
    const unit = await unitByCode(env.database, '14812');
    // A job of a kind this app does not run (another process's): it stays queued.
    const { id } = await env.database.db
      .insertInto('job')
      .values({ kind: 'elsewhere', input: '{}', unit_id: unit.id, created_by: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mine = await owner.get(`/api/v1/jobs/${id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ id, status: 'queued', progress: { done: 0, total: null } });
    expect((await colleague.get(`/api/v1/jobs/${id}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/jobs/${id}`)).statusCode).toBe(404);
  });
});
