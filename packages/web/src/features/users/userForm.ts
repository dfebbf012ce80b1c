import type { CreateUserRequest, UpdateUserRequest, User } from '@tuoitho/domain';

/** What the user form edits; empty optional fields are empty strings in the form. */
export interface UserFormValues {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  unitId?: number;
  roles: string[];
  password?: string;
}

export const userFormFields = [
  'username',
  'fullName',
  'email',
  'phone',
  'unitId',
  'roles',
  'password',
] as const;

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function userToFormValues(user: User): UserFormValues {
  return {
    username: user.username,
    fullName: user.fullName,
    email: user.email ?? '',
    phone: user.phone ?? '',
    unitId: user.unit.id,
    roles: user.roles,
  };
}

export function toCreateRequest(values: UserFormValues): CreateUserRequest {
  return {
    username: values.username.trim(),
    fullName: values.fullName.trim(),
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
    unitId: values.unitId ?? 0,
    roles: values.roles,
    password: values.password ?? '',
  };
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** Only the changed fields, with the version read, for optimistic concurrency. */
export function toUpdateRequest(user: User, values: UserFormValues): UpdateUserRequest {
  const request: UpdateUserRequest = { version: user.version };
  const fullName = values.fullName.trim();
  if (fullName !== user.fullName) request.fullName = fullName;
  const email = blankToNull(values.email);
  if (email !== user.email) request.email = email;
  const phone = blankToNull(values.phone);
  if (phone !== user.phone) request.phone = phone;
  if (values.unitId !== undefined && values.unitId !== user.unit.id) request.unitId = values.unitId;
  if (!sameRoles(values.roles, user.roles)) request.roles = values.roles;
  return request;
}
