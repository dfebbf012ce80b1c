import { Permission } from '@tuoitho/domain';

export type PermissionGroup =
  | 'admin'
  | 'registry'
  | 'cases'
  | 'benefits'
  | 'programmes'
  | 'inspections'
  | 'reports'
  | 'portal';

const groupOfPrefix: Record<string, PermissionGroup> = {
  units: 'admin',
  users: 'admin',
  roles: 'admin',
  audit: 'admin',
  catalogs: 'admin',
  registry: 'registry',
  cases: 'cases',
  benefits: 'benefits',
  programmes: 'programmes',
  activities: 'programmes',
  inspections: 'inspections',
  indicators: 'reports',
  reports: 'reports',
  portal: 'portal',
};

/** The role editor's group of a permission, by its prefix (`cases.write` → cases). */
export function permissionGroupOf(permission: Permission): PermissionGroup {
  return groupOfPrefix[permission.split('.')[0] ?? ''] ?? 'admin';
}

/** Every permission grouped for checkbox groups, in the order of the domain's enum. */
export function groupPermissions(
  permissions: readonly Permission[] = Permission.options,
): { group: PermissionGroup; permissions: Permission[] }[] {
  const groups = new Map<PermissionGroup, Permission[]>();
  for (const permission of permissions) {
    const group = permissionGroupOf(permission);
    groups.set(group, [...(groups.get(group) ?? []), permission]);
  }
  return [...groups.entries()].map(([group, members]) => ({ group, permissions: members }));
}
