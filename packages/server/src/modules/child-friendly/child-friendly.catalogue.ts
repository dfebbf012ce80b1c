import { CfCatalogue, CfScoringRule, defaultCfCatalogue } from '@tuoitho/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { Exec } from '../programmes/scope';

/**
 * The criteria catalogue as stored (`cf_catalogue`, `cf_criterion`, `cf_indicator`), parsed back
 * into the domain type so that drift between the tables and the schema fails loudly.
 */

export interface StoredCfCatalogue {
  catalogue: CfCatalogue;
  version: number;
  updatedAt: Date;
}

/** The stored catalogue; throws when it was never seeded. */
export async function loadCfCatalogue(exec: Exec): Promise<StoredCfCatalogue> {
  const head = await exec
    .selectFrom('cf_catalogue')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const criteria = await exec.selectFrom('cf_criterion').selectAll().orderBy('number').execute();
  const indicators = await exec
    .selectFrom('cf_indicator')
    .selectAll()
    .orderBy('criterion_number')
    .orderBy('position')
    .execute();
  const catalogue = CfCatalogue.parse({
    legalRef: head.legal_ref,
    maxTotal: head.max_total,
    maxTotalVerified: head.max_total_verified,
    criteria: criteria.map((c) => ({
      number: c.number,
      name: { vi: c.name_vi, en: c.name_en },
      maxPoints: Number(c.max_points),
      maxPointsVerified: c.max_points_verified,
      passPoints: Number(c.pass_points),
      passPointsVerified: c.pass_points_verified,
      verified: c.verified,
      legalRef: c.legal_ref,
      indicators: indicators
        .filter((i) => i.criterion_number === c.number)
        .map((i) => ({
          code: i.code,
          name: { vi: i.name_vi, en: i.name_en },
          maxPoints: Number(i.max_points),
          rule: CfScoringRule.parse(i.rule),
          source: i.source,
          systemFigure: i.system_figure,
          verified: i.verified,
        })),
    })),
  });
  return { catalogue, version: head.version, updatedAt: head.updated_at };
}

/** Replaces the criteria and indicators with `catalogue` (the caller checked the edit). */
export async function writeCfCatalogueInTx(tx: Transaction<DB>, catalogue: CfCatalogue): Promise<void> {
  await tx.deleteFrom('cf_indicator').execute();
  await tx.deleteFrom('cf_criterion').execute();
  for (const c of catalogue.criteria) {
    await tx
      .insertInto('cf_criterion')
      .values({
        number: c.number,
        name_vi: c.name.vi,
        name_en: c.name.en,
        max_points: c.maxPoints,
        max_points_verified: c.maxPointsVerified,
        pass_points: c.passPoints,
        pass_points_verified: c.passPointsVerified,
        verified: c.verified,
        legal_ref: c.legalRef,
      })
      .execute();
    for (const [position, i] of c.indicators.entries()) {
      await tx
        .insertInto('cf_indicator')
        .values({
          code: i.code,
          criterion_number: c.number,
          position,
          name_vi: i.name.vi,
          name_en: i.name.en,
          max_points: i.maxPoints,
          rule: JSON.stringify(i.rule),
          source: i.source,
          system_figure: i.systemFigure,
          verified: i.verified,
        })
        .execute();
    }
  }
}

/**
 * Seeds the catalogue from the domain default when it was never stored. A stored catalogue is
 * never overwritten, so an administrator's edit of unverified items survives every restart.
 * Safe to run on every start.
 */
export async function ensureCfCatalogue(
  db: Kysely<DB>,
  catalogue: CfCatalogue = defaultCfCatalogue,
): Promise<{ inserted: boolean }> {
  return db.transaction().execute(async (tx) => {
    const head = await tx.selectFrom('cf_catalogue').select('id').executeTakeFirst();
    if (head) return { inserted: false };
    await tx
      .insertInto('cf_catalogue')
      .values({
        id: 1,
        legal_ref: catalogue.legalRef,
        max_total: catalogue.maxTotal,
        max_total_verified: catalogue.maxTotalVerified,
      })
      .execute();
    await writeCfCatalogueInTx(tx, catalogue);
    return { inserted: true };
  });
}
