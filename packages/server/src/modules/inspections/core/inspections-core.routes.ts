import {
  ChecklistTemplate,
  ChecklistTemplateList,
  CompleteInspectionSessionRequest,
  CreateChecklistTemplateRequest,
  CreateInspectionPlanRequest,
  CreateInspectionSessionRequest,
  EVIDENCE_MAX_BYTES,
  Evidence,
  InspectionPlan,
  InspectionPlanList,
  InspectionPlanQuery,
  InspectionSession,
  InspectionSessionList,
  InspectionSessionQuery,
  UpdateChecklistTemplateRequest,
  UpdateInspectionPlanRequest,
  UpdateInspectionSessionRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { attachmentDisposition } from '../../../platform/files/file-name';
import { DOCX, JPEG, PDF, PNG, WEBP } from '../../../platform/files/sniff';
import { actorOf, defineRoute, type RouteDef } from '../../../platform/http/route';
import { EvidenceService } from './evidence.service';
import { PlansService } from './plans.service';
import { SessionsService } from './sessions.service';
import { TemplatesService } from './templates.service';

const tags = ['Kiểm tra, giám sát / Inspections'];
const read = { permission: 'inspections.read' } as const;
const write = { permission: 'inspections.write' } as const;
const IdParams = z.object({ id: z.uuid() });
const EvidenceQuery = z.object({
  questionId: z.string().trim().max(40).optional(),
  caption: z.string().trim().max(500).optional(),
  /** Checked by the service (422 `file_name_invalid`), so only a generous bound here. */
  fileName: z.string().max(1000).default('minh-chung'),
});

/** Checklist templates, plans, sessions with answers, findings and evidence, and the report. */
export function inspectionsCoreRoutes(ctx: AppContext): RouteDef[] {
  const templates = new TemplatesService(ctx);
  const plans = new PlansService(ctx);
  const sessions = new SessionsService(ctx);
  const evidence = new EvidenceService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspections/templates',
      tags,
      summary: 'Mẫu phiếu kiểm tra dùng được / checklist templates available',
      description:
        'Mẫu của đơn vị người gọi, các đơn vị cấp dưới và các đơn vị cấp trên (mẫu của tỉnh dùng cho các xã, phường). `canEdit`: người gọi được sửa mẫu.',
      access: read,
      response: ChecklistTemplateList,
      handler: async (c) => templates.listTemplates(actorOf(c)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/inspections/templates',
      tags,
      summary: 'Thêm mẫu phiếu kiểm tra / create a checklist template',
      description:
        '`unit` mặc định đơn vị người gọi, phải thuộc phạm vi quản lý. Mã câu hỏi không được trùng (422 `body.questions.N.id`); câu có/không và chấm điểm cần `maxScore`.',
      access: write,
      status: 201,
      body: CreateChecklistTemplateRequest,
      response: ChecklistTemplate,
      handler: async (c) => templates.createTemplate(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/inspections/templates/:id',
      tags,
      summary: 'Sửa mẫu phiếu kiểm tra / update a checklist template',
      description:
        'Gửi kèm `version` (409 nếu dữ liệu cũ). Mẫu của cấp trên: 403. Các buổi kiểm tra đã tạo giữ nguyên câu hỏi tại thời điểm tạo.',
      access: write,
      params: IdParams,
      body: UpdateChecklistTemplateRequest,
      response: ChecklistTemplate,
      handler: async (c) => templates.updateTemplate(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspections/plans',
      tags,
      summary: 'Kế hoạch kiểm tra, giám sát / inspection plans',
      description:
        'Kế hoạch do đơn vị trong phạm vi ban hành hoặc có đơn vị được kiểm tra trong phạm vi, năm mới nhất trước. Lọc theo `year`, `topic`, `unit`; phân trang `limit`, `cursor`.',
      access: read,
      query: InspectionPlanQuery,
      response: InspectionPlanList,
      handler: async (c) => plans.listPlans(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/inspections/plans',
      tags,
      summary: 'Ban hành kế hoạch kiểm tra / issue an inspection plan',
      description:
        'Đơn vị được kiểm tra phải thuộc địa bàn đơn vị ban hành (422 `body.targets.N.unitCode`); ngày kết thúc dự kiến không trước ngày bắt đầu (422 `body.targets.N.plannedTo`).',
      access: write,
      status: 201,
      body: CreateInspectionPlanRequest,
      response: InspectionPlan,
      handler: async (c) => plans.createPlan(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspections/plans/:id',
      tags,
      summary: 'Một kế hoạch kiểm tra / one inspection plan',
      description: 'Kèm đơn vị được kiểm tra với buổi kiểm tra (nếu có) và số kiến nghị. Ngoài phạm vi: 404.',
      access: read,
      params: IdParams,
      response: InspectionPlan,
      handler: async (c) => plans.getPlan(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/inspections/plans/:id',
      tags,
      summary: 'Sửa kế hoạch kiểm tra / update an inspection plan',
      description:
        'Gửi kèm `version` (409 nếu dữ liệu cũ). Không bỏ được đơn vị đã có buổi kiểm tra (409 `inspection-target-has-session`).',
      access: write,
      params: IdParams,
      body: UpdateInspectionPlanRequest,
      response: InspectionPlan,
      handler: async (c) => plans.updatePlan(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/inspections/plans/:id/sessions',
      tags,
      summary: 'Bắt đầu buổi kiểm tra tại một đơn vị của kế hoạch / start a session',
      description:
        'Câu hỏi của mẫu phiếu được sao vào buổi kiểm tra. Mỗi kế hoạch và đơn vị chỉ một buổi (409 `inspection-session-exists`).',
      access: write,
      status: 201,
      params: IdParams,
      body: CreateInspectionSessionRequest,
      response: InspectionSession,
      handler: async (c) => sessions.createSession(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspections/sessions',
      tags,
      summary: 'Các buổi kiểm tra / inspection sessions',
      description:
        'Buổi kiểm tra tại các đơn vị trong phạm vi, mới nhất trước. Cần `inspections.read`; đơn vị được kiểm tra có `inspections.respond` chỉ thấy các buổi đã kết thúc của mình.',
      access: { user: true },
      query: InspectionSessionQuery,
      response: InspectionSessionList,
      handler: async (c) => sessions.listSessions(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspections/sessions/:id',
      tags,
      summary: 'Một buổi kiểm tra / one inspection session',
      description:
        'Phiếu, câu trả lời, điểm, câu bắt buộc còn thiếu, phát hiện, kiến nghị, minh chứng. Đơn vị được kiểm tra (`inspections.respond`) chỉ xem buổi đã kết thúc; còn lại: 404.',
      access: { user: true },
      params: IdParams,
      response: InspectionSession,
      handler: async (c) => sessions.getSession(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/inspections/sessions/:id',
      tags,
      summary: 'Lưu bản nháp buổi kiểm tra / save the draft',
      description:
        'Câu trả lời theo mã câu hỏi (giá trị `null` xóa câu trả lời; mã không có trong phiếu: 422), phát hiện giữ theo `id`, thêm mới khi không có `id`, bỏ khi không gửi. Gửi kèm `version` (409). Buổi đã kết thúc: 409.',
      access: write,
      params: IdParams,
      body: UpdateInspectionSessionRequest,
      response: InspectionSession,
      handler: async (c) => sessions.updateSession(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/inspections/sessions/:id/complete',
      tags,
      summary: 'Kết thúc buổi kiểm tra / complete the session',
      description:
        'Mọi câu bắt buộc phải được trả lời đúng kiểu (422 `inspection-incomplete` liệt kê `answers.{mã câu}`). Điểm được lưu; sau đó không sửa được phiếu.',
      access: write,
      params: IdParams,
      body: CompleteInspectionSessionRequest,
      response: InspectionSession,
      handler: async (c) => sessions.completeSession(actorOf(c), c.params.id, c.body.version, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/inspections/sessions/:id/evidence',
      tags,
      summary: 'Tải lên minh chứng (ảnh, PDF) / upload evidence',
      description:
        'Thân yêu cầu là nội dung tệp, tối đa 10 MB (413). Nội dung phải thực sự là ảnh JPEG, PNG, WebP hoặc PDF (422 `file-type-not-allowed`); tên tệp không chứa đường dẫn (422 `file-name-invalid`). Chỉ khi buổi kiểm tra chưa kết thúc (409).',
      access: write,
      status: 201,
      consumes: { types: [JPEG, PNG, WEBP, PDF, 'application/octet-stream'], maxBytes: EVIDENCE_MAX_BYTES },
      params: IdParams,
      query: EvidenceQuery,
      response: Evidence,
      idempotent: false,
      handler: async (c) =>
        evidence.uploadEvidence(
          actorOf(c),
          c.params.id,
          {
            content: c.req.body as Buffer,
            fileName: c.query.fileName,
            questionId: c.query.questionId || null,
            caption: c.query.caption || null,
          },
          c.meta,
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspections/evidence/:id/file',
      tags,
      summary: 'Tải về tệp minh chứng / download an evidence file',
      description:
        'Minh chứng của buổi kiểm tra hoặc của kiến nghị mà người gọi được xem (404 nếu không). Luôn là tệp đính kèm, `nosniff`, `Content-Security-Policy: sandbox`.',
      access: { user: true },
      params: IdParams,
      response: z.unknown(),
      produces: [JPEG, PNG, WEBP, PDF],
      handler: async (c) => {
        const file = await evidence.downloadEvidence(actorOf(c), c.params.id);
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
      url: '/api/v1/inspections/evidence/:id',
      tags,
      summary: 'Xóa minh chứng của buổi kiểm tra / delete session evidence',
      description:
        'Chỉ khi buổi kiểm tra chưa kết thúc (409). Nội dung tệp vẫn được lưu để đối chiếu nhật ký.',
      access: write,
      status: 204,
      params: IdParams,
      response: z.null(),
      handler: async (c) => {
        await evidence.deleteEvidence(actorOf(c), c.params.id, c.meta);
        return null;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/inspections/sessions/:id/report',
      tags,
      summary: 'Biên bản kiểm tra (Word) / the inspection report',
      description:
        'Biên bản theo thể thức Nghị định 30/2020/NĐ-CP: thành phần đoàn, đơn vị được kiểm tra, phiếu kiểm tra và điểm, ưu điểm, tồn tại, kiến nghị, kết luận, chữ ký.',
      access: { user: true },
      params: IdParams,
      response: z.unknown(),
      produces: [DOCX],
      handler: async (c) => {
        const file = await sessions.getReport(actorOf(c), c.params.id);
        c.reply
          .type(DOCX)
          .header('content-disposition', attachmentDisposition(file.fileName))
          .header('x-content-type-options', 'nosniff');
        return file.body;
      },
    }),
  ];
}
