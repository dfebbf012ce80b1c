import { ageAt, CreateChildRequest, checkPersonalId } from '@tuoitho/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, unitByCode } from '../../../test/harness';
import { verifyAuditChain } from '../../platform/audit/audit';
import type { Database } from '../../platform/db/database';
import { todayInVietnam } from '../../platform/time/today';
import {
  ChildGenerator,
  type GenerationUnit,
  generateChildren,
  insertGeneratedChildren,
  peopleFolded,
} from './children.generate';
import { schoolYearStart } from './generate-data/child-facts';

const BIM_SON: GenerationUnit = {
  code: '14812',
  name: 'Bỉm Sơn',
  fullName: 'Phường Bỉm Sơn',
  type: 'phuong',
  provinceCode: '38',
  formerUnitNames: ['Phường Ba Đình', 'Phường Lam Sơn', 'Phường Đông Sơn', 'Xã Hà Vinh'],
};
const COMMUNE: GenerationUnit = {
  code: '15277',
  name: 'Hà Trung',
  fullName: 'Xã Hà Trung',
  type: 'xa',
  provinceCode: '38',
};
const REFERENCE_DATE = '2026-03-15';

const share = (part: number, whole: number) => part / whole;

describe('generateChildren', () => {
  it('gives the same children for the same seed and other children for another seed', () => {
    const first = generateChildren({ seed: 42, referenceDate: REFERENCE_DATE, unit: BIM_SON, count: 500 });
    const again = generateChildren({ seed: 42, referenceDate: REFERENCE_DATE, unit: BIM_SON, count: 500 });
    const other = generateChildren({ seed: 43, referenceDate: REFERENCE_DATE, unit: BIM_SON, count: 500 });
    expect(again).toEqual(first);
    expect(other.map((c) => c.fullName)).not.toEqual(first.map((c) => c.fullName));
  });

  it('makes children that are valid create requests (a sample of 2,000, ages at today)', () => {
    const children = generateChildren({
      seed: 7,
      referenceDate: todayInVietnam(),
      unit: BIM_SON,
      count: 2000,
    });
    const failures = children
      .map((child) => ({ child, result: CreateChildRequest.safeParse(child) }))
      .filter(({ result }) => !result.success)
      .slice(0, 3)
      .map(({ child, result }) => ({ child, issues: result.error?.issues }));
    expect(failures).toEqual([]);
    const communeChildren = generateChildren({
      seed: 7,
      referenceDate: todayInVietnam(),
      unit: COMMUNE,
      count: 500,
    });
    expect(communeChildren.filter((child) => !CreateChildRequest.safeParse(child).success)).toEqual([]);
  });

  describe('shares over 14,000 children', () => {
    const children = generateChildren({
      seed: 2025,
      referenceDate: REFERENCE_DATE,
      unit: BIM_SON,
      count: 14_000,
    });
    const n = children.length;

    it('has about 1.3 % of children in special circumstances and about 10 % at risk', () => {
      const inGroups = children.filter((c) => c.specialCircumstances!.length > 0).length;
      const atRisk = children.filter((c) => c.atRisk!.length > 0).length;
      expect(share(inGroups, n)).toBeGreaterThan(0.009);
      expect(share(inGroups, n)).toBeLessThan(0.017);
      expect(share(atRisk, n)).toBeGreaterThan(0.08);
      expect(share(atRisk, n)).toBeLessThan(0.125);
      const groups = new Map<string, number>();
      for (const c of children)
        for (const g of c.specialCircumstances!) groups.set(g.group, (groups.get(g.group) ?? 0) + 1);
      // Children with disabilities are the largest group; orphans and others are present too.
      expect(Math.max(...groups.values())).toBe(groups.get('d'));
      expect(groups.size).toBeGreaterThanOrEqual(6);
      for (const c of children) {
        for (const g of c.specialCircumstances!) {
          expect(g.startDate >= '2017-06-01' && g.startDate <= REFERENCE_DATE).toBe(true);
          if (g.group === 'd') expect(c.health?.disability).toBeTruthy();
          if (g.group === 'n') expect(['poor', 'near_poor']).toContain(c.household?.povertyStatus);
          if (g.group === 'a') expect(c.caregivers!.some((k) => k.relationship === 'mother')).toBe(false);
        }
      }
    });

    it('spreads ages 0–15 evenly, about 1.1 boys per girl, 3 % year-only dates', () => {
      const byAge = Array.from({ length: 16 }, () => 0);
      for (const c of children) byAge[ageAt(c.dateOfBirth, REFERENCE_DATE)]! += 1;
      for (const count of byAge) {
        expect(share(count, n)).toBeGreaterThan(0.05);
        expect(share(count, n)).toBeLessThan(0.075);
      }
      const boys = children.filter((c) => c.sex === 'male').length;
      expect(boys / (n - boys)).toBeGreaterThan(1.04);
      expect(boys / (n - boys)).toBeLessThan(1.18);
      const yearOnly = children.filter((c) => c.dateOfBirth.length === 4).length;
      expect(share(yearOnly, n)).toBeGreaterThan(0.02);
      expect(share(yearOnly, n)).toBeLessThan(0.04);
    });

    it('gives about 85 % of children a unique personal id that agrees with sex and year of birth', () => {
      const ids = children.filter((c) => c.personalId).map((c) => c.personalId!);
      expect(share(ids.length, n)).toBeGreaterThan(0.8);
      expect(share(ids.length, n)).toBeLessThan(0.9);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of children) {
        if (c.personalId)
          expect(checkPersonalId(c.personalId, { sex: c.sex, dateOfBirth: c.dateOfBirth })).toEqual([]);
        if (c.personalId) expect(c.birthRegistration?.registered).toBe(true);
      }
      expect(share(ids.filter((id) => id.startsWith('038')).length, ids.length)).toBeGreaterThan(0.85);
    });

    it('uses Vietnamese names with realistic family-name shares, Kinh mostly', () => {
      const nguyen = children.filter((c) => c.fullName.startsWith('Nguyễn ')).length;
      expect(share(nguyen, n)).toBeGreaterThan(0.33);
      expect(share(nguyen, n)).toBeLessThan(0.43);
      for (const c of children.slice(0, 500)) expect(c.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
      const girlsThi = children.filter((c) => c.sex === 'female' && c.fullName.includes(' Thị ')).length;
      const boysThi = children.filter((c) => c.sex === 'male' && c.fullName.includes(' Thị ')).length;
      expect(girlsThi).toBeGreaterThan(0);
      expect(boysThi).toBe(0);
      const kinh = children.filter((c) => c.ethnicity === '01').length;
      expect(share(kinh, n)).toBeGreaterThan(0.9);
      expect(children.some((c) => c.ethnicity === '06')).toBe(true);
    });

    it('groups siblings in households with 2–8 members, one phone and one poverty status', () => {
      const households = new Map<string, typeof children>();
      for (const c of children) {
        const key = `${c.household?.headName}|${c.household?.phone}`;
        households.set(key, [...(households.get(key) ?? []), c]);
      }
      expect(households.size).toBeGreaterThan(n / 3);
      expect(households.size).toBeLessThan(n / 1.5);
      for (const members of households.values()) {
        expect(new Set(members.map((c) => c.household?.povertyStatus)).size).toBe(1);
        expect(new Set(members.map((c) => c.residence?.village)).size).toBe(1);
      }
      for (const c of children) {
        expect(c.household!.membersCount).toBeGreaterThanOrEqual(2);
        expect(c.household!.membersCount).toBeLessThanOrEqual(8);
        expect(c.household!.phone).toMatch(/^09\d{8}$/);
        expect(c.residence!.village).toMatch(/^Tổ dân phố ([1-9]|[12]\d|30)$/);
      }
      const poor = children.filter((c) => c.household?.povertyStatus === 'poor').length;
      const nearPoor = children.filter((c) => c.household?.povertyStatus === 'near_poor').length;
      expect(share(poor, n)).toBeGreaterThan(0.015);
      expect(share(poor, n)).toBeLessThan(0.05);
      expect(share(nearPoor, n)).toBeGreaterThan(0.025);
      expect(share(nearPoor, n)).toBeLessThan(0.06);
    });

    it('puts children in school by age, with grades that agree with the year of birth', () => {
      const schoolYear = schoolYearStart(REFERENCE_DATE);
      let olderChildren = 0;
      let droppedOut = 0;
      for (const c of children) {
        const age = ageAt(c.dateOfBirth, REFERENCE_DATE);
        const cohort = schoolYear - Number(c.dateOfBirth.slice(0, 4));
        const education = c.education!;
        if (age < 2) expect(education.enrolmentStatus).toBe('not_yet_school_age');
        if (education.enrolmentStatus === 'preschool') expect(education.school).toMatch(/^Trường Mầm non /);
        if (education.enrolmentStatus === 'enrolled') {
          expect(Number.parseInt(education.grade!, 10)).toBe(cohort - 5);
          const level = cohort - 5 <= 5 ? 'Tiểu học' : cohort - 5 <= 9 ? 'THCS' : 'THPT';
          expect(education.school).toContain(level);
        }
        if (age >= 11) olderChildren++;
        if (education.enrolmentStatus === 'dropped_out') droppedOut++;
      }
      expect(share(droppedOut, olderChildren)).toBeGreaterThan(0.004);
      expect(share(droppedOut, olderChildren)).toBeLessThan(0.02);
    });

    it('follows nutrition for under-5s (about 10 % underweight or stunted) and insures most children', () => {
      const underFive = children.filter(
        (c) => ageAt(c.dateOfBirth, REFERENCE_DATE) < 5 && c.health?.nutritionStatus,
      );
      const malnourished = underFive.filter((c) =>
        ['underweight', 'stunted'].includes(c.health!.nutritionStatus!),
      );
      expect(share(malnourished.length, underFive.length)).toBeGreaterThan(0.07);
      expect(share(malnourished.length, underFive.length)).toBeLessThan(0.14);
      expect(
        children.filter((c) => ageAt(c.dateOfBirth, REFERENCE_DATE) >= 5 && c.health?.nutritionStatus),
      ).toEqual([]);
      const insured = children.filter((c) => c.health?.insuranceCardNumber).length;
      expect(share(insured, n)).toBeGreaterThan(0.9);
      const underSix = children.filter(
        (c) => ageAt(c.dateOfBirth, REFERENCE_DATE) < 6 && c.health?.insuranceCardNumber,
      );
      for (const c of underSix) {
        expect(c.health!.insuranceCardNumber).toMatch(/^(TE1|\d)/);
        expect(c.health!.insuranceValidTo! >= REFERENCE_DATE).toBe(true);
      }
      const disabled = children.filter((c) => c.health?.disability).length;
      expect(share(disabled, n)).toBeGreaterThan(0.004);
      expect(share(disabled, n)).toBeLessThan(0.012);
      const infants = children.filter(
        (c) => c.health?.immunisationComplete !== null && c.health?.immunisationComplete !== undefined,
      );
      expect(
        share(infants.filter((c) => c.health!.immunisationComplete).length, infants.length),
      ).toBeGreaterThan(0.85);
    });
  });

  it('gives communes villages (thôn, bản) and keeps personal ids unique across units', () => {
    const generator = new ChildGenerator({ seed: 3, referenceDate: REFERENCE_DATE });
    const commune = [...generator.generateForUnit(COMMUNE, 3000)];
    const ward = [...generator.generateForUnit(BIM_SON, 3000)];
    for (const c of commune) expect(c.residence!.village).toMatch(/^(Thôn|Bản) /);
    expect(commune.every((c) => c.unitCode === '15277')).toBe(true);
    const ids = [...commune, ...ward].flatMap((c) => (c.personalId ? [c.personalId] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('insertGeneratedChildren', () => {
  let database: Database & { dispose(): Promise<void> };
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.dispose());

  const children = generateChildren({ seed: 11, referenceDate: REFERENCE_DATE, unit: BIM_SON, count: 2300 });

  it('writes the children in batches with their groups, a status row each and one audit row per batch', async () => {
    const unit = await unitByCode(database, '14812');
    const result = await insertGeneratedChildren(database.db, children, {
      unitId: unit.id,
      seed: 11,
      batchSize: 1000,
    });
    const groupCount = children.reduce((sum, c) => sum + c.specialCircumstances!.length, 0);
    expect(result).toEqual({ children: 2300, specialCircumstances: groupCount });

    const rows = await database.db.selectFrom('child').selectAll().where('unit_id', '=', unit.id).execute();
    expect(rows).toHaveLength(2300);
    const byName = new Map(children.map((c) => [`${c.fullName}|${c.dateOfBirth}|${c.household?.phone}`, c]));
    for (const row of rows.slice(0, 300)) {
      const child = byName.get(
        `${row.full_name}|${row.date_of_birth}|${(row.household as { phone: string }).phone}`,
      )!;
      expect(row).toMatchObject({
        sex: child.sex,
        personal_id: child.personalId ?? null,
        ethnicity: child.ethnicity ?? null,
        village: child.residence?.village ?? null,
        address: child.residence?.address ?? null,
        at_risk: child.atRisk,
        people_folded: peopleFolded(child),
        status: 'active',
        version: 1,
      });
      expect(row.household).toEqual(child.household);
      expect(row.caregivers).toEqual(child.caregivers);
      expect(row.education).toEqual(child.education);
      expect(row.health).toEqual(child.health);
      expect(row.birth_registration).toEqual(child.birthRegistration);
      expect(row.name_folded).toBe(
        row.full_name
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
          .replace(/đ/g, 'd')
          .replace(/Đ/g, 'D')
          .toLowerCase(),
      );
    }
    expect(peopleFolded(children[0]!)).not.toMatch(/[^\x20-\x7e]/);

    const groups = await database.db
      .selectFrom('child_special_circumstance as s')
      .innerJoin('child as c', 'c.id', 's.child_id')
      .select(['s.group_code', 's.subgroup_code', 's.start_date', 's.end_date'])
      .where('c.unit_id', '=', unit.id)
      .execute();
    expect(groups).toHaveLength(groupCount);
    const history = await database.db
      .selectFrom('child_status_history as h')
      .innerJoin('child as c', 'c.id', 'h.child_id')
      .select(['h.status', 'h.changed_by'])
      .where('c.unit_id', '=', unit.id)
      .execute();
    expect(history).toHaveLength(2300);
    expect(history.every((h) => h.status === 'active' && h.changed_by === null)).toBe(true);

    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'child.generate')
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit.map((a) => (a.diff as { _details: unknown })._details)).toEqual([
      { count: 1000, seed: 11 },
      { count: 1000, seed: 11 },
      { count: 300, seed: 11 },
    ]);
    expect(
      audit.every((a) => a.entity_type === 'child' && a.entity_id === null && a.unit_id === unit.id),
    ).toBe(true);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('drops personal ids already held by other records instead of failing', async () => {
    const unit = await unitByCode(database, '14818');
    const again = children.slice(0, 200).map((c) => ({ ...c, unitCode: '14818' }));
    await insertGeneratedChildren(database.db, again, { unitId: unit.id, seed: 11 });
    const rows = await database.db
      .selectFrom('child')
      .select(['personal_id'])
      .where('unit_id', '=', unit.id)
      .execute();
    expect(rows).toHaveLength(200);
    expect(rows.every((r) => r.personal_id === null)).toBe(true);
  });
});
