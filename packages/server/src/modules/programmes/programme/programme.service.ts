import type {
  CreateProgrammeRequest,
  Programme,
  ProgrammeList,
  ProgrammeQuery,
  ProgrammeTarget,
  UpdateProgrammeRequest,
} from '@tuoitho/domain';
import { writeAuditInTx } from '../../../platform/audit/audit';
import { isInScope } from '../../../platform/auth/scope';
import type { AppContext } from '../../../platform/context';
import { invalidField, notFound, outOfScope, versionConflict } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import {
  assertReadable,
  assertWritable,
  type Exec,
  findCurrentUnit,
  isInScopeOrAbove,
  unitInScope,
} from '../scope';
import {
  findProgrammeRow,
  findUnitsByCode,
  insertProgramme,
  linkedDocumentIds,
  listProgrammeRows,
  loadProgrammeParts,
  type ProgrammeParts,
  type ProgrammeRow,
  programmeTargets,
  readableDocumentIds,
  replaceProgrammeLinks,
  syncTargets,
  type TargetRow,
  updateProgrammeRow,
} from './programme.repo';

type ProgrammeFields = Omit<UpdateProgrammeRequest, 'version' | 'targets'> & {
  targets: (CreateProgrammeRequest['targets'][number] & { id?: string | undefined })[];
};

/** A programme target as the API shows it. */
export function toProgrammeTarget(t: TargetRow): ProgrammeTarget {
  return {
    id: t.id,
    indicatorCode: t.indicator_code as ProgrammeTarget['indicatorCode'],
    label: t.label,
    direction: t.direction,
    value: Number(t.target_value),
    unitOfMeasure: t.unit_of_measure,
    year: t.target_year,
    baselineYear: t.baseline_year,
    manualValue: t.manual_value === null ? null : Number(t.manual_value),
    manualNote: t.manual_note,
  };
}

