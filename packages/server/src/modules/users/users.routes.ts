import {
  CreateUserRequest,
  Page,
  ResetPasswordRequest,
  UpdateUserRequest,
  User,
  UserListQuery,
  VersionRequest,
} from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf, defineRoute } from '../../platform/http/route';
import { UsersService } from './users.service';

const IdParams = z.object({ id: z.uuid() });
const tags = ['Người dùng / Users'];
const manage = { permission: 'users.manage' } as const;

export function usersRoutes(ctx: AppContext) {
  const users = new UsersService(ctx);
  /** The small state-change actions share one shape: `{version}` in, the updated user out. */
  const action = (suffix: string, summary: string, run: (svc: UsersService) => typeof svc.deactivateUser) =>
    defineRoute({
      method: 'POST',
      url: `/api/v1/users/:id/${suffix}`,
      tags,
      summary,
      access: manage,
      params: IdParams,
      body: VersionRequest,
      response: User,
      handler: async (c) => run(users).call(users, actorOf(c), c.params.id, c.body.version, c.meta),
    });

  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/users',
      tags,
      summary: 'Danh sách người dùng trong phạm vi đơn vị / users in the caller’s subtree',
      access: { permission: 'users.read' },
      query: UserListQuery,
      response: Page(User),
      handler: async (c) => users.listUsers(actorOf(c), c.query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/users',
      tags,
      summary: 'Tạo người dùng / create a user',
      description:
        'Đơn vị phải nằm trong phạm vi quản lý. Người dùng phải đổi mật khẩu khi đăng nhập lần đầu.',
      access: manage,
      status: 201,
      body: CreateUserRequest,
      response: User,
      handler: async (c) => users.createUser(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/users/:id',
      tags,
      summary: 'Thông tin một người dùng / one user',
      access: { permission: 'users.read' },
      params: IdParams,
      response: User,
      handler: async (c) => users.getUser(actorOf(c), c.params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/users/:id',
      tags,
      summary: 'Sửa người dùng: họ tên, liên hệ, đơn vị, vai trò / edit a user',
      description: 'Gửi kèm `version`; nếu dữ liệu đã bị thay đổi, trả về 409.',
      access: manage,
      params: IdParams,
      body: UpdateUserRequest,
      response: User,
      handler: async (c) => users.updateUser(actorOf(c), c.params.id, c.body, c.meta),
    }),
    action('deactivate', 'Khóa tài khoản (kết thúc mọi phiên) / deactivate', (s) => s.deactivateUser),
    action('activate', 'Mở lại tài khoản / reactivate', (s) => s.activateUser),
    action('unlock', 'Mở khóa sau khi đăng nhập sai nhiều lần / lift a lockout', (s) => s.unlockUser),
    action('mfa/reset', 'Hủy xác thực hai lớp (mất điện thoại) / reset 2FA', (s) => s.resetMfa),
    defineRoute({
      method: 'POST',
      url: '/api/v1/users/:id/reset-password',
      tags,
      summary: 'Đặt mật khẩu tạm; người dùng phải đổi khi đăng nhập / set a temporary password',
      access: manage,
      params: IdParams,
      body: ResetPasswordRequest,
      response: User,
      handler: async (c) =>
        users.resetPassword(actorOf(c), c.params.id, c.body.version, c.body.newPassword, c.meta),
    }),
  ];
}
