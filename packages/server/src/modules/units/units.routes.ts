import { AtDateQuery, Unit, UnitCode, UnitSearchQuery, UnitSuccessor, UnitWithPath } from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf, defineRoute } from '../../platform/http/route';
import { UnitsRepo } from './units.repo';
import { UnitsService } from './units.service';

const CodeParams = z.object({ code: UnitCode });
const tags = ['Đơn vị hành chính / Units'];
const access = { permission: 'units.read' } as const;

export function unitsRoutes(ctx: AppContext) {
  const units = new UnitsService(new UnitsRepo(ctx.db));
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/units/search',
      tags,
      summary: 'Tìm đơn vị theo tên, không phân biệt dấu và hoa thường / search units by name',
      access,
      query: UnitSearchQuery,
      response: z.object({ items: z.array(UnitWithPath) }),
      handler: async (c) => ({ items: await units.search(c.query, actorOf(c)) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/units/roots',
      tags,
      summary: 'Gốc cây đơn vị của người dùng tại một ngày / the top of the caller’s unit tree at a date',
      access,
      query: AtDateQuery,
      response: z.object({ items: z.array(Unit) }),
      handler: async (c) => ({ items: await units.listRoots(actorOf(c), c.query.at) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/units/:code',
      tags,
      summary: 'Đơn vị theo mã tại một ngày (mặc định hôm nay) / a unit by code at a date',
      access,
      params: CodeParams,
      query: AtDateQuery,
      response: UnitWithPath,
      handler: async ({ params, query }) => units.getUnitWithPath(params.code, query.at),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/units/:code/children',
      tags,
      summary: 'Các đơn vị trực thuộc / units directly below',
      access,
      params: CodeParams,
      query: AtDateQuery,
      response: z.object({ items: z.array(Unit) }),
      handler: async ({ params, query }) => ({ items: await units.listChildren(params.code, query.at) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/units/:code/path',
      tags,
      summary: 'Đường dẫn từ gốc đến đơn vị / the path from the root',
      access,
      params: CodeParams,
      query: AtDateQuery,
      response: z.object({ items: z.array(Unit) }),
      handler: async ({ params, query }) => ({ items: await units.listPath(params.code, query.at) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/units/:code/successors',
      tags,
      summary: 'Đơn vị hiện nay mà một mã cũ (trước 01/07/2025) chuyển thành / current units of an old code',
      access,
      params: CodeParams,
      response: z.object({ items: z.array(UnitSuccessor) }),
      handler: async ({ params }) => ({ items: await units.listSuccessors(params.code) }),
    }),
  ];
}
