import {
  Communication,
  CommunicationList,
  CommunicationQuery,
  CommunicationSummary,
  CreateCommunicationRequest,
  CreateMovementRequest,
  Movement,
  MovementList,
  UpdateCommunicationRequest,
  UpdateMovementRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { actorOf, defineRoute, type RouteDef } from '../../../platform/http/route';
import { CommunicationsService } from './communications.service';
import { MovementsService } from './movements.service';

const IdParams = z.object({ id: z.uuid() });
const DeleteQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
const SummaryQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{2}(\d{3})?$/)
    .optional()
    .describe('default the caller’s unit'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('all years when absent'),
});
const tags = ['Truyền thông, phong trào / Communication and movements'];
const read = { permission: 'programmes.read' } as const;
const writeCommunication = { permission: 'activities.write' } as const;
const writeMovement = { permission: 'programmes.write' } as const;

/** Communication events (`/api/v1/communications`) and movements (`/api/v1/movements`). */
export function outreachRoutes(ctx: AppContext): RouteDef[] {
  const communications = new CommunicationsService(ctx);
  const movements = new MovementsService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/communications',
      tags,
      summary: 'Hoạt động truyền thông trong địa bàn / communication events of the caller’s subtree',
      description:
        'Mới nhất trước. Lọc theo kênh, chương trình, năm, đơn vị (trong phạm vi của người gọi; ngoài phạm vi: 403).',
      access: read,
      query: CommunicationQuery,
      response: CommunicationList,
      handler: async (c) => communications.list(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/communications/summary',
      tags,
      summary: 'Số lần và lượt người tiếp cận theo kênh / events and reach by channel',
      description:
        'Cho cây đơn vị `unit` (mặc định của người gọi), một năm hoặc mọi năm. Đủ 8 kênh, kể cả kênh chưa có.',
      access: read,
      query: SummaryQuery,
      response: CommunicationSummary,
      handler: async (c) => communications.summary(actorOf(c), c.query.unit, c.query.year),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/communications/:id',
      tags,
      summary: 'Một hoạt động truyền thông / one communication event',
      description: 'Ngoài phạm vi: 404.',
      access: read,
      params: IdParams,
      response: Communication,
      handler: async (c) => communications.get(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/communications',
      tags,
      summary: 'Ghi hoạt động truyền thông / record a communication event',
      description:
        '`unit` mặc định đơn vị của người gọi. Chương trình phải của đơn vị đó hoặc đơn vị cấp trên: nếu không, 422 `programme_not_visible`.',
      access: writeCommunication,
      status: 201,
      body: CreateCommunicationRequest,
      response: Communication,
      handler: async (c) => communications.create(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/communications/:id',
      tags,
      summary: 'Sửa hoạt động truyền thông / change a communication event',
      description: 'Gửi kèm `version`; dữ liệu cũ: 409. Ngoài phạm vi: 404.',
      access: writeCommunication,
      params: IdParams,
      body: UpdateCommunicationRequest,
      response: Communication,
      handler: async (c) => communications.update(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/communications/:id',
      tags,
      summary: 'Xóa hoạt động truyền thông / delete a communication event',
      description: '`?version=` (tùy chọn): dữ liệu cũ thì 409. Trả về 204.',
      access: writeCommunication,
      params: IdParams,
      query: DeleteQuery,
      status: 204,
      response: z.null(),
      handler: async (c) => communications.remove(actorOf(c), c.params.id, c.query.version, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/movements',
      tags,
      summary: 'Phong trào của địa bàn và của cấp trên / movements of the subtree and above',
      description: 'Mỗi phong trào kèm các đơn vị tham gia theo năm. `canEdit`: người gọi được sửa.',
      access: read,
      response: MovementList,
      handler: async (c) => movements.list(actorOf(c)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/movements',
      tags,
      summary: 'Phát động phong trào / launch a movement',
      description:
        'Mỗi đơn vị tham gia phải thuộc địa bàn của đơn vị phát động, năm trong thời gian của phong trào, không lặp (đơn vị, năm): nếu không, 422 nêu rõ dòng.',
      access: writeMovement,
      status: 201,
      body: CreateMovementRequest,
      response: Movement,
      handler: async (c) => movements.create(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/movements/:id',
      tags,
      summary: 'Sửa phong trào và danh sách đơn vị tham gia / change a movement',
      description:
        'Danh sách tham gia được thay thế toàn bộ. Gửi kèm `version`; dữ liệu cũ: 409. Phong trào của cấp trên: 403; ngoài phạm vi: 404.',
      access: writeMovement,
      params: IdParams,
      body: UpdateMovementRequest,
      response: Movement,
      handler: async (c) => movements.update(actorOf(c), c.params.id, c.body, c.meta),
    }),
  ];
}
