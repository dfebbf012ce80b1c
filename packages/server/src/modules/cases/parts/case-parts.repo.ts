import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema';

type Exec = Kysely<DB> | Transaction<DB>;
type ReferralStatus = 'pending' | 'accepted' | 'declined' | 'done';

/**
 * Every SQL statement of the people, referrals and placements of a case. Callers have already
 * checked that the case lies in the actor's scope; each query is keyed by the case id so a part
 * of another case is never answered.
 */
export class CasePartsRepo {
  // People -----------------------------------------------------------------------------------

  listPeople(exec: Exec, caseId: string, opts: { id?: string; includeRemoved?: boolean } = {}) {
    let q = exec
      .selectFrom('case_person as p')
      .leftJoin('child as c', 'c.id', 'p.child_id')
      .select([
        'p.id',
        'p.role',
        'p.child_id',
        'p.details_encrypted',
        'p.created_at',
        'p.removed_at',
        'c.full_name as child_name',
        'c.date_of_birth as child_date_of_birth',
      ])
      .where('p.case_id', '=', caseId);
    if (opts.id) q = q.where('p.id', '=', opts.id);
    if (!opts.includeRemoved) q = q.where('p.removed_at', 'is', null);
    return q.orderBy('p.created_at').orderBy('p.id').execute();
  }

  async insertPerson(
    tx: Transaction<DB>,
    values: {
      case_id: string;
      role: 'child' | 'caregiver' | 'alleged_perpetrator' | 'other';
      child_id: string | null;
      details_encrypted: string;
      created_by: string;
    },
  ): Promise<string> {
    const row = await tx.insertInto('case_person').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** Marks a current person removed; answers the row, or undefined if none matched. */
  removePerson(tx: Transaction<DB>, caseId: string, id: string, userId: string) {
    return tx
      .updateTable('case_person')
      .set({ removed_at: new Date(), removed_by: userId })
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .returning(['id', 'role'])
      .executeTakeFirst();
  }

  async childName(exec: Exec, childId: string): Promise<string | undefined> {
    const row = await exec
      .selectFrom('child')
      .select('full_name')
      .where('id', '=', childId)
      .executeTakeFirst();
    return row?.full_name;
  }

  // Referrals --------------------------------------------------------------------------------

  listReferrals(exec: Exec, caseId: string, opts: { id?: string; forUpdate?: boolean } = {}) {
    let q = exec
      .selectFrom('case_referral as r')
      .innerJoin('service_provider as p', 'p.id', 'r.provider_id')
      .innerJoin('admin_unit as u', 'u.id', 'p.unit_id')
      .select([
        'r.id',
        'r.status',
        'r.reason_encrypted',
        'r.referred_at',
        'r.referred_by',
        'r.responded_at',
        'r.done_at',
        'r.version',
        'p.id as provider_id',
        'p.name as provider_name',
        'p.kind as provider_kind',
        'p.phone as provider_phone',
        'u.full_name as provider_unit_name',
      ])
      .where('r.case_id', '=', caseId);
    if (opts.id) q = q.where('r.id', '=', opts.id);
    if (opts.forUpdate) q = q.forUpdate('r');
    return q.orderBy('r.referred_at').orderBy('r.id').execute();
  }

  listReferralEvents(exec: Exec, referralIds: string[]) {
    if (referralIds.length === 0) return Promise.resolve([]);
    return exec
      .selectFrom('case_referral_event')
      .select(['referral_id', 'status', 'note_encrypted', 'at', 'by'])
      .where('referral_id', 'in', referralIds)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }

  async insertReferral(
    tx: Transaction<DB>,
    values: { case_id: string; provider_id: string; reason_encrypted: string; referred_by: string },
  ): Promise<string> {
    const row = await tx
      .insertInto('case_referral')
      .values({ ...values, status: 'pending' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async insertReferralEvent(
    tx: Transaction<DB>,
    values: { referral_id: string; status: ReferralStatus; note_encrypted: string | null; by: string },
  ): Promise<void> {
    await tx.insertInto('case_referral_event').values(values).execute();
  }

  async setReferralStatus(tx: Transaction<DB>, id: string, status: ReferralStatus, at: Date): Promise<void> {
    await tx
      .updateTable('case_referral')
      .set({
        status,
        version: sql`version + 1`,
        ...(status === 'done' ? { done_at: at } : { responded_at: at }),
      })
      .where('id', '=', id)
      .execute();
  }

  // Placements -------------------------------------------------------------------------------

  listPlacements(exec: Exec, caseId: string, opts: { id?: string; forUpdate?: boolean } = {}) {
    let q = exec
      .selectFrom('case_placement as pl')
      .leftJoin('service_provider as p', 'p.id', 'pl.provider_id')
      .select([
        'pl.id',
        'pl.kind',
        'pl.provider_id',
        'pl.carer_encrypted',
        'pl.art63',
        'pl.start_date',
        'pl.planned_end_date',
        'pl.end_date',
        'pl.end_reason_encrypted',
        'pl.version',
        'p.name as provider_name',
        'p.kind as provider_kind',
      ])
      .where('pl.case_id', '=', caseId);
    if (opts.id) q = q.where('pl.id', '=', opts.id);
    if (opts.forUpdate) q = q.forUpdate('pl');
    return q.orderBy('pl.start_date').orderBy('pl.created_at').execute();
  }

  listVisits(exec: Exec, placementIds: string[]) {
    if (placementIds.length === 0) return Promise.resolve([]);
    return exec
      .selectFrom('case_placement_visit')
      .select(['id', 'placement_id', 'visited_on', 'notes_encrypted', 'by', 'at'])
      .where('placement_id', 'in', placementIds)
      .orderBy('visited_on')
      .orderBy('at')
      .execute();
  }

  async hasCurrentPlacement(exec: Exec, caseId: string): Promise<boolean> {
    const row = await exec
      .selectFrom('case_placement')
      .select('id')
      .where('case_id', '=', caseId)
      .where('end_date', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insertPlacement(
    tx: Transaction<DB>,
    values: {
      case_id: string;
      kind: 'kinship' | 'non_relative_family' | 'facility';
      provider_id: string | null;
      carer_encrypted: string | null;
      art63: string | null;
      start_date: string;
      planned_end_date: string | null;
      created_by: string;
    },
  ): Promise<string> {
    const row = await tx
      .insertInto('case_placement')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async insertVisit(
    tx: Transaction<DB>,
    values: { placement_id: string; visited_on: string; notes_encrypted: string; by: string },
  ): Promise<string> {
    const row = await tx
      .insertInto('case_placement_visit')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async endPlacement(
    tx: Transaction<DB>,
    id: string,
    endDate: string,
    reasonEncrypted: string,
  ): Promise<void> {
    await tx
      .updateTable('case_placement')
      .set({ end_date: endDate, end_reason_encrypted: reasonEncrypted, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
  }
}
