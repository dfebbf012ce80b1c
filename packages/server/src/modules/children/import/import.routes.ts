import {
  ChildImport,
  ChildImportDuplicateList,
  ChildImportIssueList,
  CommitChildImportRequest,
  ImportIssueSeverity,
  Ok,
  PageQuery,
  UnitCode,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { actorOf, defineRoute } from '../../../platform/http/route';
import { UPLOAD_TYPES } from '../../../platform/http/server';
import { ChildImportService, IMPORT_MAX_BYTES } from './import.service';
import { buildImportTemplate } from './import-template';

const tags = ['Trẻ em / Child registry'];
const write = { permission: 'registry.write' } as const;
const IdParams = z.object({ id: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266) for Vietnamese file names. */
function attachment(fileName: string) {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  return `attachment; filename="${ascii.replace(/[^\w.-]+/g, '-')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The import of children lists from Excel/CSV: template, upload and dry run, findings, report, commit. */
export function childImportRoutes(ctx: AppContext) {
  const imports = new ChildImportService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/imports/template',
      tags,
      summary: 'Tải mẫu danh sách trẻ em để nhập / download the import template',
      access: write,
      query: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      response: z.unknown(),
      produces: [XLSX, 'text/csv'],
      handler: async (c) => {
        const body = await buildImportTemplate(c.query.format);
        c.reply
          .type(c.query.format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8')
          .header('content-disposition', attachment(`mau-danh-sach-tre-em.${c.query.format}`));
        return body;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/imports',
      tags,
      summary: 'Tải lên tệp danh sách trẻ em và kiểm tra thử / upload a list and start its dry run',
      description:
        'Thân yêu cầu là nội dung tệp (.xlsx hoặc .csv, tối đa 20 MB). Trả về 202 với lần nhập đang kiểm tra; ' +
        'theo dõi tiến độ bằng GET /api/v1/children/imports/{id}. Tệp không có dòng tiêu đề nhận ra được: 422.',
      access: write,
      consumes: { types: UPLOAD_TYPES, maxBytes: IMPORT_MAX_BYTES },
      query: z.object({
        unit: UnitCode.describe('the commune the children live in'),
        fileName: z.string().trim().min(1).max(200).default('danh-sach.xlsx'),
      }),
      response: ChildImport,
      status: 202,
      idempotent: false,
      handler: async (c) =>
        imports.upload(
          actorOf(c),
          { unitCode: c.query.unit, fileName: c.query.fileName, content: c.req.body as Buffer },
          c.meta,
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/imports',
      tags,
      summary: 'Các lần nhập gần đây / recent imports',
      access: write,
      response: z.object({ items: z.array(ChildImport) }),
      handler: async (c) => ({ items: await imports.listImports(actorOf(c), c.meta.lang) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/imports/:id',
      tags,
      summary: 'Một lần nhập: trạng thái, tiến độ, tóm tắt / one import with its progress',
      access: write,
      params: IdParams,
      response: ChildImport,
      handler: async (c) => imports.getImport(actorOf(c), c.params.id, c.meta.lang),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/imports/:id/issues',
      tags,
      summary: 'Lỗi và cảnh báo theo dòng, cột / findings per row and column',
      access: write,
      params: IdParams,
      query: PageQuery.extend({ severity: ImportIssueSeverity.optional() }),
      response: ChildImportIssueList,
      handler: async (c) => imports.listIssues(actorOf(c), c.params.id, c.query, c.meta.lang),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/imports/:id/duplicates',
      tags,
      summary: 'Dòng nghi trùng với trẻ đã có trong sổ / rows that may already be registered',
      access: write,
      params: IdParams,
      response: ChildImportDuplicateList,
      handler: async (c) => ({ items: await imports.listDuplicates(actorOf(c), c.params.id) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/imports/:id/report',
      tags,
      summary: 'Báo cáo kiểm tra dạng Excel, ô lỗi được đánh dấu / the dry-run report as Excel',
      access: write,
      params: IdParams,
      response: z.unknown(),
      produces: [XLSX],
      handler: async (c) => {
        const file = await imports.report(actorOf(c), c.params.id);
        c.reply.type(XLSX).header('content-disposition', attachment(file.fileName));
        return file.body;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/imports/:id/commit',
      tags,
      summary:
        'Ghi lần nhập đã kiểm tra vào sổ (tất cả hoặc không) / write an analysed import, all or nothing',
      description:
        'Từ chối (422) khi tệp còn dòng lỗi hoặc còn dòng nghi trùng chưa quyết định. Trả về 202; việc ghi chạy nền.',
      access: write,
      params: IdParams,
      body: CommitChildImportRequest,
      response: ChildImport,
      status: 202,
      handler: async (c) => imports.requestCommit(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/children/imports/:id',
      tags,
      summary: 'Hủy lần nhập chưa ghi, xóa tệp / discard an import that was not written',
      access: write,
      params: IdParams,
      response: Ok,
      handler: async (c) => {
        await imports.discard(actorOf(c), c.params.id, c.meta);
        return { ok: true as const };
      },
    }),
  ];
}
