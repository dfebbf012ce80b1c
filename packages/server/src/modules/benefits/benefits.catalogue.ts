import {
  BaseLevelPeriod,
  type BaseLevelView,
  BenefitAmount,
  type BenefitCatalogue,
  BenefitRule,
  EligibilityCriteria,
} from '@tuoitho/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { type BaseLevelRow, BenefitsRepo, type RuleRow } from './benefits.repo';

/** A stored rule parsed back into the domain type (drift between the table and the schema fails loudly). */
export function toBenefitRule(r: RuleRow): BenefitRule {
  return BenefitRule.parse({
    code: r.code,
    kind: r.kind,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    criteriaVi: r.criteria_vi,
    criteriaEn: r.criteria_en,
    legalRef: r.legal_ref,
    verified: r.verified,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    unitCode: r.unit_code,
    periodicity: r.periodicity,
    amount: BenefitAmount.parse(r.amount),
    criteria: EligibilityCriteria.parse(r.criteria),
    exclusiveGroup: r.exclusive_group,
    budgetSource: r.budget_source,
    needsDecision: r.needs_decision,
  });
}

/** A stored base level parsed back into the domain type. */
export function toBaseLevel(r: BaseLevelRow): BaseLevelPeriod {
  return BaseLevelPeriod.parse({
    amountVnd: Number(r.amount_vnd),
    validFrom: r.valid_from,
    validTo: r.valid_to,
    provinceCode: r.province_code,
    legalRef: r.legal_ref,
    verified: r.verified,
  });
}

export function toBaseLevelView(r: BaseLevelRow): BaseLevelView {
  return { ...toBaseLevel(r), id: r.id, version: r.version };
}

/** The whole catalogue as stored: every period of every rule and base level. */
export async function loadBenefitCatalogue(db: Kysely<DB>): Promise<BenefitCatalogue> {
  const repo = new BenefitsRepo(db);
  const [rules, baseLevels] = await Promise.all([repo.listRules(db), repo.listBaseLevels(db)]);
  return { rules: rules.map(toBenefitRule), baseLevels: baseLevels.map(toBaseLevel) };
}

/**
 * Loads the reference catalogue (the law as the system ships it): every rule period (by code and
 * start date) and base level (by province and start date) not yet stored is inserted, marked
 * `is_reference`. A stored row is never overwritten, so an administrator's correction of an
 * unverified coefficient survives every restart. Safe to run on every start.
 */
export async function ensureBenefitCatalogue(
  db: Kysely<DB>,
  catalogue: BenefitCatalogue,
): Promise<{ rulesInserted: number; baseLevelsInserted: number }> {
  return db.transaction().execute(async (tx) => {
    const repo = new BenefitsRepo(db);
    const rules = await repo.listRules(tx);
    const ruleKeys = new Set(rules.map((r) => `${r.code}|${r.valid_from}`));
    const levels = await repo.listBaseLevels(tx);
    const levelKeys = new Set(levels.map((l) => `${l.province_code ?? ''}|${l.valid_from}`));
    let rulesInserted = 0;
    for (const rule of catalogue.rules) {
      if (ruleKeys.has(`${rule.code}|${rule.validFrom}`)) continue;
      await repo.insertRule(tx, {
        code: rule.code,
        kind: rule.kind,
        name_vi: rule.nameVi,
        name_en: rule.nameEn,
        criteria_vi: rule.criteriaVi,
        criteria_en: rule.criteriaEn,
        legal_ref: rule.legalRef,
        verified: rule.verified,
        valid_from: rule.validFrom,
        valid_to: rule.validTo,
        unit_code: rule.unitCode,
        periodicity: rule.periodicity,
        amount: JSON.stringify(rule.amount),
        criteria: JSON.stringify(rule.criteria),
        exclusive_group: rule.exclusiveGroup,
        budget_source: rule.budgetSource,
        needs_decision: rule.needsDecision,
        is_reference: true,
        created_by: null,
      });
      ruleKeys.add(`${rule.code}|${rule.validFrom}`);
      rulesInserted++;
    }
    let baseLevelsInserted = 0;
    for (const level of catalogue.baseLevels) {
      const key = `${level.provinceCode ?? ''}|${level.validFrom}`;
      if (levelKeys.has(key)) continue;
      await repo.insertBaseLevel(tx, {
        amount_vnd: level.amountVnd,
        valid_from: level.validFrom,
        valid_to: level.validTo,
        province_code: level.provinceCode,
        legal_ref: level.legalRef,
        verified: level.verified,
        is_reference: true,
        created_by: null,
      });
      levelKeys.add(key);
      baseLevelsInserted++;
    }
    return { rulesInserted, baseLevelsInserted };
  });
}
