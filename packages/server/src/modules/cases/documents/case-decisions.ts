import { riskLevelLabels } from '@tuoitho/domain';
import {
  approvedCurrentPlan,
  authorityOf,
  type Built,
  type CaseDocumentInput,
  CaseFormNotReadyError,
  chairmanSignature,
  childBlocks,
  childPhrase,
  type DocBlock,
  latest,
  nameOf,
  planBlocks,
  prerequisites,
  protectionLevelVi,
  vietnameseDateTime,
  vietnameseLongDate,
} from './form-parts';

/** The decisions of the commune chairman: forms 05 (plan approval) and 07 (temporary removal). */

/** The legal grounds of a commune chairman's decision under Decree 56 (law as of the decision date). */
function decisionGrounds(decisionDate: string): DocBlock[] {
  const localGovernmentLaw =
    decisionDate >= '2025-07-01'
      ? 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;'
      : 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;';
  return [
    { kind: 'paragraph', text: localGovernmentLaw, italic: true },
    { kind: 'paragraph', text: 'Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;', italic: true },
    {
      kind: 'paragraph',
      text: 'Căn cứ Nghị định số 56/2017/NĐ-CP ngày 09 tháng 5 năm 2017 của Chính phủ quy định chi tiết một số điều của Luật Trẻ em;',
      italic: true,
    },
  ];
}

/** Form 05: the decision approving the current plan, with the plan attached. */
export function build05(input: CaseDocumentInput): Built {
  const plan = approvedCurrentPlan(input.state);
  const drafted = latest(input.actions, 'plan_drafted');
  if (!plan || !drafted) throw new CaseFormNotReadyError('05', prerequisites['05']);
  const { approval } = plan;
  const officer = nameOf(input, drafted.by.userId);
  const assignee = officer ? `công chức ${officer}` : 'công chức phụ trách công tác bảo vệ trẻ em';
  const chairman = `CHỦ TỊCH ${authorityOf(input)}`;
  return {
    kind: 'decision',
    number: `Số: ${approval.decisionNumber}`,
    placeDate: `${input.unit.fullName}, ${vietnameseLongDate(approval.decisionDate)}`,
    title: 'QUYẾT ĐỊNH',
    subtitle: `Về việc phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em ${input.child.fullName}`,
    body: [
      { kind: 'paragraph', text: chairman, bold: true, align: 'center' },
      ...decisionGrounds(approval.decisionDate),
      {
        kind: 'paragraph',
        italic: true,
        text: `Xét đề nghị của ${officer ? `công chức ${officer}` : 'công chức phụ trách công tác bảo vệ trẻ em'} về kế hoạch hỗ trợ, can thiệp vụ việc số ${input.caseNumber}.`,
      },
      { kind: 'paragraph', text: 'QUYẾT ĐỊNH:', bold: true, align: 'center' },
      {
        kind: 'paragraph',
        lead: 'Điều 1.',
        text: `Phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em ${childPhrase(input)} (kế hoạch kèm theo).`,
      },
      {
        kind: 'paragraph',
        lead: 'Điều 2.',
        text: `Giao ${assignee} chủ trì, phối hợp với các cơ quan, tổ chức, cá nhân có liên quan tổ chức thực hiện kế hoạch; theo dõi, rà soát, đánh giá tình trạng của trẻ em và báo cáo Chủ tịch Ủy ban nhân dân theo quy định.`,
      },
      {
        kind: 'paragraph',
        lead: 'Điều 3.',
        text: 'Quyết định này có hiệu lực kể từ ngày ký. Công chức phụ trách công tác bảo vệ trẻ em, các cơ quan, tổ chức, cá nhân có liên quan và gia đình trẻ em chịu trách nhiệm thi hành Quyết định này./.',
      },
    ],
    // The decision is signed; the plan follows it as its attachment.
    annex: [
      { kind: 'paragraph', text: 'KẾ HOẠCH HỖ TRỢ, CAN THIỆP', bold: true, align: 'center' },
      {
        kind: 'paragraph',
        italic: true,
        align: 'center',
        text: `(Ban hành kèm theo Quyết định số ${approval.decisionNumber} ${vietnameseLongDate(approval.decisionDate)} của Chủ tịch Ủy ban nhân dân ${input.unit.fullName})`,
      },
      { kind: 'section', text: 'I. THÔNG TIN VỀ TRẺ EM' },
      ...childBlocks(input),
      { kind: 'field', label: 'Cấp độ bảo vệ', value: protectionLevelVi(input.state.protectionLevel) },
      ...planBlocks(plan),
    ],
    recipients: ['Như Điều 3;', `Lưu: VT, hồ sơ vụ việc ${input.caseNumber}.`],
    signature: chairmanSignature(nameOf(input, approval.approvedBy)),
  };
}

