import {
  CreatePlanDocumentRequest,
  DOCUMENT_FILE_MAX_BYTES,
  Ok,
  PlanDocument,
  PlanDocumentList,
  PlanDocumentQuery,
  UpdatePlanDocumentRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { attachmentDisposition } from '../../../platform/files/file-name';
import { DOCX, PDF } from '../../../platform/files/sniff';
import { actorOf, defineRoute, type RouteDef } from '../../../platform/http/route';
import { DocumentsService } from './documents.service';

const tags = ['Văn bản, kế hoạch / Documents and plans'];
const read = { permission: 'programmes.read' } as const;
const write = { permission: 'programmes.write' } as const;
const IdParams = z.object({ id: z.uuid() });
/** Checked by the service (422 `file_name_invalid`), so only a generous bound here. */
const FileNameQuery = z.object({ fileName: z.string().max(1000).default('van-ban') });

/** The documents and plans register: CRUD, search without diacritics, and the attached file. */
export function documentsRoutes(ctx: AppContext): RouteDef[] {
  const documents = new DocumentsService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/documents',
      tags,
      summary: 'Sổ văn bản, kế hoạch / the documents and plans register',
      description:
        'Văn bản của đơn vị người gọi, các đơn vị cấp dưới và các đơn vị cấp trên, mới nhất trước. `q` tìm theo số hiệu, trích yếu, tóm tắt, cơ quan ban hành, không phân biệt dấu ("ke hoach duoi nuoc" tìm được "Kế hoạch phòng, chống đuối nước"). `unit`: chỉ văn bản của đơn vị đó và cấp dưới.',
      access: read,
      query: PlanDocumentQuery,
      response: PlanDocumentList,
      handler: async (c) => documents.listDocuments(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/documents',
      tags,
      summary: 'Vào sổ một văn bản, kế hoạch / register a document',
      description: '`unit` mặc định đơn vị của người gọi; phải thuộc phạm vi quản lý (403 nếu không).',
      access: write,
      status: 201,
      body: CreatePlanDocumentRequest,
      response: PlanDocument,
      handler: async (c) => documents.createDocument(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/documents/:id',
      tags,
      summary: 'Một văn bản với chỉ tiêu và tệp / one document',
      description: 'Ngoài phạm vi đọc: 404. `canEdit` cho biết người gọi được sửa hay không.',
      access: read,
      params: IdParams,
      response: PlanDocument,
      handler: async (c) => documents.getDocument(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/documents/:id',
      tags,
      summary: 'Sửa văn bản; chỉ tiêu được thay cả danh sách / update a document',
      description:
        'Gửi kèm `version`; dữ liệu cũ: 409. Văn bản của đơn vị cấp trên: 403. Danh sách chỉ tiêu gửi lên thay toàn bộ danh sách cũ.',
      access: write,
      params: IdParams,
      body: UpdatePlanDocumentRequest,
      response: PlanDocument,
      handler: async (c) => documents.updateDocument(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/documents/:id',
      tags,
      summary: 'Xóa văn bản chưa được chương trình nào dùng / delete an unused document',
      description: 'Văn bản là căn cứ của chương trình: 409 `document-in-use`.',
      access: write,
      params: IdParams,
      response: Ok,
      handler: async (c) => {
        await documents.deleteDocument(actorOf(c), c.params.id, c.meta);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/documents/:id/file',
      tags,
      summary: 'Tải lên tệp văn bản PDF hoặc DOCX / upload the document file',
      description:
        'Thân yêu cầu là nội dung tệp, tối đa 10 MB (413 nếu lớn hơn). Kiểu khai báo: PDF, DOCX hoặc `application/octet-stream` (415 nếu khác). Nội dung phải thực sự là PDF hoặc DOCX không có macro (422 `file-type-not-allowed`); tên tệp không được chứa đường dẫn, `..`, ký tự điều khiển hay bắt đầu bằng dấu chấm (422 `file-name-invalid`). Tệp cũ vẫn được lưu để đối chiếu nhật ký.',
      access: write,
      consumes: { types: [PDF, DOCX, 'application/octet-stream'], maxBytes: DOCUMENT_FILE_MAX_BYTES },
      params: IdParams,
      query: FileNameQuery,
      response: PlanDocument,
      handler: async (c) =>
        documents.uploadFile(
          actorOf(c),
          c.params.id,
          { content: c.req.body as Buffer, fileName: c.query.fileName },
          c.meta,
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/documents/:id/file',
      tags,
      summary: 'Tải về tệp văn bản / download the document file',
      description:
        'Luôn tải về dạng tệp đính kèm với kiểu nội dung đã kiểm tra, `X-Content-Type-Options: nosniff` và `Content-Security-Policy: sandbox`.',
      access: read,
      params: IdParams,
      response: z.unknown(),
      produces: [PDF, DOCX],
      handler: async (c) => {
        const file = await documents.downloadFile(actorOf(c), c.params.id);
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
      url: '/api/v1/documents/:id/file',
      tags,
      summary: 'Gỡ tệp khỏi văn bản / detach the document file',
      description: 'Nội dung tệp vẫn được lưu để đối chiếu nhật ký. Văn bản không có tệp: 404.',
      access: write,
      params: IdParams,
      response: PlanDocument,
      handler: async (c) => documents.deleteFile(actorOf(c), c.params.id, c.meta),
    }),
  ];
}
