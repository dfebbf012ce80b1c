import { z } from 'zod';

/**
 * Every permission of the system. Roles are configurable sets of these; the server checks them
 * together with the unit scope (a user acts only inside the subtree of their own unit).
 */
export const Permission = z.enum([
  'units.read',
  'users.read',
  'users.manage',
  'roles.manage',
  'audit.read',
  'catalogs.manage',
  'registry.read',
  'registry.write',
  'registry.education',
  'registry.health',
  'cases.read',
  'cases.content.read',
  'cases.write',
  'cases.approve',
  'benefits.read',
  'benefits.write',
  'benefits.approve',
  'programmes.read',
  'programmes.write',
  'activities.write',
  'inspections.read',
  'inspections.write',
  'inspections.respond',
  'childfriendly.assess',
  'childfriendly.review',
  'indicators.read',
  'reports.read',
  'portal.manage',
]);
export type Permission = z.infer<typeof Permission>;

/** Vietnamese and English labels of each permission, shown in the role editor. */
export const permissionLabels: Record<Permission, { vi: string; en: string }> = {
  'units.read': { vi: 'Xem đơn vị hành chính', en: 'View administrative units' },
  'users.read': { vi: 'Xem người dùng trong đơn vị', en: 'View users of the unit' },
  'users.manage': { vi: 'Quản lý người dùng', en: 'Manage users' },
  'roles.manage': { vi: 'Quản lý vai trò và quyền', en: 'Manage roles and permissions' },
  'audit.read': { vi: 'Xem nhật ký hệ thống', en: 'View audit log' },
  'catalogs.manage': { vi: 'Quản lý danh mục', en: 'Manage catalogues' },
  'registry.read': { vi: 'Xem sổ theo dõi trẻ em', en: 'View child registry' },
  'registry.write': { vi: 'Cập nhật sổ theo dõi trẻ em', en: 'Edit child registry' },
  'registry.education': { vi: 'Cập nhật thông tin giáo dục', en: 'Edit education fields' },
  'registry.health': { vi: 'Cập nhật thông tin y tế', en: 'Edit health fields' },
  'cases.read': { vi: 'Xem danh sách vụ việc', en: 'View case list' },
  'cases.content.read': { vi: 'Xem nội dung hồ sơ vụ việc', en: 'Read case content' },
  'cases.write': { vi: 'Xử lý vụ việc', en: 'Handle cases' },
  'cases.approve': { vi: 'Phê duyệt kế hoạch, quyết định', en: 'Approve plans and decisions' },
  'benefits.read': { vi: 'Xem chính sách hỗ trợ', en: 'View benefits' },
  'benefits.write': { vi: 'Cập nhật chi trả, hưởng chính sách', en: 'Edit enrolments and payments' },
  'benefits.approve': { vi: 'Phê duyệt hưởng chính sách', en: 'Approve benefits' },
  'programmes.read': { vi: 'Xem chương trình, hoạt động', en: 'View programmes' },
  'programmes.write': { vi: 'Quản lý chương trình', en: 'Manage programmes' },
  'activities.write': { vi: 'Cập nhật hoạt động, điểm danh', en: 'Record activities and attendance' },
  'inspections.read': { vi: 'Xem kiểm tra, giám sát', en: 'View inspections' },
  'inspections.write': { vi: 'Thực hiện kiểm tra, giám sát', en: 'Conduct inspections' },
  'inspections.respond': {
    vi: 'Trả lời kiến nghị sau kiểm tra của đơn vị',
    en: 'Answer the unit’s inspection recommendations',
  },
  'childfriendly.assess': {
    vi: 'Tự đánh giá xã, phường phù hợp với trẻ em',
    en: 'Self-assess as a child-friendly commune',
  },
  'childfriendly.review': {
    vi: 'Thẩm định, công nhận xã, phường phù hợp với trẻ em',
    en: 'Review and recognise child-friendly communes',
  },
  'indicators.read': { vi: 'Xem chỉ tiêu, thống kê', en: 'View indicators' },
  'reports.read': { vi: 'Lập báo cáo', en: 'Produce reports' },
  'portal.manage': { vi: 'Quản lý cổng thông tin', en: 'Manage public portal' },
};

/** Permissions that give access to case content: roles holding one may be required to use 2FA. */
export const sensitivePermissions: readonly Permission[] = ['cases.content.read'];

/** The system roles seeded on a new installation; administrators may edit their permissions. */
export const defaultRoles: ReadonlyArray<{
  code: string;
  nameVi: string;
  nameEn: string;
  permissions: Permission[];
}> = [
  {
    code: 'administrator',
    nameVi: 'Quản trị hệ thống',
    nameEn: 'Administrator',
    permissions: [
      'units.read',
      'users.read',
      'users.manage',
      'roles.manage',
      'audit.read',
      'catalogs.manage',
    ],
  },
  {
    code: 'province_officer',
    nameVi: 'Cán bộ cấp tỉnh',
    nameEn: 'Province officer',
    permissions: [
      'units.read',
      'users.read',
      'registry.read',
      'cases.read',
      // Reads a commune's case only by giving a reason, which goes to the read log.
      'cases.content.read',
      'benefits.read',
      'programmes.read',
      'programmes.write',
      'activities.write',
      'inspections.read',
      'inspections.write',
      'indicators.read',
      'reports.read',
      'childfriendly.review',
    ],
  },
  {
    code: 'commune_leader',
    nameVi: 'Lãnh đạo UBND cấp xã',
    nameEn: 'Commune leader',
    permissions: [
      'units.read',
      'users.read',
      'registry.read',
      'cases.read',
      'cases.content.read',
      'cases.approve',
      'benefits.read',
      'benefits.approve',
      'programmes.read',
      'indicators.read',
      'reports.read',
      'inspections.respond',
      'childfriendly.assess',
    ],
  },
  {
    code: 'child_protection_officer',
    nameVi: 'Cán bộ bảo vệ trẻ em cấp xã',
    nameEn: 'Commune child-protection officer',
    permissions: [
      'units.read',
      'users.read',
      'registry.read',
      'registry.write',
      'registry.education',
      'registry.health',
      'cases.read',
      'cases.content.read',
      'cases.write',
      'benefits.read',
      'benefits.write',
      'programmes.read',
      'activities.write',
      'indicators.read',
      'reports.read',
      'inspections.respond',
      'childfriendly.assess',
    ],
  },
  {
    code: 'inspector',
    nameVi: 'Thanh tra, kiểm tra',
    nameEn: 'Inspector',
    permissions: [
      'units.read',
      'inspections.read',
      'inspections.write',
      'indicators.read',
      'reports.read',
      'childfriendly.review',
    ],
  },
  {
    code: 'partner',
    nameVi: 'Tổ chức phối hợp',
    nameEn: 'Partner organisation',
    permissions: ['units.read', 'programmes.read', 'activities.write'],
  },
  {
    code: 'focal_point',
    nameVi: 'Đầu mối trường học, trạm y tế',
    nameEn: 'School or health focal point',
    permissions: ['units.read', 'registry.education', 'registry.health'],
  },
];
