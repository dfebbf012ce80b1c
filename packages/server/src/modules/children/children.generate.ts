import { randomUUID } from 'node:crypto';
import {
  addCalendarDays,
  ageAt,
  type CreateChildRequest,
  foldVietnamese,
  referenceBirthDate,
  type Sex,
} from '@tuoitho/domain';
import { type Kysely, sql } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import type { DB } from '../../platform/db/schema';
import {
  bornOn,
  daysBetween,
  generateDateOfBirth,
  generateDisability,
  generateEducation,
  generateHealth,
  generateRegistration,
  PersonalIdRegistry,
} from './generate-data/child-facts';
import {
  DISABILITY_RATE,
  DROPOUT_RATE,
  generateAtRiskFlags,
  generateSpecialCircumstances,
  ILLNESS_RATE,
} from './generate-data/circumstances';
import { ethnicProfileFor, type GeneratedHousehold, generateHousehold } from './generate-data/households';
import {
  BOY_GIVEN_NAMES,
  BOY_MIDDLE_NAMES,
  GIRL_GIVEN_NAMES,
  GIRL_MIDDLE_NAMES,
} from './generate-data/names';
import { type GenerationUnit, schoolsFor, villagesFor } from './generate-data/places';
import { deriveSeed, Random, SteadyRate } from './generate-data/random';

export type { GenerationUnit } from './generate-data/places';

/**
 * Synthetic children for demonstrations and benchmarks: realistic Vietnamese names, ages 0–15,
 * households with siblings, schools, health, special circumstances and at-risk flags in the
 * shares of Thanh Hóa. Deterministic: the same seed, reference date and units give the same
 * children (a seeded generator, never `Math.random`), so tests and benchmarks are repeatable.
 * Every generated child is a valid `CreateChildRequest`.
 */

/** Boys per girl at birth (Việt Nam's sex ratio at birth is about 111 boys per 100 girls). */
const SEX_RATIO_AT_BIRTH = 1.11;
const BOY_SHARE = SEX_RATIO_AT_BIRTH / (1 + SEX_RATIO_AT_BIRTH);
/** Minimum gap between the births of two siblings who are not twins. */
const SIBLING_GAP_DAYS = 300;

export type ChildGeneratorOptions = {
  seed: number;
  /** The date ages are computed at (`YYYY-MM-DD`), not "now", so output does not drift. */
  referenceDate: string;
};

/**
 * Generates children unit by unit. Personal ids are unique over everything one generator
 * produces; each unit draws from its own stream (seed and unit code), so a unit's children do
 * not depend on the other units, except for the rare id that had to be drawn again.
 */
export class ChildGenerator {
  private readonly ids = new PersonalIdRegistry();
  readonly seed: number;
  readonly referenceDate: string;

  constructor(opts: ChildGeneratorOptions) {
    this.seed = opts.seed;
    this.referenceDate = opts.referenceDate;
  }

  /** Yields `count` children of a unit, household by household. */
  *generateForUnit(unit: GenerationUnit, count: number): Generator<CreateChildRequest> {
    const random = new Random(deriveSeed(this.seed, unit.code));
    const { profile, isUpland } = ethnicProfileFor(unit, random);
    const villages = villagesFor(unit, random, { isUpland });
    const schools = schoolsFor(unit);
    const referenceDate = this.referenceDate;
    const context = {
      unit,
      villages,
      ethnicProfile: profile,
      referenceYear: Number(referenceDate.slice(0, 4)),
      daysAgo: (days: number) => addCalendarDays(referenceDate, -days),
    };
    const localAuthority = (dateOfBirth: string, household: GeneratedHousehold) =>
      // Births before the 2025 reform were registered by the former commune.
      `UBND ${(bornOn(dateOfBirth) < '2025-07-01' ? household.formerUnitName : null) ?? unit.fullName}`
        .replace('UBND Phường', 'UBND phường')
        .replace('UBND Xã', 'UBND xã');
    const disabilities = new SteadyRate(DISABILITY_RATE);
    let produced = 0;
    while (produced < count) {
      const household = generateHousehold(random, context);
      const siblings = Math.min(household.childCount, count - produced);
      const usedNames = new Set<string>();
      const births: string[] = [];
      for (let i = 0; i < siblings; i++) {
        const sex: Sex = random.chance(BOY_SHARE) ? 'male' : 'female';
        const dateOfBirth = this.siblingBirth(random, births);
        births.push(dateOfBirth);
        const fullName = childName(random, household.familyName, sex, usedNames);
        yield this.child(random, {
          unit,
          household,
          sex,
          dateOfBirth,
          fullName,
          schools,
          localAuthority,
          hasDisability: disabilities.draw(random),
        });
        produced++;
      }
    }
  }

