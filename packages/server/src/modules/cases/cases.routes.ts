import { Case, CaseActionRequest, CaseList, CaseListQuery, CreateCaseRequest } from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf, defineRoute } from '../../platform/http/route';
import { CasesService } from './cases.service';

const IdParams = z.object({ id: z.uuid() });
const tags = ['Vụ việc / Cases'];

export function casesRoutes(ctx: AppContext) {
  const cases = new CasesService(ctx);
  return [
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
      response: Case,
      handler: async (c) => cases.getCase(actorOf(c), c.params.id, c.meta),
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
