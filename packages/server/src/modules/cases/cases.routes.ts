import {
  AddCaseMemberRequest,
  Case,
  CaseActionRequest,
  CaseHistory,
  CaseList,
  CaseListQuery,
  CaseMemberList,
  CaseQueue,
  CaseReadQuery,
  CreateCaseRequest,
  Ok,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf, defineRoute } from '../../platform/http/route';
import { CaseMembersService } from './cases.members';
import { CasesService } from './cases.service';

const IdParams = z.object({ id: z.uuid() });
const MemberParams = z.object({ id: z.uuid(), userId: z.uuid() });
const tags = ['Vụ việc / Cases'];

export function casesRoutes(ctx: AppContext) {
  const cases = new CasesService(ctx);
  const members = new CaseMembersService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/cases/queue',
      tags,
      summary: 'Việc cần làm: vụ việc của tôi, sắp đến hạn, quá hạn, chờ tôi phê duyệt / work queue',
      description:
        'Mỗi danh sách tối đa 50 vụ việc, thời hạn sớm nhất trước; `counts` là tổng số. "Chờ tôi phê duyệt" chỉ có với người có quyền `cases.approve`.',
      access: { permission: 'cases.read' },
      response: CaseQueue,
      handler: async (c) => cases.getQueue(actorOf(c)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/cases',
      tags,
      summary: 'Tiếp nhận thông tin, mở vụ việc (mẫu 01) / open a case from a report',
      description:
        'Bắt đầu thời hạn 12 giờ (đánh giá ban đầu, quyết định can thiệp khẩn cấp) và thời hạn lập kế hoạch (5 ngày làm việc) từ `receivedAt`. Nội dung `summary`, `reporter` được mã hóa khi lưu.',
      access: { permission: 'cases.write' },
      status: 201,
      body: CreateCaseRequest,
      response: Case,
      handler: async (c) => cases.createCase(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/cases',
      tags,
      summary: 'Danh sách vụ việc trong phạm vi, không kèm nội dung / cases of the caller’s subtree',
      access: { permission: 'cases.read' },
      query: CaseListQuery,
      response: CaseList,
      handler: async (c) => cases.listCases(actorOf(c), c.query, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/cases/:id',
      tags,
      summary: 'Một vụ việc, thời hạn và thao tác được phép / one case',
      description:
        'Ngoài phạm vi: 404. Nội dung chỉ trả cho cán bộ thụ lý, lãnh đạo và thành viên vụ việc có quyền xem nội dung; mỗi lần xem được ghi nhật ký.',
      access: { permission: 'cases.read' },
      params: IdParams,
      query: CaseReadQuery,
      response: Case,
      handler: async (c) => cases.getCase(actorOf(c), c.params.id, c.meta, c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/cases/:id/history',
      tags,
      summary: 'Diễn biến vụ việc (các thao tác, đã giải mã) / the actions of a case',
      description:
        'Chỉ người được xem nội dung; cán bộ cấp tỉnh phải nêu lý do (`readReason`). Mỗi lần xem được ghi nhật ký.',
      access: { permission: 'cases.read' },
      params: IdParams,
      query: CaseReadQuery,
      response: CaseHistory,
      handler: async (c) => cases.getHistory(actorOf(c), c.params.id, c.meta, c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/cases/:id/members',
      tags,
      summary: 'Người được xem vụ việc / members of a case',
      access: { permission: 'cases.read' },
      params: IdParams,
      response: CaseMemberList,
      handler: async (c) => members.listMembers(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/cases/:id/members',
      tags,
      summary: 'Cho một người dùng xem vụ việc / add a member',
      description: 'Cán bộ thụ lý hoặc lãnh đạo; người được thêm phải thuộc phạm vi của người thêm.',
      access: { permission: 'cases.read' },
      params: IdParams,
      body: AddCaseMemberRequest,
      response: CaseMemberList,
      handler: async (c) => members.addMember(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/cases/:id/members/:userId',
      tags,
      summary: 'Thôi cho xem vụ việc / remove a member',
      access: { permission: 'cases.read' },
      params: MemberParams,
      response: Ok,
      handler: async (c) => {
        await members.removeMember(actorOf(c), c.params.id, c.params.userId, c.meta);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/cases/:id/actions',
      tags,
      summary: 'Ghi một thao tác của quy trình / record an action',
      description:
        'Thao tác của cán bộ cần quyền `cases.write`, của lãnh đạo (phê duyệt, quyết định, kết thúc, gia hạn, phân công) cần `cases.approve`. Gửi kèm `version`; dữ liệu cũ: 409; sai bước quy trình: 422.',
      access: { user: true },
      params: IdParams,
      body: CaseActionRequest,
      response: Case,
      handler: async (c) => cases.recordAction(actorOf(c), c.params.id, c.body, c.meta),
    }),
  ];
}
