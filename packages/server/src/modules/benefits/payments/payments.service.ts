import {
  type BenefitPeriodicity,
  type BenefitTotals,
  type BenefitTotalsQuery,
  type CreatePaymentRunRequest,
  type EnrolmentTerms,
  type PayLineRequest,
  type PaymentLine,
  type PaymentRun,
  type PaymentRunList,
  type PaymentRunListQuery,
  type UnpayLineRequest,
  vietnamToday,
} from '@tuoitho/domain';
import type { Transaction } from 'kysely';
import { writeAuditInTx } from '../../../platform/audit/audit';
import { isInScope } from '../../../platform/auth/scope';
import type { AppContext } from '../../../platform/context';
import type { DB } from '../../../platform/db/schema';
import { AppError, invalidField, notFound, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import type { Lang } from '../../../platform/i18n/messages';
import { UnitsRepo } from '../../units/units.repo';
import { amountDue, lastDayOfMonth } from './payments.due';
import { assertCanManagePayments } from './payments.policy';
import { type LineRow, PaymentsRepo, type RunRow, type RunTotalsRow } from './payments.repo';

const displayDate = (iso: string) => iso.split('-').reverse().join('/');

/** `2026-11` minus `n` months. */
function monthsBefore(month: string, n: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(year, mon - 1 - n, 1));
  return d.toISOString().slice(0, 7);
}

export function toPaymentLine(row: LineRow, lang: Lang): PaymentLine {
  return {
    id: row.id,
    version: row.version,
    enrolmentId: row.enrolment_id,
    childId: row.child_id,
    childName: row.child_name,
    childDateOfBirth: row.child_date_of_birth,
    recipientName: row.recipient_name,
    ruleCode: row.rule_code,
    ruleName: (lang === 'en' ? row.rule_name_en : row.rule_name_vi) ?? row.rule_code,
    budgetSource: row.budget_source as PaymentLine['budgetSource'],
    amountVnd: Number(row.amount_vnd),
    status: row.status,
    method: row.method,
    paidOn: row.paid_on,
    receiptNumber: row.receipt_number,
  };
}

const EMPTY_TOTALS: RunTotalsRow = { lines: 0, amount_vnd: 0, paid_lines: 0, paid_vnd: 0 };

function toSummary(run: RunRow, totals: RunTotalsRow = EMPTY_TOTALS): Omit<PaymentRun, 'lines'> {
  return {
    id: run.id,
    unitCode: run.unit_code,
    unitName: run.unit_name,
    month: run.month,
    createdAt: run.created_at.toISOString(),
    totals: {
      lines: totals.lines,
      amountVnd: totals.amount_vnd,
      paidLines: totals.paid_lines,
      paidVnd: totals.paid_vnd,
    },
  };
}

