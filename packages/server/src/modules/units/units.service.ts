import type { Unit, UnitSearchQuery, UnitSuccessor, UnitWithPath } from '@tuoitho/domain';
import { notFound } from '../../platform/http/errors';
import type { Actor } from '../../platform/http/route';
import { todayInVietnam } from '../../platform/time/today';
import type { UnitRecord, UnitsRepo } from './units.repo';

/** The caller's province subtree (country.province), or the whole tree for a national user. */
const provincePathOf = (unitPath: string) => unitPath.split('.').slice(0, 2).join('.');

const publicUnit = ({ path: _path, ...unit }: UnitRecord): Unit => unit;

/**
 * Administrative units are public reference data: reading them is not scoped, but `roots` starts
 * the tree at the caller's own unit so that each user browses their own area.
 */
export class UnitsService {
  constructor(private readonly repo: UnitsRepo) {}

  /** The unit with a code at a date; throws 404 when no such unit was valid then. */
  async getUnit(code: string, at = todayInVietnam()): Promise<UnitRecord> {
    const unit = await this.repo.findByCode(code, at);
    if (!unit) throw notFound();
    return unit;
  }

  /** The unit with its ancestors. */
  async getUnitWithPath(code: string, at?: string): Promise<UnitWithPath> {
    const unit = await this.getUnit(code, at);
    const path = await this.repo.listPath(unit.path);
    return {
      ...publicUnit(unit),
      path: path.map((p) => ({ id: p.id, code: p.code, fullName: p.fullName, level: p.level })),
    };
  }

  /** Units directly below a unit. */
  async listChildren(code: string, at?: string): Promise<Unit[]> {
    const unit = await this.getUnit(code, at);
    return (await this.repo.listChildren(unit.id)).map(publicUnit);
  }

  /** A unit and its ancestors, root first. */
  async listPath(code: string, at?: string): Promise<Unit[]> {
    const unit = await this.getUnit(code, at);
    return (await this.repo.listPath(unit.path)).map(publicUnit);
  }

  /**
   * Where the caller's tree starts at a date: their own unit when it was valid then; before the
   * 2025 reform, the old units of the same level that were merged into it.
   */
  async listRoots(actor: Actor, at = todayInVietnam()): Promise<Unit[]> {
    const own = await this.repo.findById(actor.unitId);
    if (!own) throw notFound();
    const validThen = (!own.validFrom || own.validFrom <= at) && (!own.validTo || own.validTo >= at);
    if (validThen) return [publicUnit(own)];
    return (await this.repo.listPredecessorsWithin(own.path, own.level)).map(publicUnit);
  }

  /**
   * Search by name ignoring diacritics and case ("bim son" finds Phường Bỉm Sơn); units of the
   * caller's province come before same-named units elsewhere.
   */
  async search(query: UnitSearchQuery, actor?: Actor): Promise<UnitWithPath[]> {
    const at = query.at ?? todayInVietnam();
    const within = query.within ? await this.getUnit(query.within, at) : undefined;
    const found = await this.repo.search({
      q: query.q,
      at,
      limit: query.limit,
      ...(query.level ? { level: query.level } : {}),
      ...(within ? { withinPath: within.path } : {}),
      ...(actor ? { nearPath: provincePathOf(actor.unitPath) } : {}),
    });
    const ancestors = new Map((await this.repo.listPaths(found.map((u) => u.path))).map((a) => [a.id, a]));
    return found.map((unit) => ({
      ...publicUnit(unit),
      path: unit.path
        .split('.')
        .map((label) => ancestors.get(Number(label.slice(1))))
        .filter((a): a is UnitRecord => a !== undefined)
        .map((a) => ({ id: a.id, code: a.code, fullName: a.fullName, level: a.level })),
    }));
  }

  /** The current units an old code (valid until 30/06/2025) maps to, with area/population shares. */
  async listSuccessors(code: string): Promise<UnitSuccessor[]> {
    const old = await this.getUnit(code, '2025-06-30');
    const rows = await this.repo.listSuccessors(old.id);
    const result: UnitSuccessor[] = [];
    for (const row of rows) {
      const target = await this.repo.findById(row.new_unit_id);
      if (!target) continue;
      result.push({
        oldUnit: publicUnit(old),
        newUnit: publicUnit(target),
        relation: row.relation,
        area: row.area,
        population: row.population,
        oldSplitInto: row.old_split_into,
        note: row.note,
      });
    }
    return result;
  }
}
