import { HolidayYearView, LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, SaveHolidayYearRequest } from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf, defineRoute } from '../../platform/http/route';
import { HolidaysService } from './holidays.service';

const YearParams = z.object({ year: z.coerce.number().int().min(LUNAR_MIN_YEAR).max(LUNAR_MAX_YEAR) });
const DeleteQuery = z.object({ version: z.coerce.number().int().min(1).optional() });
const tags = ['Ngày nghỉ lễ / Holidays'];

export function holidaysRoutes(ctx: AppContext) {
  const holidays = new HolidaysService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/holidays/:year',
      tags,
      summary: 'Lịch nghỉ lễ, Tết của một năm / the public holidays of a year',
      description:
        'Năm đã được quản trị viên nhập (`isDefault: false`), hoặc năm tính theo quy tắc mặc định của Bộ luật Lao động 2019 (`isDefault: true`, `version: null`, chưa xác minh).',
      access: { user: true },
      params: YearParams,
      response: HolidayYearView,
      handler: async (c) => holidays.getYear(c.params.year),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/holidays/:year',
      tags,
      summary: 'Lưu lịch nghỉ lễ của một năm / store a year of holidays',
      description:
        'Thay thế quy tắc mặc định cho năm đó khi tính thời hạn vụ việc. Gửi `version` đã đọc (0 khi lưu lần đầu); dữ liệu cũ: 409; ngày ngoài năm, ngày lặp, ngày làm bù không rơi vào cuối tuần: 422.',
      access: { permission: 'catalogs.manage' },
      params: YearParams,
      body: SaveHolidayYearRequest,
      response: HolidayYearView,
      handler: async (c) => holidays.saveYear(actorOf(c), c.params.year, c.body, c.meta),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/holidays/:year',
      tags,
      summary: 'Xóa lịch đã nhập, trở về quy tắc mặc định / back to the default rules',
      description: 'Không có năm đã lưu: 404. `?version=` (tùy chọn): dữ liệu cũ thì 409.',
      access: { permission: 'catalogs.manage' },
      params: YearParams,
      query: DeleteQuery,
      response: HolidayYearView,
      handler: async (c) => holidays.deleteYear(actorOf(c), c.params.year, c.query.version, c.meta),
    }),
  ];
}
