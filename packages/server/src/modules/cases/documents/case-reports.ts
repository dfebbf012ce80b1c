import {
  concernTypeLabels,
  findCurrentPlan,
  intakeChannelLabels,
  intakeUrgencyLabels,
  riskLevelLabels,
} from '@tuoitho/domain';
import {
  type Built,
  type CaseDocumentInput,
  CaseFormNotReadyError,
  childBlocks,
  DOTS,
  type DocBlock,
  latest,
  measuresTable,
  nameOf,
  planBlocks,
  prerequisites,
  protectionLevelVi,
  reportRecipients,
  reportSignature,
  reviewDecisionVi,
  vietnameseDateTime,
  vietnameseLongDate,
} from './form-parts';

/** The reports and records of the officer: forms 01–04 and 06. */

/** Form 01: the report received (intake, summary, reporter). */
export function build01(input: CaseDocumentInput): Built {
  const intake = latest(input.actions, 'intake');
  if (!intake) throw new CaseFormNotReadyError('01', prerequisites['01']);
  return {
    kind: 'report',
    number: `Số: ${input.caseNumber}`,
    placeDate: `${input.unit.fullName}, ${vietnameseLongDate(intake.at)}`,
    title: 'BÁO CÁO',
    subtitle: 'Tiếp nhận thông tin trẻ em bị xâm hại/bị bạo lực, bóc lột, bỏ rơi',
    body: [
      {
        kind: 'paragraph',
        text: `Kính gửi: Chủ tịch Ủy ban nhân dân ${input.unit.fullName}`,
        align: 'center',
      },
      { kind: 'section', text: 'I. THÔNG TIN TIẾP NHẬN' },
      { kind: 'field', label: 'Thời điểm tiếp nhận', value: vietnameseDateTime(intake.receivedAt) },
      { kind: 'field', label: 'Nguồn thông tin', value: intakeChannelLabels[intake.channel].vi },
      { kind: 'field', label: 'Người cung cấp thông tin', value: input.reporter ?? 'Không ghi nhận' },
      { kind: 'field', label: 'Mức độ khẩn cấp', value: intakeUrgencyLabels[intake.urgency].vi },
      { kind: 'section', text: 'II. THÔNG TIN VỀ TRẺ EM' },
      ...childBlocks(input),
      { kind: 'section', text: 'III. NỘI DUNG THÔNG TIN' },
      {
        kind: 'field',
        label: 'Hành vi, tình trạng được báo',
        value: intake.concernTypes.map((type) => concernTypeLabels[type].vi).join('; '),
      },
      { kind: 'field', label: 'Tóm tắt nội dung', value: input.summary },
    ],
    recipients: reportRecipients(input),
    signature: reportSignature('NGƯỜI BÁO CÁO', nameOf(input, intake.by.userId)),
  };
}

