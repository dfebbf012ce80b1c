import {
  CreateFacilityRequest,
  Facility,
  FacilityCoverage,
  FacilityList,
  FacilityQuery,
  UpdateFacilityRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { actorOf, defineRoute, type RouteDef } from '../../../platform/http/route';
import { FacilitiesService } from './facilities.service';

const IdParams = z.object({ id: z.uuid() });
const DeleteQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
const CoverageQuery = z.object({
  unit: z
    .string()
    .regex(/^\d{2}(\d{3})?$/)
    .optional()
    .describe('default the caller’s unit'),
});
const tags = ['Thiết chế cho trẻ em / Facilities'];
const read = { permission: 'programmes.read' } as const;
const write = { permission: 'activities.write' } as const;

/** Facilities for children (`/api/v1/facilities`) and the coverage by commune. */
export function facilitiesRoutes(ctx: AppContext): RouteDef[] {
  const facilities = new FacilitiesService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/facilities',
      tags,
      summary: 'Thiết chế vui chơi, văn hóa, bơi lội… trong địa bàn / facilities of the caller’s subtree',
      description:
        'Theo mã đơn vị rồi tên. Lọc theo loại, tình trạng, đơn vị (trong phạm vi; ngoài phạm vi: 403).',
      access: read,
      query: FacilityQuery,
      response: FacilityList,
      handler: async (c) => facilities.list(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/facilities/coverage',
      tags,
      summary: 'Số trẻ em trên mỗi điểm vui chơi, nơi còn thiếu / children per facility, where missing',
      description:
        'Một dòng cho mỗi xã, phường hiện hành trong cây đơn vị `unit` (hoặc chính nó nếu là xã). Trẻ em: đang theo dõi (`active`). Chỉ tính thiết chế đang sử dụng (tình trạng khác `not_in_use`). `missing`: các loại sân chơi, nhà văn hóa, thư viện, điểm dạy bơi chưa có cái nào đang sử dụng; bể bơi được tính là điểm dạy bơi.',
      access: read,
      query: CoverageQuery,
      response: FacilityCoverage,
      handler: async (c) => facilities.coverage(actorOf(c), c.query.unit),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/facilities/:id',
      tags,
      summary: 'Một thiết chế / one facility',
      description: 'Ngoài phạm vi: 404.',
      access: read,
      params: IdParams,
      response: Facility,
      handler: async (c) => facilities.get(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/facilities',
      tags,
      summary: 'Thêm thiết chế / register a facility',
      description: '`unit` mặc định đơn vị của người gọi; ngoài phạm vi: 403.',
      access: write,
      status: 201,
      body: CreateFacilityRequest,
      response: Facility,
      handler: async (c) => facilities.create(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/facilities/:id',
      tags,
      summary: 'Sửa thiết chế (tình trạng, sức chứa…) / change a facility',
      description: 'Gửi kèm `version`; dữ liệu cũ: 409. Ngoài phạm vi: 404.',
      access: write,
      params: IdParams,
      body: UpdateFacilityRequest,
      response: Facility,
      handler: async (c) => facilities.update(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/facilities/:id',
      tags,
      summary: 'Xóa thiết chế ghi nhầm / delete a facility',
      description: '`?version=` (tùy chọn): dữ liệu cũ thì 409. Trả về 204.',
      access: write,
      params: IdParams,
      query: DeleteQuery,
      status: 204,
      response: z.null(),
      handler: async (c) => facilities.remove(actorOf(c), c.params.id, c.query.version, c.meta),
    }),
  ];
}
