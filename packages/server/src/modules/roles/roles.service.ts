import { type Permission, type Role, type SaveRoleRequest, sensitivePermissions } from '@tuoitho/domain';
import { writeAuditInTx } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import { invalidField, notFound, versionConflict } from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import { RolesRepo } from './roles.repo';

type RoleRow = Awaited<ReturnType<RolesRepo['listRoles']>>[number];

/** Roles are configurable permission sets; system roles can be edited but not removed. */
export class RolesService {
  private readonly repo: RolesRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new RolesRepo(ctx.db);
  }

  private toRole(r: RoleRow): Role {
    const permissions = r.permissions as Permission[];
    return {
      code: r.code,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      permissions,
      isSystem: r.is_system,
      requiresMfa: this.ctx.config.mfaEnforced && permissions.some((p) => sensitivePermissions.includes(p)),
      version: r.version,
    };
  }

  /** All roles. */
  async listRoles(): Promise<Role[]> {
    return (await this.repo.listRoles()).map((r) => this.toRole(r));
  }

  /** Creates a role. */
  async createRole(actor: Actor, input: SaveRoleRequest, meta: RequestMeta): Promise<Role> {
    if (!input.code) throw invalidField('body.code', 'role_code_required');
    const code = input.code;
    const permissions = [...new Set(input.permissions)].sort();
    await this.ctx.db.transaction().execute(async (tx) => {
      if (await this.repo.findRole(tx, code)) throw invalidField('body.code', 'role_exists', 409);
      await this.repo.insertRole(tx, { code, name_vi: input.nameVi, name_en: input.nameEn, permissions });
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'role.create',
          entityType: 'role',
          entityId: code,
          unitId: actor.unitId,
          after: { name_vi: input.nameVi, name_en: input.nameEn, permissions },
        },
      );
    });
    return this.getRole(code);
  }

  /** Changes a role's names and permission set (optimistic concurrency on `version`). */
  async updateRole(actor: Actor, code: string, input: SaveRoleRequest, meta: RequestMeta): Promise<Role> {
    const permissions = [...new Set(input.permissions)].sort();
    await this.ctx.db.transaction().execute(async (tx) => {
      const current = await this.repo.findRole(tx, code, { forUpdate: true });
      if (!current) throw notFound();
      if (input.version === undefined || current.version !== input.version) throw versionConflict();
      const changes = { name_vi: input.nameVi, name_en: input.nameEn, permissions };
      if (!(await this.repo.updateRole(tx, code, input.version, changes))) throw versionConflict();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'role.update',
          entityType: 'role',
          entityId: code,
          unitId: actor.unitId,
          before: { name_vi: current.name_vi, name_en: current.name_en, permissions: current.permissions },
          after: changes,
        },
      );
    });
    return this.getRole(code);
  }

  private async getRole(code: string): Promise<Role> {
    const row = await this.repo.findRole(this.ctx.db, code);
    if (!row) throw notFound();
    return this.toRole(row);
  }
}