/** Form 02: the initial risk and harm assessment. */
export function build02(input: CaseDocumentInput): Built {
  const assessment = latest(input.actions, 'initial_assessment');
  if (!assessment) throw new CaseFormNotReadyError('02', prerequisites['02']);
  const emergency = input.state.emergencyMeasures;
  return {
    kind: 'report',
    number: `Số: ${input.caseNumber}`,
    placeDate: `${input.unit.fullName}, ${vietnameseLongDate(assessment.at)}`,
    title: 'PHIẾU ĐÁNH GIÁ NGUY CƠ BAN ĐẦU, MỨC ĐỘ TỔN HẠI',
    subtitle: 'đối với trẻ em bị xâm hại/bị bạo lực, bóc lột, bỏ rơi',
    body: [
      { kind: 'section', text: 'I. THÔNG TIN VỀ TRẺ EM' },
      ...childBlocks(input),
      {
        kind: 'field',
        label: 'Thông tin tiếp nhận',
        value: `${vietnameseDateTime(input.state.receivedAt)}; ${input.state.concernTypes.map((t) => concernTypeLabels[t].vi).join('; ')}`,
      },
      { kind: 'section', text: 'II. ĐÁNH GIÁ NGUY CƠ BAN ĐẦU, MỨC ĐỘ TỔN HẠI' },
      { kind: 'field', label: 'Thời điểm đánh giá', value: vietnameseDateTime(assessment.at) },
      { kind: 'field', label: 'Mức độ nguy cơ', value: riskLevelLabels[assessment.riskLevel].vi },
      { kind: 'field', label: 'Mức độ tổn hại', value: assessment.harm ?? DOTS },
      {
        kind: 'field',
        label: 'Trẻ em có nguy cơ bị tổn hại nghiêm trọng đến tính mạng, sức khỏe, nhân phẩm',
        value: assessment.isEmergency ? 'Có: cần áp dụng biện pháp can thiệp khẩn cấp' : 'Không',
      },
      { kind: 'field', label: 'Cấp độ bảo vệ', value: protectionLevelVi(assessment.protectionLevel) },
      ...(emergency.length > 0
        ? ([
            { kind: 'section', text: 'III. BIỆN PHÁP KHẨN CẤP ĐÃ ÁP DỤNG' },
            {
              kind: 'table',
              columns: ['STT', 'Thời điểm', 'Biện pháp'],
              widths: [8, 27, 65],
              rows: emergency.map((measure, index) => [
                String(index + 1),
                vietnameseDateTime(measure.at),
                measure.description,
              ]),
            },
          ] satisfies DocBlock[])
        : []),
    ],
    recipients: reportRecipients(input),
    signature: reportSignature('CÁN BỘ ĐÁNH GIÁ', nameOf(input, assessment.by.userId)),
  };
}

/** Form 03: the detailed assessment and the child's needs. */
export function build03(input: CaseDocumentInput): Built {
  const assessment = latest(input.actions, 'detailed_assessment');
  if (!assessment) throw new CaseFormNotReadyError('03', prerequisites['03']);
  const needs: DocBlock[] =
    assessment.needs.length > 0
      ? assessment.needs.map((need, index) => ({ kind: 'paragraph', text: `${index + 1}. ${need}` }))
      : [{ kind: 'paragraph', text: DOTS }];
  return {
    kind: 'report',
    number: `Số: ${input.caseNumber}`,
    placeDate: `${input.unit.fullName}, ${vietnameseLongDate(assessment.at)}`,
    title: 'PHIẾU THU THẬP THÔNG TIN, ĐÁNH GIÁ NGUY CƠ CỤ THỂ',
    subtitle: null,
    body: [
      { kind: 'section', text: 'I. THÔNG TIN VỀ TRẺ EM' },
      ...childBlocks(input),
      { kind: 'section', text: 'II. KẾT QUẢ ĐÁNH GIÁ NGUY CƠ' },
      { kind: 'field', label: 'Thời điểm đánh giá', value: vietnameseDateTime(assessment.at) },
      {
        kind: 'field',
        label: 'Họp với trẻ em, gia đình và các bên liên quan',
        value: assessment.meetingOn ? vietnameseLongDate(assessment.meetingOn) : 'Chưa tổ chức',
      },
      { kind: 'field', label: 'Mức độ nguy cơ', value: riskLevelLabels[assessment.riskLevel].vi },
      {
        kind: 'field',
        label: 'Cấp độ bảo vệ',
        value: protectionLevelVi(assessment.protectionLevel ?? input.state.protectionLevel),
      },
      { kind: 'section', text: 'III. NHU CẦU CỦA TRẺ EM' },
      ...needs,
    ],
    recipients: reportRecipients(input),
    signature: reportSignature('CÁN BỘ ĐÁNH GIÁ', nameOf(input, assessment.by.userId)),
  };
}

