import { defaultRoles } from '@tuoitho/domain';
import { sql } from 'kysely';
import { writeAuditInTx } from '../../platform/audit/audit';
import { hashPassword } from '../../platform/auth/passwords';
import type { AppContext } from '../../platform/context';
import { todayInVietnam } from '../../platform/time/today';
import { UsersRepo } from './users.repo';

/** The password of every demo user: demo mode only (the README says so). */
export const DEMO_PASSWORD = 'TuoiTho@2026';

/** Demo users of the default demo area: Thanh Hóa (38), former thị xã Bỉm Sơn. */
export const DEMO_USERS = [
  { username: 'admin', fullName: 'Quản trị hệ thống', unitCode: '38', roles: ['administrator'] },
  {
    username: 'tinh.thanhhoa',
    fullName: 'Lê Thị Hồng (Sở Y tế Thanh Hóa)',
    unitCode: '38',
    roles: ['province_officer'],
  },
  {
    username: 'bimson.lanhdao',
    fullName: 'Nguyễn Văn Bình (Chủ tịch UBND phường Bỉm Sơn)',
    unitCode: '14812',
    roles: ['commune_leader'],
  },
  {
    username: 'bimson.canbo',
    fullName: 'Trần Thị Mai (cán bộ phường Bỉm Sơn)',
    unitCode: '14812',
    roles: ['child_protection_officer'],
  },
  {
    username: 'quangtrung.canbo',
    fullName: 'Phạm Văn Hùng (cán bộ phường Quang Trung)',
    unitCode: '14818',
    roles: ['child_protection_officer'],
  },
  {
    username: 'quangtrung.lanhdao',
    fullName: 'Lê Văn Quang (Chủ tịch UBND phường Quang Trung)',
    unitCode: '14818',
    roles: ['commune_leader'],
  },
  {
    username: 'doitac.hoiphunu',
    fullName: 'Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa',
    unitCode: '38',
    roles: ['partner'],
  },
  {
    username: 'thanhtra.thanhhoa',
    fullName: 'Trịnh Văn Kiểm (Đoàn kiểm tra tỉnh)',
    unitCode: '38',
    roles: ['inspector'],
  },
] as const;

/** Inserts the system roles that are missing; never overwrites an administrator's edits. */
export async function ensureSystemRoles(ctx: Pick<AppContext, 'db'>): Promise<number> {
  let created = 0;
  await ctx.db.transaction().execute(async (tx) => {
    for (const role of defaultRoles) {
      const inserted = await tx
        .insertInto('role')
        .values({
          code: role.code,
          name_vi: role.nameVi,
          name_en: role.nameEn,
          permissions: role.permissions,
          is_system: true,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('code')
        .executeTakeFirst();
      if (inserted) {
        created++;
        await writeAuditInTx(
          tx,
          {},
          {
            action: 'role.create',
            entityType: 'role',
            entityId: role.code,
            after: { permissions: role.permissions },
          },
        );
      }
    }
  });
  return created;
}

/** Creates the demo users that do not exist yet (demo mode only); returns the usernames created. */
export async function seedDemoUsers(ctx: Pick<AppContext, 'db'>): Promise<string[]> {
  const repo = new UsersRepo(ctx.db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = todayInVietnam();
  const created: string[] = [];
  await ctx.db.transaction().execute(async (tx) => {
    for (const demo of DEMO_USERS) {
      if (await repo.findByUsername(tx, demo.username)) continue;
      const unit = await tx
        .selectFrom('admin_unit')
        .select('id')
        .where('code', '=', demo.unitCode)
        .where(
          sql<boolean>`(valid_from IS NULL OR valid_from <= ${today}::date) AND (valid_to IS NULL OR valid_to >= ${today}::date)`,
        )
        .executeTakeFirstOrThrow();
      const id = await repo.insert(tx, {
        username: demo.username,
        full_name: demo.fullName,
        email: null,
        phone: null,
        unit_id: unit.id,
        password_hash: passwordHash,
        must_change_password: false,
      });
      await repo.setRoles(tx, id, [...demo.roles]);
      await writeAuditInTx(
        tx,
        {},
        {
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          unitId: unit.id,
          after: {
            username: demo.username,
            unit_id: unit.id,
            roles: demo.roles,
            password_hash: passwordHash,
          },
          details: { source: 'seed-demo' },
        },
      );
      created.push(demo.username);
    }
  });
  return created;
}
