import {
  CreateIncidentRequest,
  DrowningQuery,
  DrowningView,
  Incident,
  IncidentList,
  IncidentQuery,
  IncidentSummary,
  UpdateIncidentRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { actorOf, defineRoute, type RouteDef } from '../../../platform/http/route';
import { IncidentsService } from './incidents.service';

const IdParams = z.object({ id: z.uuid() });
const DeleteQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
const tags = ['Tai nạn, thương tích trẻ em / Child incidents'];
const read = { permission: 'programmes.read' } as const;
const write = { permission: 'registry.write' } as const;

/** The incident register (`/api/v1/incidents`), its drowning view and its summary by cause. */
export function incidentsRoutes(ctx: AppContext): RouteDef[] {
  const incidents = new IncidentsService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/incidents',
      tags,
      summary: 'Sổ theo dõi tai nạn, thương tích trẻ em / incidents of the caller’s subtree',
      description:
        'Mới nhất trước. Lọc theo nguyên nhân, hậu quả, năm (giờ Việt Nam), đơn vị. `childName` chỉ có khi người gọi có quyền `registry.read`.',
      access: read,
      query: IncidentQuery,
      response: IncidentList,
      handler: async (c) => incidents.list(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/incidents/drowning',
      tags,
      summary: 'Đuối nước trẻ em theo năm, tháng, mùa, nơi xảy ra, tuổi, giới tính / the drowning view',
      description:
        'Cho cây đơn vị `unit` (mặc định của người gọi). Mặc định 10 năm gần nhất, kể cả năm nay. Tháng và năm tính theo giờ Việt Nam. Luôn đủ 12 tháng, 4 mùa, 4 nhóm tuổi, 3 nhóm giới tính; nơi xảy ra chỉ liệt kê loại đã có.',
      access: read,
      query: DrowningQuery,
      response: DrowningView,
      handler: async (c) => incidents.drowning(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/incidents/summary',
      tags,
      summary: 'Số vụ và số tử vong theo nguyên nhân và năm / incidents by cause and year',
      description:
        'Cho cây đơn vị `unit` (mặc định của người gọi). Mặc định 10 năm gần nhất. Chỉ các dòng có số liệu.',
      access: read,
      query: DrowningQuery,
      response: IncidentSummary,
      handler: async (c) => incidents.summary(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/incidents/:id',
      tags,
      summary: 'Một vụ tai nạn, thương tích / one incident',
      description: 'Ngoài phạm vi: 404.',
      access: read,
      params: IdParams,
      response: Incident,
      handler: async (c) => incidents.get(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/incidents',
      tags,
      summary: 'Ghi vụ tai nạn, thương tích / record an incident',
      description:
        '`unit` phải là xã, phường trong phạm vi (mặc định đơn vị của người gọi); thời điểm không ở tương lai; trẻ được liên kết phải có trong sổ theo dõi của xã đó. Vi phạm: 422 nêu trường.',
      access: write,
      status: 201,
      body: CreateIncidentRequest,
      response: Incident,
      handler: async (c) => incidents.create(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/incidents/:id',
      tags,
      summary: 'Sửa vụ tai nạn, thương tích / change an incident',
      description: 'Gửi kèm `version`; dữ liệu cũ: 409. Ngoài phạm vi: 404.',
      access: write,
      params: IdParams,
      body: UpdateIncidentRequest,
      response: Incident,
      handler: async (c) => incidents.update(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/incidents/:id',
      tags,
      summary: 'Xóa vụ ghi nhầm / delete an incident recorded by mistake',
      description: '`?version=` (tùy chọn): dữ liệu cũ thì 409. Trả về 204.',
      access: write,
      params: IdParams,
      query: DeleteQuery,
      status: 204,
      response: z.null(),
      handler: async (c) => incidents.remove(actorOf(c), c.params.id, c.query.version, c.meta),
    }),
  ];
}
