import { describe, expect, it } from 'vitest';
import { navKeyForPath, visibleNavItems } from './navigation';

describe('navigation', () => {
  it('shows a partner only the overview, the programmes module with its pages, and units', () => {
    const keys = visibleNavItems(['units.read', 'programmes.read', 'activities.write']).map(
      (item) => item.key,
    );
    expect(keys).toEqual([
      'dashboard',
      'programmes',
      'activities',
      'planDocuments',
      'communications',
      'incidents',
      'facilities',
      'units',
    ]);
  });

  it('shows an administrator the administration pages but no case module', () => {
    const keys = visibleNavItems([
      'units.read',
      'users.read',
      'users.manage',
      'roles.manage',
      'audit.read',
    ]).map((item) => item.key);
    expect(keys).toEqual(['dashboard', 'units', 'users', 'roles', 'audit']);
  });

  it('matches nested paths to their menu item', () => {
    expect(navKeyForPath('/')).toBe('dashboard');
    expect(navKeyForPath('/users')).toBe('users');
    expect(navKeyForPath('/users/123')).toBe('users');
    expect(navKeyForPath('/children/new')).toBe('children');
    expect(navKeyForPath('/children/0b7c3f0e-7a4c-4f5e-9a61-2d3c8e1f4a10/edit')).toBe('children');
    expect(navKeyForPath('/profile')).toBeUndefined();
  });

  it('shows the transfers page below the children, to registry readers only', () => {
    const keys = visibleNavItems(['registry.read']).map((item) => item.key);
    expect(keys).toEqual(['dashboard', 'children', 'childTransfers']);
    expect(visibleNavItems(['registry.health']).map((item) => item.key)).toEqual(['dashboard', 'children']);
    expect(navKeyForPath('/children/transfers')).toBe('childTransfers');
    expect(navKeyForPath('/children/transfersx')).toBe('children');
  });
});
