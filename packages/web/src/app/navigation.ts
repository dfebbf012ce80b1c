import type { Permission } from '@tuoitho/domain';

export type NavKey =
  | 'dashboard'
  | 'children'
  | 'childTransfers'
  | 'cases'
  | 'caseProviders'
  | 'benefits'
  | 'benefitCatalogue'
  | 'programmes'
  | 'planDocuments'
  | 'activities'
  | 'communications'
  | 'incidents'
  | 'facilities'
  | 'inspections'
  | 'childFriendly'
  | 'reports'
  | 'units'
  | 'users'
  | 'roles'
  | 'audit'
  | 'holidays';

export interface NavItem {
  key: NavKey;
  path: string;
  group: 'work' | 'admin';
  /** Shown when the user holds any of these; an empty list means every signed-in user. */
  anyOf: readonly Permission[];
  /** False for modules not built yet: they appear disabled with a "Sắp có" tag. */
  isAvailable: boolean;
  /** A page of another module, shown just below it (indented) in the menu. */
  parent?: NavKey;
}

/** The modules of the back office in menu order. */
export const navItems: readonly NavItem[] = [
  { key: 'dashboard', path: '/', group: 'work', anyOf: [], isAvailable: true },
  {
    key: 'children',
    path: '/children',
    group: 'work',
    anyOf: ['registry.read', 'registry.education', 'registry.health'],
    isAvailable: true,
  },
  {
    key: 'childTransfers',
    path: '/children/transfers',
    group: 'work',
    anyOf: ['registry.read'],
    isAvailable: true,
    parent: 'children',
  },
  { key: 'cases', path: '/cases', group: 'work', anyOf: ['cases.read'], isAvailable: true },
  {
    key: 'caseProviders',
    path: '/cases/providers',
    group: 'work',
    anyOf: ['cases.read', 'catalogs.manage'],
    isAvailable: true,
    parent: 'cases',
  },
  { key: 'benefits', path: '/benefits', group: 'work', anyOf: ['benefits.read'], isAvailable: true },
  {
    key: 'benefitCatalogue',
    path: '/benefits/catalogue',
    group: 'work',
    anyOf: ['benefits.read', 'catalogs.manage'],
    isAvailable: true,
    parent: 'benefits',
  },
  {
    key: 'programmes',
    path: '/programmes',
    group: 'work',
    anyOf: ['programmes.read', 'activities.write'],
    isAvailable: true,
  },
  {
    key: 'activities',
    path: '/activities',
    group: 'work',
    anyOf: ['programmes.read', 'activities.write'],
    isAvailable: true,
    parent: 'programmes',
  },
  {
    key: 'planDocuments',
    path: '/documents',
    group: 'work',
    anyOf: ['programmes.read'],
    isAvailable: true,
    parent: 'programmes',
  },
  {
    key: 'communications',
    path: '/communications',
    group: 'work',
    anyOf: ['programmes.read', 'activities.write'],
    isAvailable: true,
    parent: 'programmes',
  },
  {
    key: 'incidents',
    path: '/incidents',
    group: 'work',
    anyOf: ['programmes.read', 'registry.write'],
    isAvailable: true,
    parent: 'programmes',
  },
  {
    key: 'facilities',
    path: '/facilities',
    group: 'work',
    anyOf: ['programmes.read', 'activities.write'],
    isAvailable: true,
    parent: 'programmes',
  },
  {
    key: 'inspections',
    path: '/inspections',
    group: 'work',
    anyOf: ['inspections.read', 'inspections.respond'],
    isAvailable: true,
  },
  {
    key: 'childFriendly',
    path: '/child-friendly',
    group: 'work',
    anyOf: ['childfriendly.assess', 'childfriendly.review', 'inspections.read', 'catalogs.manage'],
    isAvailable: true,
  },
  {
    key: 'reports',
    path: '/reports',
    group: 'work',
    anyOf: ['reports.read', 'indicators.read'],
    isAvailable: false,
  },
  { key: 'units', path: '/units', group: 'admin', anyOf: ['units.read'], isAvailable: true },
  { key: 'users', path: '/users', group: 'admin', anyOf: ['users.read'], isAvailable: true },
  { key: 'roles', path: '/roles', group: 'admin', anyOf: ['users.read', 'roles.manage'], isAvailable: true },
  { key: 'audit', path: '/audit', group: 'admin', anyOf: ['audit.read'], isAvailable: true },
  { key: 'holidays', path: '/holidays', group: 'admin', anyOf: ['catalogs.manage'], isAvailable: true },
];

/** True when a user with these permissions may see the item. */
export function isNavItemAllowed(item: NavItem, permissions: readonly Permission[]): boolean {
  return item.anyOf.length === 0 || item.anyOf.some((permission) => permissions.includes(permission));
}

/** The items a user may see, in menu order. */
export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return navItems.filter((item) => isNavItemAllowed(item, permissions));
}

/** The menu key that matches a location (`/users/123` selects "users"). */
export function navKeyForPath(pathname: string): NavKey | undefined {
  const match = navItems
    .filter((item) => item.path !== '/' && (pathname === item.path || pathname.startsWith(`${item.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (match) return match.key;
  return pathname === '/' ? 'dashboard' : undefined;
}
