import {
  CreateProgrammeRequest,
  Programme,
  ProgrammeIndicatorQuery,
  ProgrammeIndicatorValue,
  ProgrammeList,
  ProgrammeProgress,
  ProgrammeProgressQuery,
  ProgrammeQuery,
  UpdateProgrammeRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { actorOf, defineRoute, type RouteDef } from '../../../platform/http/route';
import { ProgrammesService } from './programme.service';
import { ProgressService } from './progress.service';

const IdParams = z.object({ id: z.uuid() });
const tags = ['Chương trình / Programmes'];
const read = { permission: 'programmes.read' } as const;
const write = { permission: 'programmes.write' } as const;

/** Programmes (CRUD) and their progress against targets. */
export function programmeRoutes(ctx: AppContext): RouteDef[] {
  const programmes = new ProgrammesService(ctx);
  const progress = new ProgressService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/programmes',
      tags,
      summary: 'Danh sách chương trình / programmes',
      description:
        'Chương trình của các đơn vị trong phạm vi người gọi và của các đơn vị cấp trên. `q`: tên hoặc chủ đề, có dấu hay không dấu; `year`: đang thực hiện trong năm; `unit`: chương trình áp dụng cho đơn vị đó.',
      access: read,
      query: ProgrammeQuery,
      response: ProgrammeList,
      handler: async (c) => programmes.listProgrammes(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/programmes',
      tags,
      summary: 'Thêm chương trình / record a programme',
      description:
        'Đơn vị chủ trì trong phạm vi người gọi (mặc định đơn vị của người gọi). Đơn vị tham gia phải thuộc địa bàn đơn vị chủ trì (422 `unitCodes`); văn bản căn cứ phải xem được (422 `documentIds`).',
      access: write,
      status: 201,
      body: CreateProgrammeRequest,
      response: Programme,
      handler: async (c) => programmes.createProgramme(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/programmes/:id',
      tags,
      summary: 'Một chương trình / one programme',
      description: 'Ngoài phạm vi xem: 404. `canEdit` cho biết người gọi được sửa hay không.',
      access: read,
      params: IdParams,
      response: Programme,
      handler: async (c) => programmes.getProgramme(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/programmes/:id',
      tags,
      summary: 'Sửa chương trình / update a programme',
      description:
        'Chỉ chương trình của đơn vị trong phạm vi (chương trình cấp trên: 403). Chỉ tiêu có `id` được giữ, chỉ tiêu mới được thêm, chỉ tiêu không gửi bị xóa; đơn vị, văn bản và kinh phí được thay thế. Gửi kèm `version`; dữ liệu cũ: 409.',
      access: write,
      params: IdParams,
      body: UpdateProgrammeRequest,
      response: Programme,
      handler: async (c) => programmes.updateProgramme(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/programmes/:id/progress',
      tags,
      summary: 'Tiến độ thực hiện chỉ tiêu của chương trình / progress against targets',
      description:
        'Đo cho `unit` (trong phạm vi người gọi; mặc định đơn vị chủ trì nếu thuộc phạm vi, nếu không là đơn vị của người gọi). Mỗi chỉ tiêu: giá trị năm chỉ tiêu (hoặc năm nay nếu chưa đến), trạng thái, mức đạt và số liệu từng năm; kinh phí theo nguồn; tổng hợp hoạt động của chương trình trong địa bàn.',
      access: read,
      params: IdParams,
      query: ProgrammeProgressQuery,
      response: ProgrammeProgress,
      handler: async (c) => progress.getProgress(actorOf(c), c.params.id, c.query),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/programme-indicators',
      tags,
      summary: 'Giá trị một chỉ tiêu tự tính cho một đơn vị và năm / one computed indicator',
      description:
        'Đơn vị trong phạm vi người gọi (mặc định đơn vị của người gọi), năm mặc định năm nay. Tỷ lệ kèm tử số và mẫu số; năm chưa đến hoặc chỉ tiêu chỉ có cho năm hiện tại: không có giá trị.',
      access: read,
      query: ProgrammeIndicatorQuery,
      response: ProgrammeIndicatorValue,
      handler: async (c) => progress.getIndicator(actorOf(c), c.query),
    }),
  ];
}