function toProgramme(actor: Actor, row: ProgrammeRow, parts: ProgrammeParts): Programme {
  return {
    id: row.id,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    kind: row.kind as Programme['kind'],
    name: row.name,
    theme: row.theme,
    yearFrom: row.year_from,
    yearTo: row.year_to,
    description: row.description,
    leadOrganisation: row.lead_organisation,
    partnerOrganisations: row.partner_organisations,
    units: parts.units.get(row.id) ?? [],
    documents: parts.documents.get(row.id) ?? [],
    targets: (parts.targets.get(row.id) ?? []).map(toProgrammeTarget),
    budget: parts.budget.get(row.id) ?? [],
    activityCount: parts.activityCounts.get(row.id) ?? 0,
    canEdit: actor.permissions.has('programmes.write') && isInScope(actor, row.unit_path),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const rowValues = (input: ProgrammeFields) => ({
  kind: input.kind,
  name: input.name,
  theme: input.theme,
  year_from: input.yearFrom,
  year_to: input.yearTo,
  description: input.description,
  lead_organisation: input.leadOrganisation,
  partner_organisations: input.partnerOrganisations,
});

/** What the audit row keeps of a programme: its fields, links and targets, no personal data. */
const auditView = (input: ProgrammeFields) => ({
  ...rowValues(input),
  unitCodes: [...input.unitCodes].sort(),
  documentIds: [...input.documentIds].sort(),
  targets: input.targets.map((t) => ({
    code: t.indicatorCode,
    value: t.value,
    year: t.year,
    label: t.label,
  })),
  budget: input.budget,
});

const encodeCursor = (row: ProgrammeRow) => `${row.year_from}_${row.id}`;
function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const match = /^(\d{4})_([0-9a-f-]{36})$/i.exec(cursor);
  if (!match) throw invalidField('query.cursor', 'invalid_cursor');
  return { yearFrom: Number(match[1]), id: match[2] as string };
}

/** Programmes: their targets, budget by year and source, participating units and documents. */
export class ProgrammesService {
  constructor(private readonly ctx: AppContext) {}

  /** The programmes of the caller's subtree and of the units above it. */
  async listProgrammes(actor: Actor, query: ProgrammeQuery): Promise<ProgrammeList> {
    let unitPath: string | undefined;
    if (query.unit) {
      const unit = await findCurrentUnit(this.ctx.db, query.unit);
      if (!unit) throw invalidField('query.unit', 'unit_not_found', 422);
      if (!isInScopeOrAbove(actor, unit.path)) throw outOfScope();
      unitPath = unit.path;
    }
    const rows = await listProgrammeRows(
      this.ctx.db,
      actor,
      {
        ...(query.q ? { q: query.q } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.year !== undefined ? { year: query.year } : {}),
        ...(unitPath ? { unitPath } : {}),
      },
      query.limit + 1,
      decodeCursor(query.cursor),
    );
    const page = rows.slice(0, query.limit);
    const parts = await loadProgrammeParts(
      this.ctx.db,
      actor,
      page.map((r) => r.id),
    );
    const last = page.at(-1);
    return {
      items: page.map((row) => toProgramme(actor, row, parts)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }

  /** One programme the caller reads (404 otherwise). */
  async getProgramme(actor: Actor, id: string, exec: Exec = this.ctx.db): Promise<Programme> {
    const row = await findProgrammeRow(exec, id);
    if (!row) throw notFound();
    assertReadable(actor, row.unit_path, true);
    return toProgramme(actor, row, await loadProgrammeParts(exec, actor, [id]));
  }

  /** Records a programme of a unit in the caller's subtree. */
  async createProgramme(actor: Actor, input: CreateProgrammeRequest, meta: RequestMeta): Promise<Programme> {
    const unit = await unitInScope(this.ctx.db, actor, input.unit, 'body.unit');
    const unitIds = await this.participatingUnits(this.ctx.db, unit.path, input.unitCodes);
    const documentIds = await this.checkDocuments(this.ctx.db, actor, input.documentIds, []);
    checkBudget(input.budget);
    const id = await this.ctx.db.transaction().execute(async (tx) => {
      const programmeId = await insertProgramme(tx, {
        ...rowValues(input),
        unit_id: unit.id,
        created_by: actor.userId,
      });
      await replaceProgrammeLinks(tx, programmeId, {
        unitIds,
        documentIds,
        budget: input.budget,
      });
      await syncTargets(tx, programmeId, input.targets);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'programme.create',
          entityType: 'programme',
          entityId: programmeId,
          unitId: unit.id,
          after: auditView(input),
        },
      );
      return programmeId;
    });
    return this.getProgramme(actor, id);
  }

  /**
   * Changes a programme of the caller's subtree at `version` (409 if it moved on): targets with
   * an id are kept, new ones added, missing ones removed; units, documents and budget replaced.
   */
  async updateProgramme(
    actor: Actor,
    id: string,
    input: UpdateProgrammeRequest,
    meta: RequestMeta,
  ): Promise<Programme> {
    checkBudget(input.budget);
    await this.ctx.db.transaction().execute(async (tx) => {
      const row = await findProgrammeRow(tx, id, { forUpdate: true });
      if (!row) throw notFound();
      assertReadable(actor, row.unit_path, true);
      assertWritable(actor, row.unit_path);
      if (row.version !== input.version) throw versionConflict();
      const before = auditView(await this.fieldsOf(tx, actor, row));
      const unitIds = await this.participatingUnits(tx, row.unit_path, input.unitCodes);
      const linked = await linkedDocumentIds(tx, id);
      const documentIds = await this.checkDocuments(tx, actor, input.documentIds, linked);
      const existing = await programmeTargets(tx, id);
      const known = new Set(existing.map((t) => t.id));
      if (input.targets.some((t) => t.id && !known.has(t.id)))
        throw invalidField('body.targets', 'target_not_in_programme', 422);
      if (
        !(await updateProgrammeRow(tx, id, input.version, { ...rowValues(input), updated_by: actor.userId }))
      )
        throw versionConflict();
      await replaceProgrammeLinks(tx, id, { unitIds, documentIds, budget: input.budget });
      await syncTargets(tx, id, input.targets);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'programme.update',
          entityType: 'programme',
          entityId: id,
          unitId: row.unit_id,
          before,
          after: auditView(input),
        },
      );
    });
    return this.getProgramme(actor, id);
  }

  /** A stored programme as the fields of a request, to compare in the audit row. */
  private async fieldsOf(exec: Exec, actor: Actor, row: ProgrammeRow): Promise<ProgrammeFields> {
    const [parts, documentIds] = await Promise.all([
      loadProgrammeParts(exec, actor, [row.id]),
      linkedDocumentIds(exec, row.id),
    ]);
    return {
      kind: row.kind as Programme['kind'],
      name: row.name,
      theme: row.theme,
      yearFrom: row.year_from,
      yearTo: row.year_to,
      description: row.description,
      leadOrganisation: row.lead_organisation,
      partnerOrganisations: row.partner_organisations,
      unitCodes: (parts.units.get(row.id) ?? []).map((u) => u.code),
      documentIds,
      targets: (parts.targets.get(row.id) ?? []).map(toProgrammeTarget),
      budget: parts.budget.get(row.id) ?? [],
    };
  }

  /** The ids of the participating units; each must be a current unit inside the running unit. */
  private async participatingUnits(exec: Exec, programmePath: string, codes: string[]): Promise<number[]> {
    const unique = [...new Set(codes)];
    const units = await findUnitsByCode(exec, unique);
    const inside = units.filter((u) => u.path === programmePath || u.path.startsWith(`${programmePath}.`));
    if (inside.length !== unique.length)
      throw invalidField('body.unitCodes', 'unit_not_in_programme_unit', 422);
    return inside.map((u) => u.id);
  }

  /** Newly linked documents must be readable by the caller; links already there may stay. */
  private async checkDocuments(
    exec: Exec,
    actor: Actor,
    ids: string[],
    alreadyLinked: string[],
  ): Promise<string[]> {
    const unique = [...new Set(ids)];
    const added = unique.filter((id) => !alreadyLinked.includes(id));
    const readable = await readableDocumentIds(exec, actor, added);
    if (added.some((id) => !readable.has(id)))
      throw invalidField('body.documentIds', 'document_not_readable', 422);
    return unique;
  }
}

function checkBudget(budget: { year: number; source: string }[]) {
  const keys = new Set(budget.map((b) => `${b.year}:${b.source}`));
  if (keys.size !== budget.length) throw invalidField('body.budget', 'budget_line_repeated', 422);
}
