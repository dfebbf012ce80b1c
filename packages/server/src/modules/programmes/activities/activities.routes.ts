import {
  Activity,
  ActivityList,
  ActivityParticipantList,
  ActivityQuery,
  AddParticipantsRequest,
  ATTENDANCE_IMPORT_MAX_BYTES,
  AttendanceImportReport,
  AttendanceRequest,
  CreateActivityRequest,
  Ok,
  OutcomesRequest,
  ParticipantCandidateList,
  ParticipantCandidateQuery,
  UpdateActivityRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context';
import { actorOf, defineRoute, type RouteDef } from '../../../platform/http/route';
import { ActivitiesService } from './activities.service';
import { AttendanceSheetService } from './activities.sheet';

const tags = ['Hoạt động, sự kiện / Activities'];
const read = { permission: 'programmes.read' } as const;
const write = { permission: 'activities.write' } as const;
const IdParams = z.object({ id: z.uuid() });
const ParticipantParams = z.object({ id: z.uuid(), childId: z.uuid() });
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

/** Activities and events, their participants, attendance, outcomes and the class-list sheet. */
export function activitiesRoutes(ctx: AppContext): RouteDef[] {
  const activities = new ActivitiesService(ctx);
  const sheets = new AttendanceSheetService(ctx, activities);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/activities',
      tags,
      summary: 'Danh sách hoạt động, sự kiện / activities of the caller’s area',
      description:
        'Hoạt động của các đơn vị trong phạm vi người gọi (hoặc của `unit` trong phạm vi), mới nhất trước. `q` tìm trong tên không phân biệt dấu; `year`: hoạt động diễn ra trong năm.',
      access: read,
      query: ActivityQuery,
      response: ActivityList,
      handler: async (c) => activities.listActivities(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/activities',
      tags,
      summary: 'Ghi một hoạt động, sự kiện / record an activity',
      description:
        '`unit`: đơn vị tổ chức trong phạm vi người gọi (thường là xã, phường; mặc định đơn vị của người gọi). Chương trình gắn kèm phải của đơn vị đó hoặc cấp trên: 422 `programme_not_visible`. Các buổi được đánh số theo ngày.',
      access: write,
      status: 201,
      body: CreateActivityRequest,
      response: Activity,
      handler: async (c) => activities.createActivity(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/activities/:id',
      tags,
      summary: 'Một hoạt động / one activity',
      description: 'Ngoài phạm vi: 404.',
      access: read,
      params: IdParams,
      response: Activity,
      handler: async (c) => activities.getActivity(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/activities/:id',
      tags,
      summary: 'Sửa hoạt động / update an activity',
      description:
        'Gửi kèm `version` (dữ liệu cũ: 409). Kinh phí được thay toàn bộ. Buổi giữ theo `id`, buổi không có `id` được thêm, buổi không gửi lên bị xóa — buổi đã có điểm danh không xóa được (409 `session_has_attendance`).',
      access: write,
      params: IdParams,
      body: UpdateActivityRequest,
      response: Activity,
      handler: async (c) => activities.updateActivity(actorOf(c), c.params.id, c.body, c.meta),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/activities/:id',
      tags,
      summary: 'Xóa hoạt động chưa có trẻ tham gia / delete an activity without participants',
      description: 'Hoạt động đã có trẻ tham gia: 409 `activity_has_participants`.',
      access: write,
      params: IdParams,
      response: Ok,
      handler: async (c) => {
        await activities.deleteActivity(actorOf(c), c.params.id, c.meta);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/activities/:id/participants',
      tags,
      summary: 'Trẻ em tham gia, điểm danh, kết quả / participants with attendance and outcomes',
      description: '`attendance`: mã buổi → có mặt; `ageAtStart`: tuổi vào ngày bắt đầu.',
      access: read,
      params: IdParams,
      response: ActivityParticipantList,
      handler: async (c) => ({ items: await activities.listParticipants(actorOf(c), c.params.id) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/activities/:id/participants',
      tags,
      summary: 'Thêm trẻ em tham gia / add participants',
      description:
        'Chỉ trẻ trong sổ theo dõi thuộc đơn vị tổ chức (và các đơn vị trực thuộc): 422 `child_not_in_unit`. Trẻ đã có trong danh sách được giữ nguyên. Trả về danh sách tham gia.',
      access: write,
      params: IdParams,
      body: AddParticipantsRequest,
      response: ActivityParticipantList,
      handler: async (c) => ({
        items: await activities.addParticipants(actorOf(c), c.params.id, c.body.childIds, c.meta),
      }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/activities/:id/participants/:childId',
      tags,
      summary: 'Bỏ trẻ khỏi danh sách tham gia (xóa cả điểm danh) / remove a participant',
      access: write,
      params: ParticipantParams,
      response: Ok,
      handler: async (c) => {
        await activities.removeParticipant(actorOf(c), c.params.id, c.params.childId, c.meta);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/activities/:id/candidates',
      tags,
      summary: 'Trẻ em của đơn vị để thêm vào danh sách / children to add',
      description:
        'Trẻ đang sống tại địa bàn của đơn vị tổ chức; chỉ các trường cần cho danh sách lớp (họ tên, giới tính, ngày sinh, thôn, trường, lớp). Tuổi tính vào ngày bắt đầu.',
      access: write,
      params: IdParams,
      query: ParticipantCandidateQuery,
      response: ParticipantCandidateList,
      handler: async (c) => activities.listCandidates(actorOf(c), c.params.id, c.query),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/activities/:id/attendance',
      tags,
      summary: 'Ghi điểm danh nhiều trẻ, nhiều buổi / record attendance',
      description:
        'Mỗi mục ghi đè điểm danh của (trẻ, buổi). Buổi của hoạt động khác: 422 `session_not_in_activity`; trẻ chưa tham gia: 422 `not_a_participant`. Trả về danh sách tham gia.',
      access: write,
      params: IdParams,
      body: AttendanceRequest,
      response: ActivityParticipantList,
      handler: async (c) => ({
        items: await activities.recordAttendance(actorOf(c), c.params.id, c.body, c.meta),
      }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/activities/:id/outcomes',
      tags,
      summary: 'Ghi kết quả của trẻ (hoàn thành, bơi an toàn…) / record outcomes',
      description: 'Mỗi trường ghi đúng như gửi (null: xóa). Trẻ chưa tham gia: 422 `not_a_participant`.',
      access: write,
      params: IdParams,
      body: OutcomesRequest,
      response: ActivityParticipantList,
      handler: async (c) => ({
        items: await activities.recordOutcomes(actorOf(c), c.params.id, c.body, c.meta),
      }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/activities/:id/attendance-sheet',
      tags,
      summary: 'Tải danh sách điểm danh (Excel) / download the attendance sheet',
      description:
        'Một dòng mỗi trẻ, một cột mỗi buổi và các cột kết quả, để in hoặc ghi rồi tải lên lại. Cột «Mã trẻ» được ẩn.',
      access: read,
      params: IdParams,
      response: z.unknown(),
      produces: [XLSX],
      handler: async (c) => {
        const file = await sheets.download(actorOf(c), c.params.id);
        c.reply.type(XLSX).header('content-disposition', attachment(file.fileName));
        return file.body;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/activities/:id/attendance-sheet',
      tags,
      summary: 'Nhập điểm danh, kết quả từ danh sách Excel / import the filled-in sheet',
      description:
        'Thân yêu cầu là tệp .xlsx (tối đa 2 MB). Dòng được nhận theo «Mã trẻ», nếu không có thì theo họ tên và ngày sinh trong sổ của đơn vị; dòng không nhận ra hoặc nhận ra nhiều trẻ được báo, không đoán. Trẻ chưa tham gia được thêm. `dryRun=true` (mặc định) chỉ kiểm tra; `dryRun=false` ghi các dòng nhận ra trong một giao dịch.',
      access: write,
      params: IdParams,
      query: z.object({
        dryRun: z
          .enum(['true', 'false'])
          .default('true')
          .transform((v) => v === 'true'),
      }),
      consumes: { types: [XLSX, 'application/octet-stream'], maxBytes: ATTENDANCE_IMPORT_MAX_BYTES },
      idempotent: false,
      response: AttendanceImportReport,
      handler: async (c) =>
        sheets.import(actorOf(c), c.params.id, c.req.body as Buffer, c.query.dryRun, c.meta),
    }),
  ];
}
