import {
  CreateRecommendationRequest,
  EVIDENCE_MAX_BYTES,
  FollowUpBoard,
  FollowUpBoardQuery,
  Recommendation,
  RecommendationList,
  RecommendationQuery,
  RespondRecommendationRequest,
  UpdateRecommendationRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { forbidden } from '../../../platform/http/errors';
import { type Actor, actorOf, defineRoute, type RouteDef } from '../../../platform/http/route';
import { followUpBoard } from './recommendations.board';
import { RecommendationsService } from './recommendations.service';

const tags = ['Kiểm tra, giám sát / Inspections'];
const IdParams = z.object({ id: z.uuid() });
const write = { permission: 'inspections.write' } as const;
const EVIDENCE_UPLOAD_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/octet-stream',
];

/** Readers of recommendations: the inspecting side (`inspections.read`) or the responsible side (`.respond`). */
function readerOf(c: { actor: Actor | undefined }): Actor {
  const actor = actorOf(c);
  const p = actor.permissions;
  if (!p.has('inspections.read') && !p.has('inspections.write') && !p.has('inspections.respond'))
    throw forbidden();
  return actor;
}

/** Recommendations after an inspection, their answers and evidence, and the follow-up board. */
export function recommendationsRoutes(ctx: AppContext): RouteDef[] {
  const recommendations = new RecommendationsService(ctx);
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/inspections/sessions/:id/recommendations',
      tags,
      summary: 'Ghi kiến nghị sau buổi kiểm tra / record a recommendation of a session',
      description:
        'Buổi kiểm tra phải thuộc phạm vi của người gọi (404 nếu không). Đơn vị thực hiện là đơn vị được kiểm tra hoặc đơn vị trực thuộc (422 `body.unitCode`); `findingId` phải là phát hiện của buổi này (422); thời hạn không trước ngày kiểm tra (422).',
      access: write,
      status: 201,
      params: IdParams,
      body: CreateRecommendationRequest,
      response: Recommendation,
      handler: async (c) => recommendations.create(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspections/recommendations',
      tags,
      summary: 'Danh sách kiến nghị / recommendations the caller may read',
      description:
        'Đoàn kiểm tra (`inspections.read`) thấy kiến nghị của các buổi kiểm tra hoặc giao cho đơn vị trong phạm vi; xã, phường (`inspections.respond`) chỉ thấy kiến nghị giao cho mình. `unit`: đơn vị thực hiện trong địa bàn đó; `state`: tình trạng tính theo hôm nay (quá hạn: chưa xong và đã qua thời hạn); `year`: năm kế hoạch. Sắp theo thời hạn.',
      access: { user: true },
      query: RecommendationQuery,
      response: RecommendationList,
      handler: async (c) => recommendations.list(readerOf(c), c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspections/recommendations/:id',
      tags,
      summary: 'Một kiến nghị với lịch sử và minh chứng / one recommendation',
      description: 'Ngoài phạm vi: 404.',
      access: { user: true },
      params: IdParams,
      response: Recommendation,
      handler: async (c) => recommendations.get(readerOf(c), c.params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/inspections/recommendations/:id',
      tags,
      summary: 'Sửa nội dung, thời hạn kiến nghị / change text and deadline',
      description:
        'Chỉ đoàn kiểm tra (`inspections.write` trên đơn vị được kiểm tra): đơn vị thực hiện nhận 403. Gửi kèm `version` (409 nếu dữ liệu cũ). Đổi thời hạn được ghi vào lịch sử.',
      access: write,
      params: IdParams,
      body: UpdateRecommendationRequest,
      response: Recommendation,
      handler: async (c) => recommendations.update(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/inspections/recommendations/:id/respond',
      tags,
      summary: 'Báo cáo kết quả thực hiện kiến nghị / report progress',
      description:
        'Đơn vị thực hiện (`inspections.respond`) hoặc đoàn kiểm tra. `done` cần `completedOn` (không ở tương lai, không trước ngày kiểm tra: 422). Kiến nghị đã xong chỉ đoàn kiểm tra mở lại được (409 với đơn vị thực hiện).',
      access: { user: true },
      params: IdParams,
      body: RespondRecommendationRequest,
      response: Recommendation,
      handler: async (c) => recommendations.respond(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/inspections/recommendations/:id/evidence',
      tags,
      summary: 'Tải lên minh chứng thực hiện kiến nghị / upload evidence of completion',
      description:
        'Thân yêu cầu là nội dung tệp: ảnh JPEG, PNG, WebP hoặc PDF, tối đa 10 MB (413 nếu lớn hơn); loại tệp được kiểm tra theo nội dung (422 `file-type-not-allowed`).',
      access: { user: true },
      consumes: { types: EVIDENCE_UPLOAD_TYPES, maxBytes: EVIDENCE_MAX_BYTES },
      params: IdParams,
      query: z.object({
        fileName: z.string().trim().min(1).max(200).default('minh-chung'),
        caption: z
          .string()
          .trim()
          .max(500)
          .optional()
          .transform((v) => v || null),
      }),
      response: Recommendation,
      status: 201,
      idempotent: false,
      handler: async (c) =>
        recommendations.addEvidence(
          actorOf(c),
          c.params.id,
          { content: c.req.body as Buffer, fileName: c.query.fileName, caption: c.query.caption },
          c.meta,
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspections/board',
      tags,
      summary: 'Bảng theo dõi thực hiện kiến nghị / the follow-up board',
      description:
        'Số kiến nghị người gọi được xem, giao cho đơn vị trong địa bàn `unit` (mặc định đơn vị của người gọi; ngoài phạm vi: 403): theo đơn vị thực hiện, theo nội dung kiểm tra (kế hoạch nhiều nội dung được tính ở mỗi nội dung) và theo năm kế hoạch.',
      access: { user: true },
      query: FollowUpBoardQuery,
      response: FollowUpBoard,
      handler: async (c) => followUpBoard(ctx, readerOf(c), c.query),
    }),
  ];
}
