import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema';

/** A rule period of the tests' own codes, so the tests never depend on the shipped catalogue. */
export async function insertTestRule(
  db: Kysely<DB>,
  rule: {
    code: string;
    nameVi: string;
    periodicity: 'monthly' | 'yearly' | 'once';
    budgetSource: string;
    validFrom?: string;
  },
) {
  await db
    .insertInto('benefit_rule')
    .values({
      code: rule.code,
      kind: rule.periodicity === 'monthly' ? 'monthly_allowance' : 'local_gift',
      name_vi: rule.nameVi,
      name_en: `${rule.code} (en)`,
      criteria_vi: 'thử nghiệm',
      criteria_en: 'test',
      legal_ref: 'Thử nghiệm',
      valid_from: rule.validFrom ?? '2021-07-01',
      periodicity: rule.periodicity,
      amount: JSON.stringify({ type: 'fixed', amountVnd: 1 }),
      criteria: JSON.stringify({}),
      budget_source: rule.budgetSource,
      needs_decision: true,
    })
    .onConflict((oc) => oc.columns(['code', 'valid_from']).doNothing())
    .execute();
}

export type TestDecision = {
  kind: 'start' | 'adjust' | 'terminate';
  effectiveFrom: string;
  amountVnd: number | null;
};

/**
 * An enrolment as the enrolments module stores it: the row with its current amount and the
 * decisions (start, adjustments, end) that the payment run reads.
 */
export async function insertTestEnrolment(
  db: Kysely<DB>,
  e: {
    childId: string;
    unitId: number;
    ruleCode: string;
    startDate: string;
    endDate?: string | null;
    recipientName: string;
    decisions: TestDecision[];
  },
): Promise<string> {
  const amounts = e.decisions.filter((d) => d.amountVnd !== null);
  const current = amounts.at(-1)?.amountVnd ?? 0;
  const row = await db
    .insertInto('benefit_enrolment')
    .values({
      child_id: e.childId,
      unit_id: e.unitId,
      rule_code: e.ruleCode,
      status: e.endDate ? 'ended' : 'active',
      start_date: e.startDate,
      end_date: e.endDate ?? null,
      amount_vnd: current,
      recipient_kind: 'caregiver',
      recipient_name: e.recipientName,
      recipient_relationship: 'Bà nội',
      payment_method: 'cash',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const d of e.decisions) {
    await db
      .insertInto('benefit_enrolment_event')
      .values({
        enrolment_id: row.id,
        kind: d.kind,
        decision_number: `${randomUUID().slice(0, 4)}/QĐ-UBND`,
        decision_date: d.effectiveFrom,
        signer_name: 'Nguyễn Văn Chủ',
        signer_title: 'Chủ tịch UBND',
        effective_from: d.effectiveFrom,
        amount_vnd: d.amountVnd,
        reason: null,
      })
      .execute();
  }
  return row.id;
}
