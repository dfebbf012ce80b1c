import { CaseDocumentForm, CaseDocumentList, CaseDocumentQuery } from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { actorOf, defineRoute } from '../../../platform/http/route';
import { CaseDocumentsService, DOCX_TYPE, PDF_TYPE } from './case-documents.service';

const IdParams = z.object({ id: z.uuid() });
const FormParams = IdParams.extend({ form: CaseDocumentForm });
const tags = ['Vụ việc / Cases'];

/** `attachment` with an ASCII name and the UTF-8 one (RFC 6266). */
function attachment(fileName: string) {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function caseDocumentsRoutes(ctx: AppContext) {
  const documents = new CaseDocumentsService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/cases/:id/documents',
      tags,
      summary: 'Các biểu mẫu 01–07 của vụ việc và mẫu nào đã lập được / the forms of a case',
      description:
        '`isReady`: vụ việc đã đến bước của mẫu. `canDownload`: người gọi được xem nội dung vụ việc (cần để tải). `pdfAvailable`: máy chủ có LibreOffice để chuyển sang PDF.',
      access: { permission: 'cases.read' },
      params: IdParams,
      response: CaseDocumentList,
      handler: async (c) => documents.listForms(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/cases/:id/documents/:form',
      tags,
      summary: 'Tải biểu mẫu theo Nghị định 56/2017 (Word hoặc PDF) / download a case form',
      description:
        'Mẫu 01–07 điền từ vụ việc, thể thức văn bản hành chính. Ngoài phạm vi: 404; không được xem nội dung: 403; vụ việc chưa đến bước của mẫu: 409 `case_form_not_ready`; PDF khi máy chủ chưa cài LibreOffice: 501 `pdf_unavailable`. Mỗi lần tải được ghi nhật ký.',
      access: { permission: 'cases.read' },
      params: FormParams,
      query: CaseDocumentQuery,
      response: z.unknown(),
      produces: [DOCX_TYPE, PDF_TYPE],
      handler: async (c) => {
        const file = await documents.renderForm(
          actorOf(c),
          c.params.id,
          c.params.form,
          c.query.format,
          c.meta,
        );
        c.reply.type(file.contentType).header('content-disposition', attachment(file.fileName));
        return file.body;
      },
    }),
  ];
}
