import { Permission, PermissionInfo, permissionLabels, Role, SaveRoleRequest } from '@tuoitho/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf, defineRoute } from '../../platform/http/route';
import { RolesService } from './roles.service';

const tags = ['Vai trò và quyền / Roles'];

export function rolesRoutes(ctx: AppContext) {
  const roles = new RolesService(ctx);
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/roles',
      tags,
      summary: 'Danh sách vai trò và quyền của từng vai trò / roles',
      access: { permission: 'users.read' },
      response: z.object({ items: z.array(Role) }),
      handler: async () => ({ items: await roles.listRoles() }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/roles',
      tags,
      summary: 'Tạo vai trò / create a role',
      access: { permission: 'roles.manage' },
      status: 201,
      body: SaveRoleRequest,
      response: Role,
      handler: async (c) => roles.createRole(actorOf(c), c.body, c.meta),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/v1/roles/:code',
      tags,
      summary: 'Sửa tên và tập quyền của vai trò / edit a role',
      access: { permission: 'roles.manage' },
      params: z.object({ code: z.string().max(64) }),
      body: SaveRoleRequest,
      response: Role,
      handler: async (c) => roles.updateRole(actorOf(c), c.params.code, c.body, c.meta),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/permissions',
      tags,
      summary: 'Danh mục quyền với nhãn tiếng Việt và tiếng Anh / the permission catalogue',
      access: { user: true },
      response: z.object({ items: z.array(PermissionInfo) }),
      handler: async () => ({
        items: Permission.options.map((code) => ({ code, ...permissionLabels[code] })),
      }),
    }),
  ];
}
