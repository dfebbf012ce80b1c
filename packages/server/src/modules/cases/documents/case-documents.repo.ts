import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../platform/db/schema';

/** The SQL of the case documents: the child, the commune and the unit above it, user names. */
export class CaseDocumentsRepo {
  constructor(private readonly db: Kysely<DB>) {}

  /** The parties a form names; call only after the case's scope check. */
  findCaseParties(caseId: string) {
    return this.db
      .selectFrom('child_case as k')
      .innerJoin('admin_unit as u', 'u.id', 'k.unit_id')
      .leftJoin('admin_unit as parent', 'parent.id', 'u.parent_id')
      .leftJoin('admin_unit as province', (join) =>
        join.on('province.level', '=', 'province').on(sql<boolean>`u.path <@ province.path`),
      )
      .innerJoin('child as c', 'c.id', 'k.child_id')
      .select([
        'k.id',
        'k.unit_id',
        'k.case_number',
        'k.received_at',
        'u.full_name as unit_full_name',
        'parent.full_name as parent_full_name',
        'province.name as province_name',
        'c.full_name as child_name',
        'c.date_of_birth as child_date_of_birth',
        'c.sex as child_sex',
        'c.village as child_village',
        'c.address as child_address',
      ])
      .where('k.id', '=', caseId)
      .executeTakeFirst();
  }

  /** Display names of users by id. */
  async userNames(ids: string[]): Promise<Record<string, string>> {
    if (ids.length === 0) return {};
    const rows = await this.db
      .selectFrom('app_user')
      .select(['id', 'full_name'])
      .where('id', 'in', ids)
      .execute();
    return Object.fromEntries(rows.map((row) => [row.id, row.full_name]));
  }
}