/** Form 04: the current support and intervention plan. */
export function build04(input: CaseDocumentInput): Built {
  const plan = findCurrentPlan(input.state);
  const drafted = latest(input.actions, 'plan_drafted');
  if (!plan || !drafted) throw new CaseFormNotReadyError('04', prerequisites['04']);
  return {
    kind: 'report',
    number: `Số: ${input.caseNumber}`,
    placeDate: `${input.unit.fullName}, ${vietnameseLongDate(drafted.at)}`,
    title: 'KẾ HOẠCH HỖ TRỢ, CAN THIỆP',
    subtitle: `Đối với trẻ em ${input.child.fullName}`,
    body: [
      { kind: 'section', text: 'I. THÔNG TIN VỀ TRẺ EM' },
      ...childBlocks(input),
      {
        kind: 'field',
        label: 'Mức độ nguy cơ',
        value: input.state.riskLevel ? riskLevelLabels[input.state.riskLevel].vi : DOTS,
      },
      { kind: 'field', label: 'Cấp độ bảo vệ', value: protectionLevelVi(input.state.protectionLevel) },
      ...planBlocks(plan),
      {
        kind: 'paragraph',
        italic: true,
        text: plan.approval
          ? `Kế hoạch (lần ${plan.version}) đã được phê duyệt tại Quyết định số ${plan.approval.decisionNumber} ${vietnameseLongDate(plan.approval.decisionDate)}.`
          : `Kế hoạch (lần ${plan.version}) ${plan.submittedAt ? 'đã trình' : 'dự thảo, chưa trình'} Chủ tịch Ủy ban nhân dân phê duyệt.`,
      },
    ],
    recipients: reportRecipients(input),
    signature: reportSignature('CÁN BỘ LẬP KẾ HOẠCH', nameOf(input, drafted.by.userId)),
  };
}

/** Form 06: the latest review, with the progress of the plan. */
export function build06(input: CaseDocumentInput): Built {
  const review = latest(input.actions, 'review');
  if (!review) throw new CaseFormNotReadyError('06', prerequisites['06']);
  const plan = findCurrentPlan(input.state);
  const risk = (['high', 'medium', 'low'] as const)
    .map((level) => `${level === review.riskLevel ? '☒' : '☐'} ${riskLevelLabels[level].vi}`)
    .join('    ');
  return {
    kind: 'report',
    number: `Số: ${input.caseNumber}`,
    placeDate: `${input.unit.fullName}, ${vietnameseLongDate(review.at)}`,
    title: 'BÁO CÁO',
    subtitle: 'Rà soát, đánh giá tình trạng của trẻ em sau khi thực hiện kế hoạch hỗ trợ, can thiệp',
    body: [
      { kind: 'section', text: 'I. THÔNG TIN VỀ TRẺ EM' },
      ...childBlocks(input),
      { kind: 'section', text: 'II. KẾT QUẢ THỰC HIỆN KẾ HOẠCH HỖ TRỢ, CAN THIỆP' },
      ...(plan
        ? ([
            {
              kind: 'paragraph',
              text: plan.approval
                ? `Kế hoạch phê duyệt tại Quyết định số ${plan.approval.decisionNumber} ${vietnameseLongDate(plan.approval.decisionDate)}.`
                : `Kế hoạch lần ${plan.version}, chưa được phê duyệt.`,
            },
            measuresTable(plan, true),
          ] satisfies DocBlock[])
        : ([{ kind: 'paragraph', text: 'Chưa có kế hoạch hỗ trợ, can thiệp.' }] satisfies DocBlock[])),
      { kind: 'section', text: 'III. ĐÁNH GIÁ TÌNH TRẠNG CỦA TRẺ EM' },
      { kind: 'field', label: 'Thời điểm rà soát', value: vietnameseDateTime(review.at) },
      { kind: 'field', label: 'Mức độ nguy cơ', value: risk },
      {
        kind: 'field',
        label: 'Cấp độ bảo vệ',
        value: protectionLevelVi(review.protectionLevel ?? input.state.protectionLevel),
      },
      { kind: 'field', label: 'Nhận xét', value: review.summary ?? DOTS },
      { kind: 'section', text: 'IV. ĐỀ XUẤT' },
      { kind: 'paragraph', text: reviewDecisionVi[review.decision] },
    ],
    recipients: reportRecipients(input),
    signature: reportSignature('CÁN BỘ RÀ SOÁT, ĐÁNH GIÁ', nameOf(input, review.by.userId)),
  };
}
