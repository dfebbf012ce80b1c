import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/app';
import { openPGlite, openPostgres } from '../src/platform/db/database';
import { adminUrl, testDbKind } from './db-target';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

/**
 * Builds one migrated database with the reference data, once per test run: a PGlite data-dir
 * tarball, or a PostgreSQL template database. Each test file then starts from a fresh copy.
 */
export default async function setup(project: TestProject) {
  if (testDbKind() === 'pg') {
    // A template of this run only, so that two runs on one server never rebuild each other's.
    const templateDb = `tuoitho_tpl_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = openPostgres(adminUrl(), 1);
    await admin.withSession((s) => s.exec(`CREATE DATABASE ${templateDb}`));
    const template = openPostgres(adminUrl(templateDb), 2);
    await prepareDatabase(template, { demo: true, demoChildren: false });
    await template.close();
    project.provide('pgliteTemplate', '');
    project.provide('pgTemplate', templateDb);
    return async () => {
      await admin.withSession((s) => s.exec(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`));
      await admin.close();
    };
  }
  const db = await openPGlite(undefined);
  await prepareDatabase(db, { demo: true, demoChildren: false });
  const blob = await db.pglite!.dumpDataDir('gzip');
  await db.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoitho-test-'));
  const file = path.join(dir, 'template.tar.gz');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
