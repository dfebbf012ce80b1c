import {
  type AddCasePersonRequest,
  type CasePerson,
  CasePersonDetails,
  type CasePersonList,
  formatVnDateTime,
} from '@tuoitho/domain';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import { invalidField, notFound } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { CaseAccess, casePartProblem } from './case-access';
import { CasePartsRepo } from './case-parts.repo';

type PersonRow = Awaited<ReturnType<CasePartsRepo['listPeople']>>[number];

/** The people involved in a case: other children, caregivers, alleged perpetrators, others. */
export class CasePeopleService {
  private readonly repo: CasePartsRepo;
  private readonly access: CaseAccess;

  constructor(private readonly ctx: AppContext) {
    this.repo = new CasePartsRepo();
    this.access = new CaseAccess(ctx);
  }

  /** The current people of a case (removed ones with `includeRemoved`); the read is logged. */
  async listPeople(
    actor: Actor,
    caseId: string,
    query: { includeRemoved: boolean; readReason?: string | undefined },
    meta: RequestMeta,
  ): Promise<CasePersonList> {
    const { includeRemoved, readReason } = query;
    await this.access.forRead(this.ctx.db, actor, caseId, meta, 'case_people', readReason);
    const rows = await this.repo.listPeople(this.ctx.db, caseId, { includeRemoved });
    return { items: rows.map((row) => this.toPerson(row)) };
  }

  /** Adds a person, or a registered child of the subtree (role `child`), to a case. */
  async addPerson(
    actor: Actor,
    caseId: string,
    input: AddCasePersonRequest,
    meta: RequestMeta,
  ): Promise<CasePerson> {
    if (input.childId && input.role !== 'child')
      throw invalidField('body.childId', 'case_person_child_id_role');
    if (!input.childId && !input.fullName) throw invalidField('body.fullName', 'case_person_name_required');
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const kase = await this.access.forWrite(tx, actor, caseId);
      if (kase.status === 'closed') throw casePartProblem('case_part_case_closed', meta);
      let childName: string | undefined;
      if (input.childId) {
        if (input.childId === kase.child_id) throw invalidField('body.childId', 'case_person_same_child');
        const child = await this.access.findChildInScope(tx, actor, input.childId);
        if (!child) throw invalidField('body.childId', 'child_not_found');
        childName = await this.repo.childName(tx, child.id);
      }
      const details = CasePersonDetails.parse({
        fullName: input.fullName ?? childName,
        relationship: input.relationship ?? null,
        yearOfBirth: input.yearOfBirth ?? null,
        phone: input.phone ?? null,
        address: input.address ?? null,
        note: input.note ?? null,
      });
      const personId = await this.repo.insertPerson(tx, {
        case_id: caseId,
        role: input.role,
        child_id: input.childId ?? null,
        details_encrypted: this.ctx.secrets.encrypt(JSON.stringify(details)),
        created_by: actor.userId,
      });
      // Facts only: the person's details stay encrypted.
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'case.person.add',
          entityType: 'case_person',
          entityId: personId,
          unitId: kase.unit_id,
          after: { caseId, role: input.role, childId: input.childId ?? null },
        },
      );
      return personId;
    });
    return this.getPerson(caseId, id);
  }

  /** Removes a person from a case; the row is kept, marked removed. */
  async removePerson(actor: Actor, caseId: string, personId: string, meta: RequestMeta): Promise<CasePerson> {
    await this.ctx.db.transaction().execute(async (tx) => {
      const kase = await this.access.forWrite(tx, actor, caseId);
      const removed = await this.repo.removePerson(tx, caseId, personId, actor.userId);
      if (!removed) throw notFound();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'case.person.remove',
          entityType: 'case_person',
          entityId: personId,
          unitId: kase.unit_id,
          before: { removed: false },
          after: { removed: true },
          details: { caseId, role: removed.role },
        },
      );
    });
    return this.getPerson(caseId, personId);
  }

  private async getPerson(caseId: string, id: string): Promise<CasePerson> {
    const [row] = await this.repo.listPeople(this.ctx.db, caseId, { id, includeRemoved: true });
    if (!row) throw notFound();
    return this.toPerson(row);
  }

  private toPerson(row: PersonRow): CasePerson {
    const details = CasePersonDetails.parse(JSON.parse(this.ctx.secrets.decrypt(row.details_encrypted)));
    return {
      id: row.id,
      role: row.role,
      child:
        row.child_id && row.child_name
          ? { id: row.child_id, fullName: row.child_name, dateOfBirth: String(row.child_date_of_birth) }
          : null,
      fullName: details.fullName,
      relationship: details.relationship ?? null,
      yearOfBirth: details.yearOfBirth ?? null,
      phone: details.phone ?? null,
      address: details.address ?? null,
      note: details.note ?? null,
      createdAt: formatVnDateTime(row.created_at),
      removedAt: row.removed_at ? formatVnDateTime(row.removed_at) : null,
    };
  }
}