  /** A date of birth at least ~10 months from the siblings' (2 % twins). */
  private siblingBirth(random: Random, births: readonly string[]): string {
    if (births.length > 0 && births[0]!.length === 10 && random.chance(0.02)) return births[0]!;
    let candidate = generateDateOfBirth(random, this.referenceDate);
    for (let attempt = 0; attempt < 20; attempt++) {
      const isClose = births.some(
        (other) => Math.abs(daysBetween(bornOn(other), bornOn(candidate))) < SIBLING_GAP_DAYS,
      );
      if (!isClose) break;
      candidate = generateDateOfBirth(random, this.referenceDate);
    }
    return candidate;
  }

  private child(
    random: Random,
    c: {
      unit: GenerationUnit;
      household: GeneratedHousehold;
      sex: Sex;
      dateOfBirth: string;
      fullName: string;
      schools: ReturnType<typeof schoolsFor>;
      localAuthority: (dateOfBirth: string, household: GeneratedHousehold) => string;
      hasDisability: boolean;
    },
  ): CreateChildRequest {
    const { household, sex, dateOfBirth } = c;
    const referenceDate = this.referenceDate;
    const age = ageAt(dateOfBirth, referenceDate);
    const poverty = household.household.povertyStatus;
    const disability = c.hasDisability ? generateDisability(random) : null;
    const isPoor = poverty === 'poor' || poverty === 'near_poor';
    const isSeriouslyIll = random.chance(isPoor ? ILLNESS_RATE.poor : ILLNESS_RATE.ordinary);
    const registration = generateRegistration(random, this.ids, {
      sex,
      dateOfBirth,
      referenceDate,
      localAuthority: c.localAuthority(dateOfBirth, household),
      provinceCode: c.unit.provinceCode,
    });
    const schooling = generateEducation(random, {
      birthYear: Number(dateOfBirth.slice(0, 4)),
      referenceDate,
      schools: c.schools,
      areaName: household.areaName,
      hasSevereDisability: disability?.level === 'especially_severe',
      dropoutRate: DROPOUT_RATE,
    });
    const health = generateHealth(random, {
      dateOfBirth,
      referenceDate,
      provinceCode: c.unit.provinceCode,
      poverty,
      disability,
      isSeriouslyIll,
      isInSchool: schooling.education.enrolmentStatus === 'enrolled',
    });
    const facts = {
      age,
      sex,
      dateOfBirth,
      referenceDate,
      household,
      hasDisability: disability !== null,
      isSeriouslyIll,
      isDroppedOut: schooling.isDroppedOut,
      isAtRiskOfDropout: schooling.isAtRiskOfDropout,
    };
    return {
      fullName: c.fullName,
      sex,
      dateOfBirth,
      unitCode: c.unit.code,
      personalId: registration.personalId,
      ethnicity: household.ethnicity,
      birthRegistration: registration.birthRegistration,
      residence: { village: household.village, address: household.address },
      household: { ...household.household },
      caregivers: household.caregivers.map((caregiver) => ({ ...caregiver })),
      education: schooling.education,
      health,
      specialCircumstances: generateSpecialCircumstances(random, facts),
      atRisk: generateAtRiskFlags(random, facts),
      note: null,
    };
  }
}

/** A child's name: the family name, one or two middle names and a given name unique among siblings. */
function childName(random: Random, familyName: string, sex: Sex, usedGivenNames: Set<string>): string {
  const middles = sex === 'male' ? BOY_MIDDLE_NAMES : GIRL_MIDDLE_NAMES;
  const givens = sex === 'male' ? BOY_GIVEN_NAMES : GIRL_GIVEN_NAMES;
  let given = random.pick(givens);
  for (let attempt = 0; attempt < 10 && usedGivenNames.has(given); attempt++) given = random.pick(givens);
  usedGivenNames.add(given);
  const middle = random.weighted(middles);
  // About one child in ten has two middle names ("Nguyễn Ngọc Bảo Anh"); never with Văn or Thị.
  if (middle !== 'Văn' && middle !== 'Thị' && random.chance(0.12)) {
    const second = random.weighted(middles);
    if (second !== middle && second !== 'Văn' && second !== 'Thị' && second !== given) {
      return `${familyName} ${middle} ${second} ${given}`;
    }
  }
  return `${familyName} ${middle} ${given}`;
}

/** Convenience: all children of one unit as an array (tests, small data sets). */
export function generateChildren(opts: ChildGeneratorOptions & { unit: GenerationUnit; count: number }) {
  return [...new ChildGenerator(opts).generateForUnit(opts.unit, opts.count)];
}

/** The folded names of the household head and caregivers, the `people_folded` search column. */
export function peopleFolded(child: Pick<CreateChildRequest, 'household' | 'caregivers'>): string {
  const names = [child.household?.headName, ...(child.caregivers ?? []).map((c) => c.fullName)];
  return foldVietnamese(names.filter((name): name is string => Boolean(name)).join(' '));
}