/** Form 07: the decision on temporary removal (the latest one). */
export function build07(input: CaseDocumentInput): Built {
  const removal = latest(input.actions, 'temporary_removal');
  if (!removal) throw new CaseFormNotReadyError('07', prerequisites['07']);
  const initial = latest(input.actions, 'initial_assessment');
  const chairman = `CHỦ TỊCH ${authorityOf(input)}`;
  return {
    kind: 'decision',
    number: `Số: ${removal.decisionNumber}`,
    placeDate: `${input.unit.fullName}, ${vietnameseLongDate(removal.decisionDate)}`,
    title: 'QUYẾT ĐỊNH',
    subtitle: 'Về việc tạm thời cách ly trẻ em khỏi cha, mẹ, người chăm sóc trẻ em',
    body: [
      { kind: 'paragraph', text: chairman, bold: true, align: 'center' },
      ...decisionGrounds(removal.decisionDate),
      {
        kind: 'paragraph',
        italic: true,
        text: initial
          ? `Xét kết quả đánh giá nguy cơ ban đầu ${vietnameseLongDate(initial.at)} (mức độ nguy cơ: ${riskLevelLabels[initial.riskLevel].vi}) của vụ việc số ${input.caseNumber}, trẻ em đang có nguy cơ bị tổn hại nghiêm trọng đến tính mạng, sức khỏe, nhân phẩm.`
          : `Xét tình trạng của trẻ em trong vụ việc số ${input.caseNumber}.`,
      },
      { kind: 'paragraph', text: 'QUYẾT ĐỊNH:', bold: true, align: 'center' },
      {
        kind: 'paragraph',
        lead: 'Điều 1.',
        text: `Tạm thời cách ly trẻ em ${childPhrase(input)} khỏi cha, mẹ, người chăm sóc trẻ em, từ ${vietnameseDateTime(removal.startAt)} đến ${vietnameseDateTime(removal.plannedEndAt)}.`,
      },
      { kind: 'paragraph', text: `Nơi chăm sóc tạm thời: ${removal.placement}.` },
      {
        kind: 'paragraph',
        lead: 'Điều 2.',
        text: 'Công chức phụ trách công tác bảo vệ trẻ em có trách nhiệm theo dõi, hỗ trợ trẻ em trong thời gian cách ly; phối hợp với các cơ quan, tổ chức, cá nhân có liên quan bảo đảm an toàn, chăm sóc trẻ em và báo cáo Chủ tịch Ủy ban nhân dân khi hết thời hạn hoặc khi tình trạng của trẻ em thay đổi.',
      },
      {
        kind: 'paragraph',
        lead: 'Điều 3.',
        text: 'Quyết định này có hiệu lực kể từ ngày ký. Công chức phụ trách công tác bảo vệ trẻ em, cha, mẹ, người chăm sóc trẻ em, cơ sở hoặc cá nhân nhận chăm sóc tạm thời và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.',
      },
    ],
    recipients: ['Như Điều 3;', `Lưu: VT, hồ sơ vụ việc ${input.caseNumber}.`],
    signature: chairmanSignature(nameOf(input, removal.by.userId)),
  };
}
