import {
  CfAssessment,
  CfAssessmentList,
  CfAssessmentQuery,
  CfCatalogueResponse,
  CfComparison,
  CfComparisonQuery,
  CfEvidenceQuery,
  CfReviewRequest,
  CfSettings,
  CfUnitCategoryEntry,
  CfUnitCategoryList,
  CfUnitCategoryQuery,
  CfVersionRequest,
  CreateCfAssessmentRequest,
  EVIDENCE_MAX_BYTES,
  UpdateCfAssessmentRequest,
  UpdateCfCatalogueRequest,
  UpdateCfSettingsRequest,
  UpdateCfUnitCategoryRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { attachmentDisposition } from '../../platform/files/file-name';
import { JPEG, PDF, PNG, WEBP } from '../../platform/files/sniff';
import { actorOf, defineRoute, type RouteDef } from '../../platform/http/route';
import { ChildFriendlyService } from './child-friendly.service';

const tags = ['Xã, phường phù hợp với trẻ em / Child-friendly communes'];
const IdParams = z.object({ id: z.uuid() });
const BASE = '/api/v1/child-friendly';

/** Routes of the child-friendly commune assessment (Quyết định 06/QĐ-TTg). */
export function childFriendlyRoutes(ctx: AppContext): RouteDef[] {
  const service = new ChildFriendlyService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: `${BASE}/catalogue`,
      tags,
      summary: 'Bộ tiêu chí, chỉ tiêu và cách chấm điểm / the criteria catalogue',
      description: 'Mỗi mục có cờ `verified`; mục chưa xác minh hiển thị "chưa xác minh".',
      access: { user: true },
      response: CfCatalogueResponse,
      handler: async (c) => service.getCatalogue(actorOf(c)),
    }),
    defineRoute({
      method: 'PUT',
      url: `${BASE}/catalogue`,
      tags,
      summary: 'Sửa các mục chưa xác minh của bộ tiêu chí / edit the unverified items',
      description:
        'Mục đã xác minh phải giữ nguyên (422 `cf_verified_item`); điểm các chỉ tiêu cộng lại bằng điểm tiêu chí, tổng 1000. Áp dụng cho bản đánh giá tạo mới hoặc cập nhật số liệu sau đó. Dữ liệu cũ: 409.',
      access: { permission: 'catalogs.manage' },
      body: UpdateCfCatalogueRequest,
      response: CfCatalogueResponse,
      handler: async (c) => service.updateCatalogue(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/settings`,
      tags,
      summary: 'Cấp thẩm định, công nhận / the recognising level',
      access: { user: true },
      response: CfSettings,
      handler: async (c) => service.getSettings(actorOf(c)),
    }),
    defineRoute({
      method: 'PUT',
      url: `${BASE}/settings`,
      tags,
      summary: 'Đặt cấp thẩm định, công nhận / set the recognising level',
      description: 'Mặc định cấp tỉnh (không còn cấp huyện từ 01/7/2025).',
      access: { permission: 'catalogs.manage' },
      body: UpdateCfSettingsRequest,
      response: CfSettings,
      handler: async (c) => service.updateSettings(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/unit-categories`,
      tags,
      summary: 'Loại xã, phường và mức điểm công nhận / commune categories',
      description:
        'Các xã, phường trong phạm vi của `unit` (mặc định đơn vị của người gọi). Chưa đặt: "còn lại" (850 điểm).',
      access: { user: true },
      query: CfUnitCategoryQuery,
      response: CfUnitCategoryList,
      handler: async (c) => service.listUnitCategories(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'PUT',
      url: `${BASE}/unit-categories/:unitCode`,
      tags,
      summary: 'Đặt loại của một xã, phường / set a commune’s category',
      description:
        'Cần `catalogs.manage` hoặc `childfriendly.review`; xã, phường trong phạm vi (404 ngoài phạm vi).',
      access: { user: true },
      params: z.object({ unitCode: z.string().regex(/^\d{5}$/) }),
      body: UpdateCfUnitCategoryRequest,
      response: CfUnitCategoryEntry,
      handler: async (c) => service.setUnitCategory(actorOf(c), c.params.unitCode, c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/assessments`,
      tags,
      summary: 'Danh sách bản đánh giá / assessments of the subtree',
      access: { user: true },
      query: CfAssessmentQuery,
      response: CfAssessmentList,
      handler: async (c) => service.listAssessments(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/assessments`,
      tags,
      summary: 'Tạo bản tự đánh giá của năm / start the self-assessment',
      description:
        'Xã, phường của người gọi (`childfriendly.assess`). Số liệu hệ thống được điền sẵn. Đã có bản của năm: 409 `cf_assessment_exists`.',
      access: { permission: 'childfriendly.assess' },
      status: 201,
      body: CreateCfAssessmentRequest,
      response: CfAssessment,
      handler: async (c) => service.createAssessment(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/assessments/:id`,
      tags,
      summary: 'Một bản đánh giá với điểm và phần còn thiếu / one assessment',
      description: 'Ngoài phạm vi: 404.',
      access: { user: true },
      params: IdParams,
      response: CfAssessment,
      handler: async (c) => service.getAssessment(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: `${BASE}/assessments/:id`,
      tags,
      summary: 'Nhập số liệu, câu trả lời, điểm, minh chứng / save values',
      description:
        'Chỉ khi bản đánh giá đang tự đánh giá hoặc bị trả lại (409 `cf_not_editable`), bởi chính xã, phường (403). Chỉ tiêu lấy số liệu hệ thống: `value` null giữ số liệu hệ thống, một số thay thế và bắt buộc `note`.',
      access: { user: true },
      params: IdParams,
      body: UpdateCfAssessmentRequest,
      response: CfAssessment,
      handler: async (c) => service.updateAssessment(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/assessments/:id/refresh`,
      tags,
      summary: 'Cập nhật lại số liệu hệ thống / re-read the system figures',
      description:
        'Số liệu đã được thay (có ghi chú) giữ nguyên. Lấy lại bộ tiêu chí và loại xã, phường hiện hành.',
      access: { user: true },
      params: IdParams,
      body: CfVersionRequest,
      response: CfAssessment,
      handler: async (c) => service.refreshAssessment(actorOf(c), c.params.id, c.body.version, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/assessments/:id/submit`,
      tags,
      summary: 'Gửi thẩm định / submit',
      access: { user: true },
      params: IdParams,
      body: CfVersionRequest,
      response: CfAssessment,
      handler: async (c) => service.submitAssessment(actorOf(c), c.params.id, c.body.version, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/assessments/:id/review`,
      tags,
      summary: 'Thẩm định, công nhận hoặc trả lại / review, recognise or return',
      description:
        'Cần `childfriendly.review` tại cấp có thẩm quyền (cấu hình, mặc định tỉnh). Công nhận cần số và ngày quyết định và bản đánh giá đạt (409 `cf_not_passed`); trả lại cần lý do, xã, phường sửa tiếp được.',
      access: { permission: 'childfriendly.review' },
      params: IdParams,
      body: CfReviewRequest,
      response: CfAssessment,
      handler: async (c) => service.reviewAssessment(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: `${BASE}/assessments/:id/evidence`,
      tags,
      summary: 'Tải lên minh chứng của một chỉ tiêu / upload evidence',
      description:
        'Thân yêu cầu là nội dung tệp PDF, JPEG, PNG hoặc WebP (kiểm tra theo nội dung), tối đa 10 MB.',
      access: { user: true },
      consumes: { types: [PDF, JPEG, PNG, WEBP, 'application/octet-stream'], maxBytes: EVIDENCE_MAX_BYTES },
      params: IdParams,
      query: CfEvidenceQuery,
      response: CfAssessment,
      handler: async (c) =>
        service.addEvidence(
          actorOf(c),
          c.params.id,
          { content: c.req.body as Buffer, fileName: c.query.fileName, indicator: c.query.indicator },
          c.meta,
        ),
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/evidence/:id/file`,
      tags,
      summary: 'Tải về minh chứng / download evidence',
      access: { user: true },
      params: IdParams,
      response: z.unknown(),
      produces: [PDF, JPEG, PNG, WEBP],
      handler: async (c) => {
        const file = await service.evidenceFile(actorOf(c), c.params.id);
        c.reply
          .type(file.content_type)
          .header('content-disposition', attachmentDisposition(file.file_name))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', 'sandbox')
          .header('cache-control', 'no-store');
        return file.content;
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: `${BASE}/evidence/:id`,
      tags,
      summary: 'Gỡ minh chứng / remove evidence',
      access: { user: true },
      params: IdParams,
      response: CfAssessment,
      handler: async (c) => service.removeEvidence(actorOf(c), c.params.id, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: `${BASE}/comparison`,
      tags,
      summary: 'So sánh kết quả các xã, phường qua các năm / comparison across years',
      access: { user: true },
      query: CfComparisonQuery,
      response: CfComparison,
      handler: async (c) => service.comparison(actorOf(c), c.query),
    }),
  ];
}