/** Rows per INSERT statement: large enough to be fast, small enough for PGlite's memory. */
export const GENERATE_BATCH_SIZE = 1000;

export type InsertGeneratedOptions = {
  /** The unit the children live in (admin_unit.id); every child of the call goes there. */
  unitId: number;
  /** Recorded in the audit rows, to tell how a data set was made. */
  seed?: number | null;
  batchSize?: number;
  /** Called after each committed batch with the number of children written so far. */
  onBatch?: (written: number) => void;
};

export type InsertGeneratedResult = { children: number; specialCircumstances: number };

const json = (value: unknown) => (value === undefined ? null : value);

/**
 * Writes generated children in batches, each in its own transaction: the children, their groups
 * of special circumstances, an initial status-history row each, and one `child.generate` audit
 * row per batch. A personal id already held by another record is dropped (set to null), so a
 * second data set never fails on the unique index. Works on PGlite and PostgreSQL alike.
 */
export async function insertGeneratedChildren(
  db: Kysely<DB>,
  children: readonly CreateChildRequest[],
  opts: InsertGeneratedOptions,
): Promise<InsertGeneratedResult> {
  const batchSize = opts.batchSize ?? GENERATE_BATCH_SIZE;
  let written = 0;
  let specialCircumstances = 0;
  for (let start = 0; start < children.length; start += batchSize) {
    const batch = children.slice(start, start + batchSize);
    const ids = batch.map(() => randomUUID());
    const childRows = batch.map((child, i) => ({
      id: ids[i],
      full_name: child.fullName,
      sex: child.sex,
      date_of_birth: child.dateOfBirth,
      birth_reference_date: referenceBirthDate(child.dateOfBirth),
      personal_id: child.personalId ?? null,
      ethnicity: child.ethnicity ?? null,
      birth_registration: json(child.birthRegistration),
      village: child.residence?.village ?? null,
      address: child.residence?.address ?? null,
      household: json(child.household),
      caregivers: child.caregivers ?? [],
      education: json(child.education),
      health: json(child.health),
      at_risk: child.atRisk ?? [],
      people_folded: peopleFolded(child),
      note: child.note ?? null,
    }));
    const groupRows = batch.flatMap((child, i) =>
      (child.specialCircumstances ?? []).map((entry) => ({
        child_id: ids[i],
        group_code: entry.group,
        subgroup_code: entry.subgroup ?? null,
        start_date: entry.startDate,
        end_date: entry.endDate ?? null,
        source: entry.source ?? null,
        note: entry.note ?? null,
      })),
    );
    await db.transaction().execute(async (tx) => {
      await sql`
        WITH inserted AS (
          INSERT INTO child (id, unit_id, full_name, sex, date_of_birth, birth_reference_date, personal_id,
            ethnicity, birth_registration, village, address, household, caregivers, education, health,
            at_risk, people_folded, note, status, status_changed_at)
          SELECT r.id, ${opts.unitId}::integer, r.full_name, r.sex, r.date_of_birth, r.birth_reference_date,
            CASE WHEN EXISTS (SELECT 1 FROM child c WHERE c.personal_id = r.personal_id AND c.merged_into IS NULL)
              THEN NULL ELSE r.personal_id END,
            r.ethnicity, r.birth_registration, r.village, r.address, r.household, r.caregivers, r.education,
            r.health, r.at_risk, r.people_folded, r.note, 'active', now()
          FROM jsonb_to_recordset(${JSON.stringify(childRows)}::jsonb) AS r(
            id uuid, full_name text, sex text, date_of_birth text, birth_reference_date date, personal_id text,
            ethnicity text, birth_registration jsonb, village text, address text, household jsonb,
            caregivers jsonb, education jsonb, health jsonb, at_risk text[], people_folded text, note text)
          RETURNING id
        )
        INSERT INTO child_status_history (child_id, status, changed_at, reason)
        SELECT id, 'active', now(), 'Dữ liệu tạo tự động (generated data)' FROM inserted`.execute(tx);
      if (groupRows.length > 0) {
        await sql`
          INSERT INTO child_special_circumstance (child_id, group_code, subgroup_code, start_date, end_date, source, note)
          SELECT r.child_id, r.group_code, r.subgroup_code, r.start_date, r.end_date, r.source, r.note
          FROM jsonb_to_recordset(${JSON.stringify(groupRows)}::jsonb) AS r(
            child_id uuid, group_code text, subgroup_code text, start_date date, end_date date, source text, note text)`.execute(
          tx,
        );
      }
      await writeAuditInTx(
        tx,
        {},
        {
          action: 'child.generate',
          entityType: 'child',
          entityId: null,
          unitId: opts.unitId,
          details: { count: batch.length, seed: opts.seed ?? null },
        },
      );
    });
    written += batch.length;
    specialCircumstances += groupRows.length;
    opts.onBatch?.(written);
  }
  return { children: written, specialCircumstances };
}
