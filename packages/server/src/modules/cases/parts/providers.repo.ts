import { type Kysely, sql, type Transaction } from 'kysely';
import { inScopeSql } from '../../../platform/auth/scope';
import type { DB } from '../../../platform/db/schema';
import type { Actor } from '../../../platform/http/route';

type Exec = Kysely<DB> | Transaction<DB>;

export type ProviderValues = {
  kind: string;
  name: string;
  address: string | null;
  phone: string | null;
  contact_person: string | null;
  note: string | null;
};

/** Every SQL statement of the service-provider directory. */
export class ProvidersRepo {
  constructor(private readonly db: Kysely<DB>) {}

  private base(exec: Exec) {
    return exec
      .selectFrom('service_provider as p')
      .innerJoin('admin_unit as u', 'u.id', 'p.unit_id')
      .select([
        'p.id',
        'p.unit_id',
        'p.kind',
        'p.name',
        'p.address',
        'p.phone',
        'p.contact_person',
        'p.note',
        'p.is_active',
        'p.version',
        'u.code as unit_code',
        'u.full_name as unit_name',
        'u.level as unit_level',
        sql<string>`u.path::text`.as('unit_path'),
      ]);
  }

  /**
   * The providers usable for a unit (its own and those of the units above it, i.e. the province),
   * or, without a unit, those of the actor's subtree and of the units above the actor's unit.
   */
  list(filter: { unitPath?: string; actor: Actor; kind?: string | undefined; includeInactive: boolean }) {
    let q = this.base(this.db);
    if (filter.unitPath) {
      q = q.where(sql<boolean>`u.path @> ${filter.unitPath}::ltree`);
    } else {
      q = q.where((eb) =>
        eb.or([inScopeSql('u.path', filter.actor), sql<boolean>`u.path @> ${filter.actor.unitPath}::ltree`]),
      );
    }
    if (filter.kind) q = q.where('p.kind', '=', filter.kind);
    if (!filter.includeInactive) q = q.where('p.is_active', '=', true);
    return q.orderBy(sql`nlevel(u.path)`, 'desc').orderBy('p.kind').orderBy('p.name').execute();
  }

  /** A provider whose unit lies in the actor's subtree (the ones the actor may manage). */
  findInScope(exec: Exec, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = this.base(exec).where('p.id', '=', id).where(inScopeSql('u.path', actor));
    if (opts.forUpdate) q = q.forUpdate('p');
    return q.executeTakeFirst();
  }

  /** A provider usable for a commune: its own or one of a unit above it. */
  findUsableFor(exec: Exec, id: string, communePath: string) {
    return this.base(exec)
      .where('p.id', '=', id)
      .where(sql<boolean>`u.path @> ${communePath}::ltree`)
      .executeTakeFirst();
  }

  async insert(tx: Transaction<DB>, unitId: number, values: ProviderValues, userId: string) {
    const row = await tx
      .insertInto('service_provider')
      .values({ ...values, unit_id: unitId, created_by: userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async update(tx: Transaction<DB>, id: string, values: Partial<ProviderValues> & { is_active?: boolean }) {
    await tx
      .updateTable('service_provider')
      .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }
}

export type ProviderRow = NonNullable<Awaited<ReturnType<ProvidersRepo['findInScope']>>>;
