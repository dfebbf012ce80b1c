import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/app';
import { openPGlite, openPostgres } from '../src/platform/db/database';
import { adminUrl, TEMPLATE_DB, testDbKind } from './db-target';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Builds one migrated database with the reference data, once per test run: a PGlite data-dir
 * tarball, or a PostgreSQL template database. Each test file then starts from a fresh copy.
 */
export default async function setup(project: TestProject) {
  if (testDbKind() === 'pg') {
    const admin = openPostgres(adminUrl(), 1);
    await admin.withSession(async (s) => {
      await s.exec(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await s.exec(`CREATE DATABASE ${TEMPLATE_DB}`);
    });
    await admin.close();
    const template = openPostgres(adminUrl(TEMPLATE_DB), 2);
    await prepareDatabase(template, { demo: true });
    await template.close();
    project.provide('pgliteTemplate', '');
    return;
  }
  const db = await openPGlite(undefined);
  await prepareDatabase(db, { demo: true });
  const blob = await db.pglite!.dumpDataDir('gzip');
  await db.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-test-'));
  const file = path.join(dir, 'template.tar.gz');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
