import {
  AdjustBenefitEnrolmentRequest,
  BaseLevelView,
  BenefitCatalogueQuery,
  BenefitCatalogueView,
  BenefitEnrolment,
  BenefitEnrolmentList,
  BenefitEnrolmentListQuery,
  BenefitGapList,
  BenefitGapQuery,
  BenefitProposal,
  BenefitProposalList,
  BenefitRuleView,
  ChildEligibility,
  CreateBaseLevelRequest,
  CreateBenefitEnrolmentRequest,
  CreateBenefitRuleRequest,
  DismissProposalRequest,
  IsoDate,
  TerminateBenefitEnrolmentRequest,
  UpdateBenefitRuleRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { forbidden } from '../../platform/http/errors';
import { actorOf, defineRoute } from '../../platform/http/route';
import { EnrolmentsService } from './benefits.enrolments';
import { GapsService } from './benefits.gaps';
import { ProposalsService } from './benefits.proposals';
import { BenefitsService } from './benefits.service';

const IdParams = z.object({ id: z.uuid() });
const tags = ['Chính sách hỗ trợ / Benefits'];
const read = { permission: 'benefits.read' } as const;
const UnitCodeQuery = z
  .string()
  .regex(/^\d{2,5}$/)
  .optional();

const ProposalListQuery = z.object({
  unit: UnitCodeQuery,
  status: z.enum(['open', 'confirmed', 'dismissed']).optional().default('open'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
const GenerateResult = z.object({ children: z.number().int(), created: z.number().int() });

export function benefitsRoutes(ctx: AppContext) {
  const benefits = new BenefitsService(ctx);
  const enrolments = new EnrolmentsService(ctx);
  const proposals = new ProposalsService(ctx);
  const gaps = new GapsService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/benefits/catalogue',
      tags,
      summary: 'Danh mục chính sách áp dụng cho một đơn vị / the benefit catalogue of a unit',
      description:
        'Chính sách toàn quốc, của tỉnh và của xã, phường; mức chuẩn toàn quốc và của tỉnh. `at`: chỉ các thời kỳ còn hiệu lực ngày đó. `canEdit` cho biết người gọi được sửa quy định hay không. Cần `benefits.read` hoặc `catalogs.manage` (quản trị danh mục).',
      access: { user: true },
      query: BenefitCatalogueQuery,
      response: BenefitCatalogueView,
      handler: async (c) => {
        const actor = actorOf(c);
        // The catalogue is law, not personal data; its administrators need not see benefits.
        if (!actor.permissions.has('benefits.read') && !actor.permissions.has('catalogs.manage')) {
          throw forbidden();
        }
        return benefits.getCatalogue(actor, c.query);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/benefits/rules',
      tags,
      summary: 'Thêm chính sách địa phương hoặc thời kỳ mới của một chính sách / add a rule period',
      description:
        'Chính sách toàn quốc và cấp tỉnh: `catalogs.manage`; chính sách của xã, phường: thêm `benefits.approve` tại xã đó. Thời kỳ đang hiệu lực của cùng mã kết thúc vào ngày trước `validFrom`; quyết định hưởng đã có giữ nguyên mức.',
      access: { user: true },
      status: 201,
      body: CreateBenefitRuleRequest,
      response: BenefitRuleView,
      handler: async (c) => benefits.createRule(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/benefits/rules/:id',
      tags,
      summary: 'Sửa mức chưa xác minh, căn cứ pháp lý, đánh dấu đã xác minh / correct a rule',
      description:
        'Chỉ khi `canEdit`. Mức chỉ sửa được khi quy định chưa xác minh (422 nếu đã xác minh). Gửi kèm `version`; dữ liệu cũ: 409. Không thay đổi mức của các quyết định hưởng và các khoản đã chi.',
      access: { user: true },
      params: IdParams,
      body: UpdateBenefitRuleRequest,
      response: BenefitRuleView,
      handler: async (c) => benefits.updateRule(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/benefits/base-levels',
      tags,
      summary: 'Mức chuẩn trợ giúp xã hội cao hơn của tỉnh từ một ngày / a province base level',
      description: 'Thời kỳ đang hiệu lực của tỉnh (hoặc toàn quốc) kết thúc vào ngày trước `validFrom`.',
      access: { permission: 'catalogs.manage' },
      status: 201,
      body: CreateBaseLevelRequest,
      response: BaseLevelView,
      handler: async (c) => benefits.createBaseLevel(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/:id/eligibility',
      tags,
      summary: 'Trẻ đủ điều kiện hưởng chính sách nào, mức bao nhiêu, vì sao / eligibility of a child',
      description: 'Ngoài phạm vi: 404. `at` mặc định hôm nay. Kèm các quyết định hưởng của trẻ.',
      access: read,
      params: IdParams,
      query: z.object({ at: IsoDate.optional() }),
      response: ChildEligibility,
      handler: async (c) => benefits.getChildEligibility(actorOf(c), c.params.id, c.query.at),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/benefits/enrolments',
      tags,
      summary: 'Ghi quyết định hưởng chính sách / record an enrolment decision',
      description:
        'Cần `benefits.write` hoặc `benefits.approve`. Chính sách phải còn hiệu lực vào `startDate` và áp dụng cho xã của trẻ. Mỗi trẻ chỉ một quyết định đang hưởng cho một chính sách: 409 `enrolment_exists`. `proposalId`: đề xuất được xác nhận cùng lúc.',
      access: { user: true },
      status: 201,
      body: CreateBenefitEnrolmentRequest,
      response: BenefitEnrolment,
      handler: async (c) => enrolments.createEnrolment(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/benefits/enrolments',
      tags,
      summary: 'Danh sách trẻ đang, đã hưởng chính sách / enrolments of the caller’s subtree',
      access: read,
      query: BenefitEnrolmentListQuery,
      response: BenefitEnrolmentList,
      handler: async (c) => enrolments.listEnrolments(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/benefits/enrolments/:id',
      tags,
      summary: 'Một lần hưởng chính sách và các quyết định / one enrolment',
      access: read,
      params: IdParams,
      response: BenefitEnrolment,
      handler: async (c) => enrolments.getEnrolment(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/benefits/enrolments/:id/adjust',
      tags,
      summary: 'Quyết định điều chỉnh mức hưởng / adjust the amount',
      description: 'Gửi kèm `version`; dữ liệu cũ: 409. Các tháng trước ngày hiệu lực giữ mức cũ.',
      access: { user: true },
      params: IdParams,
      body: AdjustBenefitEnrolmentRequest,
      response: BenefitEnrolment,
      handler: async (c) => enrolments.adjustEnrolment(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/benefits/enrolments/:id/terminate',
      tags,
      summary: 'Quyết định thôi hưởng / terminate an enrolment',
      description:
        'Trạng thái chuyển ngay sang `ended`; `endDate` là ngày cuối cùng được hưởng, các tháng đến ngày đó vẫn được chi.',
      access: { user: true },
      params: IdParams,
      body: TerminateBenefitEnrolmentRequest,
      response: BenefitEnrolment,
      handler: async (c) => enrolments.terminateEnrolment(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/benefits/proposals',
      tags,
      summary: 'Đề xuất hưởng, điều chỉnh, thôi hưởng do hệ thống lập / proposals',
      description: '`status` mặc định `open`; `unit` mặc định đơn vị của người gọi.',
      access: read,
      query: ProposalListQuery,
      response: BenefitProposalList,
      handler: async (c) => proposals.listProposals(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/benefits/proposals/generate',
      tags,
      summary: 'Lập đề xuất ngay cho một đơn vị / run the proposal job for a unit now',
      description: 'Không lập trùng: một đề xuất (trẻ, chính sách, loại, ngày) chỉ được lập một lần.',
      access: { permission: 'benefits.write' },
      query: z.object({ unit: UnitCodeQuery }),
      response: GenerateResult,
      handler: async (c) => proposals.generateForUnit(actorOf(c), c.query.unit, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/benefits/proposals/:id/dismiss',
      tags,
      summary: 'Bỏ qua một đề xuất, có lý do / dismiss a proposal',
      access: { user: true },
      params: IdParams,
      body: DismissProposalRequest,
      response: BenefitProposal,
      handler: async (c) => proposals.dismissProposal(actorOf(c), c.params.id, c.body.reason, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/benefits/gaps/export',
      tags,
      summary: 'Xuất danh sách rà soát ra Excel / export the gap list',
      description: 'Cùng tham số với danh sách. Mỗi lần xuất được ghi nhật ký (dữ liệu cá nhân).',
      access: read,
      query: BenefitGapQuery,
      response: z.unknown(),
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      handler: async (c) => {
        const file = await gaps.exportGaps(actorOf(c), c.query, c.meta);
        c.reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`);
        return file.body;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/benefits/gaps',
      tags,
      summary: 'Rà soát: đủ điều kiện chưa hưởng, hưởng không còn đủ điều kiện, mức khác quy định / gap list',
      description:
        'Trẻ đang sống tại địa bàn dưới 16 tuổi và trẻ đang hưởng chính sách, trong cây đơn vị `unit` (mặc định của người gọi). `counts` đếm mọi loại; `kind` lọc `items`.',
      access: read,
      query: BenefitGapQuery,
      response: BenefitGapList,
      handler: async (c) => {
        const { unitName: _unitName, ...list } = await gaps.getGaps(actorOf(c), c.query);
        return list;
      },
    }),
  ];
}
