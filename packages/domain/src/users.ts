import { z } from 'zod';
import { IsoDateTime, PageQuery } from './common';
import { Permission } from './permissions';

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'username' });

/** Id of an administrative unit (a PostgreSQL integer: larger values cannot exist). */
const UnitId = z.number().int().positive().max(2_147_483_647);

/** What the caller may do with an entity; computed by the server, read by the UI. */
export const UserAbilities = z.object({
  canEdit: z.boolean(),
  canDeactivate: z.boolean(),
  canResetPassword: z.boolean(),
});

export const User = z
  .object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    unit: z.object({ id: z.number().int(), code: z.string(), fullName: z.string() }),
    roles: z.array(z.string()).describe('role codes'),
    isActive: z.boolean(),
    mfaEnabled: z.boolean(),
    lockedUntil: IsoDateTime.nullable(),
    lastLoginAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.number().int(),
    abilities: UserAbilities,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

const Email = z.email({ message: 'email' }).max(200);
const Phone = z
  .string()
  .trim()
  .regex(/^(\+84|0)\d{9,10}$/, { message: 'phone' });

export const CreateUserRequest = z
  .object({
    username: Username,
    fullName: z.string().trim().min(1).max(200),
    email: Email.nullish(),
    phone: Phone.nullish(),
    unitId: UnitId,
    roles: z.array(z.string().min(1).max(64)).min(1).max(10),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({
    version: z.number().int(),
    fullName: z.string().trim().min(1).max(200).optional(),
    email: Email.nullish(),
    phone: Phone.nullish(),
    unitId: UnitId.optional(),
    roles: z.array(z.string().min(1).max(64)).min(1).max(10).optional(),
  })
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordRequest = z.object({
  version: z.number().int(),
  newPassword: z.string().min(1).max(256),
});
export const VersionRequest = z.object({ version: z.number().int() });

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  unitId: z.coerce.number().pipe(UnitId).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const Role = z
  .object({
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    permissions: z.array(Permission),
    isSystem: z.boolean(),
    requiresMfa: z.boolean().describe('true when the role reads case content and 2FA is enforced'),
    version: z.number().int(),
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

export const SaveRoleRequest = z
  .object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]{2,63}$/, { message: 'role_code' })
      .optional(),
    nameVi: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().min(1).max(100),
    permissions: z.array(Permission).max(100),
    version: z.number().int().optional(),
  })
  .meta({ id: 'SaveRoleRequest' });
export type SaveRoleRequest = z.infer<typeof SaveRoleRequest>;

export const PermissionInfo = z.object({ code: Permission, vi: z.string(), en: z.string() });

export const AuditEntry = z
  .object({
    id: z.string(),
    occurredAt: IsoDateTime,
    actorUsername: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    diff: z.unknown(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListQuery = PageQuery.extend({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
});
