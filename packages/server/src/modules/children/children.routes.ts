import {
  AuditEntry,
  Child,
  ChildList,
  ChildListQuery,
  ChildStatusChange,
  CreateChildRequest,
  DuplicateCandidate,
  Ok,
  SaveChildFilterRequest,
  SavedChildFilter,
  UpdateChildRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf, defineRoute } from '../../platform/http/route';
import { ChildrenExport } from './children.export';
import { childLifecycleRoutes } from './children.lifecycle.routes';
import { ChildrenService } from './children.service';

const IdParams = z.object({ id: z.uuid() });
const tags = ['Trẻ em / Child registry'];
const read = { permission: 'registry.read' } as const;
const write = { permission: 'registry.write' } as const;

const DuplicateCheckRequest = z.intersection(
  CreateChildRequest,
  z.object({ excludeId: z.uuid().optional().describe('the child being edited, left out of the candidates') }),
);

const StatusChangeRequest = z.object({
  version: z.number().int(),
  status: z.enum(['active', 'moved_away', 'deceased']),
  reason: z.string().trim().max(500).nullish(),
});

export function childrenRoutes(ctx: AppContext) {
  const children = new ChildrenService(ctx);
  const exporter = new ChildrenExport(ctx, children);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/export',
      tags,
      summary: 'Xuất danh sách trẻ em đã lọc ra Excel hoặc CSV / export the filtered list',
      description:
        'Cùng bộ lọc với danh sách; tối đa 100.000 trẻ. Mỗi lần xuất được ghi nhật ký (dữ liệu cá nhân).',
      access: read,
      query: z.intersection(ChildListQuery, z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') })),
      response: z.unknown(),
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      handler: async (c) => {
        const { format, limit: _limit, cursor: _cursor, ...query } = c.query;
        const file = await exporter.exportChildren(actorOf(c), query, format, c.meta);
        c.reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`);
        return file.body;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children',
      tags,
      summary: 'Danh sách trẻ em trong phạm vi đơn vị, có lọc và tìm kiếm / children of the caller’s subtree',
      description:
        '`q` tìm theo họ tên (không phân biệt dấu, hoa thường, thứ tự từ), số định danh, tên chủ hộ hoặc người chăm sóc.',
      access: read,
      query: ChildListQuery,
      response: ChildList,
      handler: async (c) => children.listChildren(actorOf(c), c.query, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/children',
      tags,
      summary: 'Đăng ký trẻ em vào sổ theo dõi / register a child',
      description:
        'Tối thiểu: `fullName`, `sex`, `dateOfBirth` (ngày hoặc năm), `unitCode` (xã, phường trong phạm vi).',
      access: write,
      status: 201,
      body: CreateChildRequest,
      response: Child,
      handler: async (c) => children.createChild(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/duplicates',
      tags,
      summary: 'Tìm hồ sơ có thể trùng trước khi lưu / duplicate candidates before saving',
      access: write,
      idempotent: false,
      body: DuplicateCheckRequest,
      response: z.object({ items: z.array(DuplicateCandidate) }),
      handler: async (c) => ({ items: await children.findDuplicates(actorOf(c), c.body) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/filters',
      tags,
      summary: 'Bộ lọc đã lưu của người dùng / the caller’s saved filters',
      access: read,
      response: z.object({ items: z.array(SavedChildFilter) }),
      handler: async (c) => ({ items: await children.listFilters(actorOf(c)) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/filters',
      tags,
      summary: 'Lưu bộ lọc (trùng tên thì thay) / save a filter',
      access: read,
      status: 201,
      body: SaveChildFilterRequest,
      response: SavedChildFilter,
      handler: async (c) => children.saveFilter(actorOf(c), c.body.name, c.body.query),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/children/filters/:id',
      tags,
      summary: 'Xóa bộ lọc đã lưu / delete a saved filter',
      access: read,
      params: IdParams,
      response: Ok,
      handler: async (c) => {
        await children.deleteFilter(actorOf(c), c.params.id);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/:id',
      tags,
      summary: 'Hồ sơ một trẻ em / one child',
      description: 'Trẻ em ngoài phạm vi đơn vị của người gọi: 404 (không tiết lộ là có tồn tại).',
      access: read,
      params: IdParams,
      response: Child,
      handler: async (c) => children.getChild(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/children/:id',
      tags,
      summary: 'Cập nhật hồ sơ trẻ em / edit a child',
      description: 'Gửi kèm `version`; nếu hồ sơ đã bị thay đổi, trả về 409. Phần gửi `null` bị xóa.',
      access: write,
      params: IdParams,
      body: UpdateChildRequest,
      response: Child,
      handler: async (c) => children.updateChild(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/children/:id/status',
      tags,
      summary: 'Ghi nhận trẻ chuyển đi, đã mất hoặc theo dõi lại / change the status',
      access: write,
      params: IdParams,
      body: StatusChangeRequest,
      response: Child,
      handler: async (c) => children.changeStatus(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/children/:id/history',
      tags,
      summary: 'Lịch sử tình trạng và nhật ký thay đổi của hồ sơ / history of a child',
      access: read,
      params: IdParams,
      response: z.object({ statusChanges: z.array(ChildStatusChange), audit: z.array(AuditEntry) }),
      handler: async (c) => children.getHistory(actorOf(c), c.params.id),
    }),
    ...childLifecycleRoutes(ctx),
  ];
}
