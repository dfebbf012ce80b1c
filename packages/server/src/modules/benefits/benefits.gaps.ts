import {
  type BenefitGap,
  type BenefitGapList,
  type BenefitGapQuery,
  benefitGapsOf,
  eligibilityAt,
  type GapKind,
  gapCandidateGroups,
  gapKindLabels,
  vietnamToday,
} from '@tuoitho/domain';
import ExcelJS from 'exceljs';
import { writeAuditInTx } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/scope';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import type { Lang } from '../../platform/i18n/messages';
import { ChildrenRepo } from '../children/children.repo';
import { loadBenefitCatalogue } from './benefits.catalogue';
import { factsOfChildRow } from './benefits.children';
import { latestRuleByCode } from './benefits.enrolments';
import { enrolmentFactsAt, groupBy, yearsBefore } from './benefits.proposals';
import { BenefitsRepo, findUnitByCode, findUnitById } from './benefits.repo';

const BATCH = 2000;

/** `2015-03-04` → `04/03/2015`; a year stays a year. */
const displayDate = (value: string) => (value.length === 4 ? value : value.split('-').reverse().join('/'));
const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * The gap list: who is eligible and gets nothing, who gets a benefit no longer due, whose amount
 * differs from the rule, for the children of a unit subtree (active children under 16 and every
 * child with a running enrolment). The registry is read a few thousand children at a time.
 */
export class GapsService {
  private readonly repo: BenefitsRepo;
  private readonly children: ChildrenRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new BenefitsRepo(ctx.db);
    this.children = new ChildrenRepo(ctx.db);
  }

  private async unitOf(actor: Actor, code: string | undefined) {
    if (!code) return findUnitById(this.ctx.db, actor.unitId);
    const unit = await findUnitByCode(this.ctx.db, code);
    if (!unit || !isInScope(actor, unit.path)) throw notFound();
    return unit;
  }

  /** The gaps of a unit of the caller's subtree at a date (default today); counts are over every kind. */
  async getGaps(actor: Actor, query: BenefitGapQuery): Promise<BenefitGapList & { unitName: string }> {
    const unit = await this.unitOf(actor, query.unit);
    const at = query.at ?? vietnamToday();
    const today = vietnamToday();
    const catalogue = await loadBenefitCatalogue(this.ctx.db);
    const rules = latestRuleByCode(catalogue);
    const counts: Record<GapKind, number> = {
      eligible_not_enrolled: 0,
      enrolled_not_eligible: 0,
      amount_differs: 0,
    };
    const items: BenefitGap[] = [];
    // Only children who can have a gap: in a group some decided benefit asks for, or enrolled.
    const inGroups = gapCandidateGroups(catalogue, at) ?? undefined;
    let after: string | undefined;
    for (;;) {
      const batch = await this.repo.listChildrenBatch(
        this.ctx.db,
        { unitPath: unit.path, bornAfter: yearsBefore(at, 16), inGroups },
        BATCH,
        after,
      );
      if (batch.length === 0) break;
      const ids = batch.map((c) => c.id);
      const [groups, enrolments] = await Promise.all([
        this.children.listSpecialCircumstances(this.ctx.db, ids),
        this.repo.listEnrolmentsOfChildren(this.ctx.db, ids),
      ]);
      const groupsOf = groupBy(groups, (g) => g.child_id);
      const enrolmentsOf = groupBy(enrolments, (e) => e.child_id);
      for (const child of batch) {
        const eligibilities = eligibilityAt(
          factsOfChildRow(child, groupsOf.get(child.id) ?? []),
          at,
          catalogue,
        );
        const current = enrolmentFactsAt(enrolmentsOf.get(child.id) ?? [], at, today);
        for (const gap of benefitGapsOf(eligibilities, current, catalogue)) {
          counts[gap.kind]++;
          if (query.kind && gap.kind !== query.kind) continue;
          items.push({
            ...gap,
            childId: child.id,
            childName: child.full_name,
            childDateOfBirth: child.date_of_birth,
            unitCode: child.unit_code,
            ruleName:
              eligibilities.find((e) => e.ruleCode === gap.ruleCode)?.nameVi ??
              rules.get(gap.ruleCode)?.nameVi ??
              gap.ruleCode,
          });
        }
      }
      after = batch.at(-1)!.id;
      if (batch.length < BATCH) break;
    }
    items.sort(
      (a, b) =>
        a.unitCode.localeCompare(b.unitCode) ||
        a.childName.localeCompare(b.childName, 'vi') ||
        a.ruleCode.localeCompare(b.ruleCode),
    );
    return { at, counts, items, unitName: unit.full_name };
  }

  /** The gap list as an Excel sheet; the export of personal data is audited before it is sent. */
  async exportGaps(actor: Actor, query: BenefitGapQuery, meta: RequestMeta) {
    const { unitName, ...list } = await this.getGaps(actor, query);
    const body = await toXlsx(list, unitName, meta.lang);
    await this.ctx.db.transaction().execute((tx) =>
      writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'benefit.gaps.export',
          entityType: 'benefit_enrolment',
          entityId: null,
          unitId: actor.unitId,
          details: { format: 'xlsx', rows: list.items.length, query },
        },
      ),
    );
    return {
      body,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `ra-soat-chinh-sach-${list.at}.xlsx`,
    };
  }
}

const HEADERS: Record<Lang, string[]> = {
  vi: [
    'STT',
    'Họ và tên trẻ',
    'Ngày sinh',
    'Mã xã, phường',
    'Chính sách',
    'Loại chênh lệch',
    'Mức theo quy định (đ)',
    'Mức đang hưởng (đ)',
    'Lý do',
  ],
  en: [
    'No.',
    'Child',
    'Date of birth',
    'Commune code',
    'Benefit',
    'Gap',
    'Amount by the rule (VND)',
    'Amount enrolled (VND)',
    'Reason',
  ],
};

async function toXlsx(list: BenefitGapList, unitName: string, lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tuổi Thơ';
  const headers = HEADERS[lang];
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Benefit gaps' : 'Rà soát chính sách', {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.addRow([
    lang === 'en'
      ? `Benefit gap list — ${unitName} — as of ${displayDate(list.at)}`
      : `Danh sách rà soát chính sách hỗ trợ trẻ em — ${unitName} — ngày ${displayDate(list.at)}`,
  ]);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.addRow(headers);
  sheet.getRow(2).font = { bold: true };
  list.items.forEach((gap, index) => {
    sheet.addRow([
      index + 1,
      safeCell(gap.childName),
      displayDate(gap.childDateOfBirth),
      gap.unitCode,
      safeCell(gap.ruleName),
      gapKindLabels[gap.kind][lang],
      gap.expectedAmountVnd,
      gap.enrolledAmountVnd,
      safeCell(lang === 'en' ? gap.reasonEn : gap.reasonVi),
    ]);
  });
  for (const column of [7, 8]) sheet.getColumn(column).numFmt = '#,##0';
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: headers.length } };
  const widths = [6, 28, 12, 12, 40, 34, 18, 18, 60];
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