/** Monthly payment lists of a commune: made from enrolments, marked paid line by line. */
export class PaymentsService {
  private readonly repo: PaymentsRepo;
  private readonly units: UnitsRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new PaymentsRepo(ctx.db);
    this.units = new UnitsRepo(ctx.db);
  }

  /**
   * Makes (or completes) the list of a commune's month: one line per enrolment due that month,
   * at the amount of the enrolment's decisions. Running a month again adds only the enrolments
   * not yet on it; `created` tells whether the run is new.
   */
  async runMonth(
    actor: Actor,
    input: CreatePaymentRunRequest,
    meta: RequestMeta,
  ): Promise<{ run: PaymentRun; created: boolean }> {
    assertCanManagePayments(actor);
    const today = vietnamToday();
    const unit = await this.units.findByCode(input.unitCode, today);
    if (unit?.level !== 'commune') throw invalidField('body.unitCode', 'unit_not_found');
    if (!isInScope(actor, unit.path)) throw invalidField('body.unitCode', 'unit_out_of_scope', 403);
    if (input.month > today.slice(0, 7)) throw invalidField('body.month', 'payment_month_in_future', 422);

    const result = await this.ctx.db.transaction().execute(async (tx) => {
      const run = await this.repo.lockOrCreateRun(tx, unit.id, input.month, actor.userId);
      const added = await this.addDueLines(tx, run.id, unit.id, input.month);
      if (added.length > 0 && !run.created) await this.repo.touchRun(tx, run.id);
      const totals = (await this.repo.totalsOf(tx, [run.id])).get(run.id) ?? EMPTY_TOTALS;
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: run.created ? 'benefit.payment_run.create' : 'benefit.payment_run.extend',
          entityType: 'benefit_payment_run',
          entityId: run.id,
          unitId: unit.id,
          details: {
            unitCode: unit.code,
            month: input.month,
            linesAdded: added.length,
            amountAddedVnd: added.reduce((sum, a) => sum + a, 0),
            lines: totals.lines,
            totalVnd: totals.amount_vnd,
          },
        },
      );
      return run;
    });
    return { run: await this.getRun(actor, result.id, meta.lang), created: result.created };
  }

  /** Inserts the lines of the enrolments due in the month that the run does not have yet. */
  private async addDueLines(tx: Transaction<DB>, runId: string, unitId: number, month: string) {
    const monthStart = `${month}-01`;
    const monthEnd = lastDayOfMonth(month);
    const enrolments = await this.repo.listEnrolmentsWithoutLine(tx, unitId, month, monthEnd);
    const events = await this.repo.listEvents(
      tx,
      enrolments.map((e) => e.id),
    );
    const periods = await this.repo.listRulePeriods(tx, [...new Set(enrolments.map((e) => e.rule_code))]);
    const lines = [];
    for (const enrolment of enrolments) {
      const ofCode = periods.filter((p) => p.code === enrolment.rule_code);
      // The period in force during the month decides the budget line; else the latest one.
      const rule =
        ofCode.find((p) => p.valid_from <= monthEnd && (p.valid_to === null || p.valid_to >= monthStart)) ??
        ofCode[0];
      if (!rule) continue;
      const terms: EnrolmentTerms = {
        startDate: enrolment.start_date,
        endDate: enrolment.end_date,
        // A stored terminate event names the last day paid, which `endDate` already carries; the
        // domain reads a terminate's date as the first day without, so it is left out here.
        events: events
          .filter((e) => e.enrolment_id === enrolment.id && e.kind !== 'terminate')
          .map((e) => ({
            kind: e.kind,
            effectiveFrom: e.effective_from,
            amountVnd: e.amount_vnd === null ? null : Number(e.amount_vnd),
          })),
      };
      const amount = amountDue(rule.periodicity as BenefitPeriodicity, terms, month);
      if (amount === null) continue;
      lines.push({
        run_id: runId,
        enrolment_id: enrolment.id,
        month,
        amount_vnd: amount,
        rule_code: enrolment.rule_code,
        budget_source: rule.budget_source,
        recipient_name: enrolment.recipient_name,
      });
    }
    return this.repo.insertLines(tx, lines);
  }

  /** A run of the caller's subtree with its lines; 404 outside it. */
  async getRun(actor: Actor, id: string, lang: Lang): Promise<PaymentRun> {
    const run = await this.repo.findRun(this.ctx.db, actor, id);
    if (!run) throw notFound();
    const lines = await this.repo.listLines(this.ctx.db, id);
    const totals = (await this.repo.totalsOf(this.ctx.db, [id])).get(id);
    return { ...toSummary(run, totals), lines: lines.map((l) => toPaymentLine(l, lang)) };
  }

  /** The run row and its lines, for the export. */
  async getRunForExport(actor: Actor, id: string) {
    const run = await this.repo.findRun(this.ctx.db, actor, id);
    if (!run) throw notFound();
    return { run, lines: await this.repo.listLines(this.ctx.db, id) };
  }

  private async unitPathOf(code: string | undefined) {
    if (!code) return undefined;
    const unit = await this.units.findByCode(code, vietnamToday());
    if (!unit) throw invalidField('query.unit', 'unit_not_found');
    return unit.path;
  }

  /** Runs of the caller's subtree (or of a unit in it), newest month first. */
  async listRuns(actor: Actor, query: PaymentRunListQuery): Promise<PaymentRunList> {
    const unitPath = await this.unitPathOf(query.unit);
    const runs = await this.repo.listRuns(actor, { unitPath, from: query.from, to: query.to });
    const totals = await this.repo.totalsOf(
      this.ctx.db,
      runs.map((r) => r.id),
    );
    return { items: runs.map((r) => toSummary(r, totals.get(r.id))) };
  }

  /** Records that a line was paid: how, when, under which receipt. */
  async payLine(
    actor: Actor,
    runId: string,
    lineId: string,
    input: PayLineRequest,
    meta: RequestMeta,
  ): Promise<PaymentLine> {
    assertCanManagePayments(actor);
    if (input.paidOn > vietnamToday()) throw invalidField('body.paidOn', 'paid_on_in_future', 422);
    return this.ctx.db.transaction().execute(async (tx) => {
      const { run, line } = await this.lockLine(tx, actor, runId, lineId, input.version);
      if (line.status === 'paid') {
        const on = line.paid_on ? displayDate(line.paid_on) : '';
        throw new AppError(409, 'conflict', {
          reason:
            meta.lang === 'en'
              ? `This line was already paid on ${on}. Undo that payment first if it was recorded by mistake.`
              : `Dòng này đã được ghi nhận chi ngày ${on}. Nếu ghi nhầm, hãy hủy ghi nhận trước.`,
        });
      }
      const receiptNumber = input.receiptNumber?.trim() || null;
      await this.repo.markPaid(tx, line.id, {
        method: input.method,
        paidOn: input.paidOn,
        receiptNumber,
        userId: actor.userId,
      });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'benefit.payment.pay',
          entityType: 'benefit_payment',
          entityId: line.id,
          unitId: run.unit_id,
          before: { status: line.status },
          after: { status: 'paid', method: input.method, paidOn: input.paidOn, receiptNumber },
          details: { runId, month: run.month, amountVnd: Number(line.amount_vnd) },
        },
      );
      return this.reloadLine(tx, runId, lineId, meta.lang);
    });
  }

  /** Undoes a payment recorded by mistake; the reason goes to the audit log. */
  async unpayLine(
    actor: Actor,
    runId: string,
    lineId: string,
    input: UnpayLineRequest,
    meta: RequestMeta,
  ): Promise<PaymentLine> {
    assertCanManagePayments(actor);
    return this.ctx.db.transaction().execute(async (tx) => {
      const { run, line } = await this.lockLine(tx, actor, runId, lineId, input.version);
      if (line.status !== 'paid') {
        throw new AppError(409, 'conflict', {
          reason: meta.lang === 'en' ? 'This line is not marked paid.' : 'Dòng này chưa được ghi nhận chi.',
        });
      }
      await this.repo.markUnpaid(tx, line.id);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'benefit.payment.unpay',
          entityType: 'benefit_payment',
          entityId: line.id,
          unitId: run.unit_id,
          before: {
            status: 'paid',
            method: line.method,
            paidOn: line.paid_on,
            receiptNumber: line.receipt_number,
          },
          after: { status: 'unpaid', method: null, paidOn: null, receiptNumber: null },
          details: { runId, month: run.month, reason: input.reason },
        },
      );
      return this.reloadLine(tx, runId, lineId, meta.lang);
    });
  }

  private async lockLine(tx: Transaction<DB>, actor: Actor, runId: string, lineId: string, version: number) {
    const run = await this.repo.findRun(tx, actor, runId);
    if (!run) throw notFound();
    const line = await this.repo.findLineForUpdate(tx, runId, lineId);
    if (!line) throw notFound();
    if (line.version !== version) throw versionConflict();
    return { run, line };
  }

  private async reloadLine(tx: Transaction<DB>, runId: string, lineId: string, lang: Lang) {
    const row = await this.repo.findLineForUpdate(tx, runId, lineId);
    if (!row) throw notFound();
    return toPaymentLine(row, lang);
  }

  /** Due and paid amounts by month, benefit and budget source (default: the last 12 months). */
  async totals(actor: Actor, query: BenefitTotalsQuery, lang: Lang): Promise<BenefitTotals> {
    const to = query.to ?? vietnamToday().slice(0, 7);
    const from = query.from ?? monthsBefore(to, 11);
    if (from > to) throw invalidField('query.from', 'month_range_reversed');
    const unitPath = await this.unitPathOf(query.unit);
    const rows = await this.repo.totalsByMonth(actor, { unitPath, from, to });
    return {
      from,
      to,
      rows: rows.map((r) => ({
        month: r.month,
        ruleCode: r.rule_code,
        ruleName: (lang === 'en' ? r.rule_name_en : r.rule_name_vi) ?? r.rule_code,
        budgetSource: r.budget_source as BenefitTotals['rows'][number]['budgetSource'],
        lines: Number(r.lines),
        amountVnd: Number(r.amount_vnd),
        paidVnd: Number(r.paid_vnd),
      })),
    };
  }
}
