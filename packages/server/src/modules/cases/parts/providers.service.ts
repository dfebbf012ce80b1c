import {
  type CreateServiceProviderRequest,
  type ServiceProvider,
  type ServiceProviderKind,
  type ServiceProviderList,
  type ServiceProviderListQuery,
  type UpdateServiceProviderRequest,
  vietnamToday,
} from '@tuoitho/domain';
import { writeAuditInTx } from '../../../platform/audit/audit';
import { isInScope } from '../../../platform/auth/scope';
import type { AppContext } from '../../../platform/context';
import { forbidden, invalidField, notFound, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { UnitsRepo } from '../../units/units.repo';
import { type ProviderRow, ProvidersRepo, type ProviderValues } from './providers.repo';

/**
 * Who may manage a directory entry: a commune entry of the subtree with `cases.write` or
 * `catalogs.manage`; a province entry (it serves every commune of the province) only with
 * `catalogs.manage`.
 */
export function canManageProvider(actor: Actor, unit: { level: string; path: string }): boolean {
  if (!isInScope(actor, unit.path)) return false;
  if (actor.permissions.has('catalogs.manage')) return unit.level === 'commune' || unit.level === 'province';
  return unit.level === 'commune' && actor.permissions.has('cases.write');
}

export function toServiceProvider(actor: Actor, row: ProviderRow): ServiceProvider {
  return {
    id: row.id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    unitLevel: row.unit_level === 'province' ? 'province' : 'commune',
    kind: row.kind as ServiceProviderKind,
    name: row.name,
    address: row.address,
    phone: row.phone,
    contactPerson: row.contact_person,
    note: row.note,
    isActive: row.is_active,
    version: row.version,
    canEdit: canManageProvider(actor, { level: row.unit_level, path: row.unit_path }),
  };
}

/** The directory of organisations a case can refer a child to (public organisations, in clear). */
export class ProvidersService {
  private readonly repo: ProvidersRepo;
  private readonly units: UnitsRepo;

  constructor(private readonly ctx: AppContext) {
    this.repo = new ProvidersRepo(ctx.db);
    this.units = new UnitsRepo(ctx.db);
  }

  /** The providers usable for a commune (its own and its province's), or those around the caller. */
  async listProviders(actor: Actor, query: ServiceProviderListQuery): Promise<ServiceProviderList> {
    if (!actor.permissions.has('cases.read') && !actor.permissions.has('catalogs.manage')) throw forbidden();
    let unitPath: string | undefined;
    if (query.unit) {
      const unit = await this.units.findByCode(query.unit, vietnamToday());
      if (!unit) throw invalidField('query.unit', 'unit_not_found');
      // A unit of the subtree, or one above the caller (whose providers the caller uses too).
      const isAbove = actor.unitPath.startsWith(`${unit.path}.`);
      if (!isInScope(actor, unit.path) && !isAbove)
        throw invalidField('query.unit', 'unit_out_of_scope', 403);
      unitPath = unit.path;
    }
    const rows = await this.repo.list({
      actor,
      kind: query.kind,
      includeInactive: query.includeInactive,
      ...(unitPath ? { unitPath } : {}),
    });
    return { items: rows.map((row) => toServiceProvider(actor, row)) };
  }

  /** Adds an entry for a commune or a province of the caller's subtree. */
  async createProvider(
    actor: Actor,
    input: CreateServiceProviderRequest,
    meta: RequestMeta,
  ): Promise<ServiceProvider> {
    if (!actor.permissions.has('cases.write') && !actor.permissions.has('catalogs.manage')) throw forbidden();
    const unit = await this.units.findByCode(input.unitCode, vietnamToday());
    if (!unit) throw invalidField('body.unitCode', 'unit_not_found');
    if (unit.level !== 'commune' && unit.level !== 'province') {
      throw invalidField('body.unitCode', 'provider_unit_level');
    }
    if (!isInScope(actor, unit.path)) throw invalidField('body.unitCode', 'unit_out_of_scope', 403);
    if (!canManageProvider(actor, unit))
      throw invalidField('body.unitCode', 'provider_province_needs_catalogs', 403);
    const values = valuesOf(input);
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const providerId = await this.repo.insert(tx, unit.id, values, actor.userId);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'service_provider.create',
          entityType: 'service_provider',
          entityId: providerId,
          unitId: unit.id,
          after: { ...values, unitCode: unit.code },
        },
      );
      return providerId;
    });
    return this.getProvider(actor, id);
  }

  /** Changes an entry at the version read (stale → 409). */
  async updateProvider(
    actor: Actor,
    id: string,
    input: UpdateServiceProviderRequest,
    meta: RequestMeta,
  ): Promise<ServiceProvider> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await this.repo.findInScope(tx, actor, id, { forUpdate: true });
      if (!row) throw notFound();
      if (!canManageProvider(actor, { level: row.unit_level, path: row.unit_path })) throw forbidden();
      if (row.version !== input.version) throw versionConflict();
      const changes: Partial<ProviderValues> & { is_active?: boolean } = {};
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.name !== undefined) changes.name = input.name;
      if (input.address !== undefined) changes.address = input.address || null;
      if (input.phone !== undefined) changes.phone = input.phone || null;
      if (input.contactPerson !== undefined) changes.contact_person = input.contactPerson || null;
      if (input.note !== undefined) changes.note = input.note || null;
      if (input.isActive !== undefined) changes.is_active = input.isActive;
      await this.repo.update(tx, id, changes);
      const before = Object.fromEntries(
        Object.keys(changes).map((key) => [key, row[key as keyof ProviderRow]]),
      );
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'service_provider.update',
          entityType: 'service_provider',
          entityId: id,
          unitId: row.unit_id,
          before,
          after: changes,
        },
      );
    });
    return this.getProvider(actor, id);
  }

  private async getProvider(actor: Actor, id: string): Promise<ServiceProvider> {
    const row = await this.repo.findInScope(this.ctx.db, actor, id);
    if (!row) throw notFound();
    return toServiceProvider(actor, row);
  }
}

function valuesOf(input: CreateServiceProviderRequest): ProviderValues {
  return {
    kind: input.kind,
    name: input.name,
    address: input.address || null,
    phone: input.phone || null,
    contact_person: input.contactPerson || null,
    note: input.note || null,
  };
}
