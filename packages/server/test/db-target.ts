/** Which database the suite runs on: PGlite by default, PostgreSQL with TEST_DB=pg (`npm run test:pg`). */
export const testDbKind = (): 'pglite' | 'pg' => (process.env.TEST_DB === 'pg' ? 'pg' : 'pglite');

/** URL of the local server (trust auth), optionally for another database on it. */
export function adminUrl(database = 'postgres'): string {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/${database}`;
  return base.toString();
}
