import {
  AddCasePersonRequest,
  CasePerson,
  CasePersonList,
  CasePlacement,
  CasePlacementList,
  CaseReadQuery,
  CaseReferral,
  CaseReferralList,
  CreatePlacementRequest,
  CreateReferralRequest,
  EndPlacementRequest,
  PlacementVisitRequest,
  ReferralStatusRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { actorOf, defineRoute } from '../../../platform/http/route';
import { CasePeopleService } from './case-people.service';
import { CasePlacementsService } from './case-placements.service';
import { CaseReferralsService } from './case-referrals.service';
import { providerRoutes } from './providers.routes';

const CaseParams = z.object({ id: z.uuid() });
const tags = ['Vụ việc / Cases'];
const READ =
  'Ngoài phạm vi: 404. Chỉ cán bộ thụ lý, lãnh đạo và thành viên vụ việc có quyền xem nội dung (403 nếu không); cán bộ cấp tỉnh phải nêu lý do (`readReason`). Mỗi lần xem được ghi nhật ký.';
const WRITE =
  'Cần quyền `cases.write` hoặc `cases.approve`, tham gia vụ việc và được xem nội dung (403); ngoài phạm vi: 404. Nội dung cá nhân được mã hóa khi lưu; nhật ký kiểm toán chỉ ghi dữ kiện.';

/** People, referrals and alternative care of a case, and the service-provider directory. */
export function casePartsRoutes(ctx: AppContext) {
  const people = new CasePeopleService(ctx);
  const referrals = new CaseReferralsService(ctx);
  const placements = new CasePlacementsService(ctx);
  return [
    ...providerRoutes(ctx),
    defineRoute({
      method: 'GET',
      url: '/api/v1/cases/:id/people',
      tags,
      summary: 'Những người liên quan đến vụ việc / people in a case',
      description: `${READ} \`includeRemoved=true\` trả cả người đã gỡ.`,
      access: { permission: 'cases.read' },
      params: CaseParams,
      query: CaseReadQuery.extend({ includeRemoved: z.enum(['true', 'false']).optional() }),
      response: CasePersonList,
      handler: async (c) =>
        people.listPeople(
          actorOf(c),
          c.params.id,
          { includeRemoved: c.query.includeRemoved === 'true', readReason: c.query.readReason },
          c.meta,
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/cases/:id/people',
      tags,
      summary: 'Thêm người liên quan / add a person',
      description: WRITE,
      access: { user: true },
      status: 201,
      params: CaseParams,
      body: AddCasePersonRequest,
      response: CasePerson,
      handler: async (c) => people.addPerson(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/cases/:id/people/:personId',
      tags,
      summary: 'Gỡ người liên quan (giữ lịch sử) / remove a person (history kept)',
      description: WRITE,
      access: { user: true },
      params: CaseParams.extend({ personId: z.uuid() }),
      response: CasePerson,
      handler: async (c) => people.removePerson(actorOf(c), c.params.id, c.params.personId, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/cases/:id/referrals',
      tags,
      summary: 'Các lần chuyển gửi của vụ việc / referrals of a case',
      description: READ,
      access: { permission: 'cases.read' },
      params: CaseParams,
      query: CaseReadQuery,
      response: CaseReferralList,
      handler: async (c) => referrals.listReferrals(actorOf(c), c.params.id, c.meta, c.query.readReason),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/cases/:id/referrals',
      tags,
      summary: 'Chuyển gửi đến một cơ sở của danh bạ / refer to a provider',
      description: `${WRITE} Cơ sở phải thuộc xã, phường của vụ việc hoặc tỉnh và còn sử dụng.`,
      access: { user: true },
      status: 201,
      params: CaseParams,
      body: CreateReferralRequest,
      response: CaseReferral,
      handler: async (c) => referrals.createReferral(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/cases/:id/referrals/:referralId/status',
      tags,
      summary: 'Ghi trả lời, kết quả chuyển gửi / record a referral status',
      description: `${WRITE} Chờ trả lời → đã tiếp nhận hoặc từ chối; đã tiếp nhận → đã cung cấp dịch vụ; khác: 422. Dữ liệu cũ: 409.`,
      access: { user: true },
      params: CaseParams.extend({ referralId: z.uuid() }),
      body: ReferralStatusRequest,
      response: CaseReferral,
      handler: async (c) =>
        referrals.changeStatus(actorOf(c), c.params.id, c.params.referralId, c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/cases/:id/placements',
      tags,
      summary: 'Chăm sóc thay thế của trẻ em trong vụ việc / alternative care placements',
      description: READ,
      access: { permission: 'cases.read' },
      params: CaseParams,
      query: CaseReadQuery,
      response: CasePlacementList,
      handler: async (c) => placements.listPlacements(actorOf(c), c.params.id, c.meta, c.query.readReason),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/cases/:id/placements',
      tags,
      summary: 'Bắt đầu chăm sóc thay thế / start a placement',
      description: `${WRITE} Tại cơ sở: cơ sở loại social_assistance hoặc other. Tại gia đình: người nhận chăm sóc và đủ mọi điều kiện Điều 63 Luật Trẻ em (422 nếu không). Mỗi vụ việc một chăm sóc hiện tại.`,
      access: { user: true },
      status: 201,
      params: CaseParams,
      body: CreatePlacementRequest,
      response: CasePlacement,
      handler: async (c) => placements.createPlacement(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/cases/:id/placements/:placementId/visits',
      tags,
      summary: 'Ghi một lần thăm trẻ / record a visit',
      description: `${WRITE} Ngày thăm trong thời gian chăm sóc, không ở tương lai (422).`,
      access: { user: true },
      status: 201,
      params: CaseParams.extend({ placementId: z.uuid() }),
      body: PlacementVisitRequest,
      response: CasePlacement,
      handler: async (c) =>
        placements.addVisit(actorOf(c), c.params.id, c.params.placementId, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/cases/:id/placements/:placementId/end',
      tags,
      summary: 'Chấm dứt chăm sóc thay thế / end a placement',
      description: `${WRITE} Gửi kèm \`version\`; dữ liệu cũ: 409; đã chấm dứt hoặc ngày không hợp lệ: 422.`,
      access: { user: true },
      params: CaseParams.extend({ placementId: z.uuid() }),
      body: EndPlacementRequest,
      response: CasePlacement,
      handler: async (c) =>
        placements.endPlacement(actorOf(c), c.params.id, c.params.placementId, c.body, c.meta),
    }),
  ];
}
