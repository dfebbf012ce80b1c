// Benchmark: our API against a bare Fastify route, measured side by side in one run, reported as
// ratios (absolute timings on a shared 2-core machine are noise). Run: `npm run bench`.
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp, prepareDatabase } from '../packages/server/src/app';
import { loadConfig } from '../packages/server/src/platform/config';
import { openPGlite } from '../packages/server/src/platform/db/database';

const portOf = (server: FastifyInstance) => (server.server.address() as AddressInfo).port;
const DURATION_MS = Number(process.env.BENCH_MS ?? 4000);
const CONCURRENCY = 8;

async function measure(url: string, headers: Record<string, string> = {}): Promise<number> {
  let done = 0;
  const end = Date.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${url} answered ${res.status}`);
        done++;
      }
    }),
  );
  return (done / DURATION_MS) * 1000;
}

const database = await openPGlite(undefined);
await prepareDatabase(database, { demo: true });
const config = loadConfig({
  ...process.env,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  DATA_DIR: '/tmp/tuoitho-bench',
  SECRET_KEY: 'x'.repeat(32),
});
const app = await buildApp(database, config, { logger: process.env.LOG_LEVEL !== undefined });
await app.server.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${portOf(app.server)}`;

const bare = Fastify();
bare.get('/bare', async () => ({ status: 'ok' }));
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${portOf(bare)}/bare`;

const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bimson.canbo', password: 'TuoiTho@2026' }),
});
const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';

const bareRps = await measure(bareUrl);
const health = await measure(`${base}/healthz`);
const unit = await measure(`${base}/api/v1/units/14812`, { cookie });
const search = await measure(`${base}/api/v1/units/search?q=bim%20son`, { cookie });

const rows = [
  ['bare Fastify route', bareRps],
  ['GET /healthz', health],
  ['GET /api/v1/units/14812 (session + scope + DB)', unit],
  ['GET /api/v1/units/search?q=bim son (trigram search)', search],
] as const;
console.log(`requests/s over ${DURATION_MS} ms, ${CONCURRENCY} concurrent, PGlite; ratio to the bare route`);
for (const [name, rps] of rows)
  console.log(`${name.padEnd(55)} ${rps.toFixed(0).padStart(7)}  ${(rps / bareRps).toFixed(3)}`);

await bare.close();
await app.server.close();
await database.close();
