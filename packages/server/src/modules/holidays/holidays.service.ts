import {
  caseErrorMessages,
  createHolidayCalendar,
  defaultHolidayYear,
  type HolidayCalendar,
  HolidayYear,
  type HolidayYearView,
  type SaveHolidayYearRequest,
} from '@tuoitho/domain';
import { writeAuditInTx } from '../../platform/audit/audit';
import type { AppContext } from '../../platform/context';
import { AppError, type FieldError, notFound, versionConflict } from '../../platform/http/errors';
import type { Actor, RequestMeta } from '../../platform/http/route';
import type { FieldMessageCode } from '../../platform/i18n/messages';
import { type Exec, holidaysRepo } from './holidays.repo';

type StoredRow = NonNullable<Awaited<ReturnType<typeof holidaysRepo.findYear>>>;

/** A stored row parsed back into the domain type, so that drift fails loudly. */
function yearOf(row: StoredRow): HolidayYear {
  return HolidayYear.parse({ year: row.year, days: row.days, source: row.source, verified: row.verified });
}

function viewOf(row: StoredRow | undefined, year: number): HolidayYearView {
  if (!row) return { ...defaultHolidayYear(year), isDefault: true, version: null, updatedAt: null };
  return { ...yearOf(row), isDefault: false, version: row.version, updatedAt: row.updated_at.toISOString() };
}

/**
 * The working-day calendar for the case clocks: the years stored by an administrator replace the
 * default rules for those years; every other year (asked for or not) follows the default rules.
 */
export async function loadHolidayCalendar(exec: Exec, years: number[]): Promise<HolidayCalendar> {
  const rows = await holidaysRepo.findYears(exec, [...new Set(years)]);
  return createHolidayCalendar(rows.map(yearOf));
}

const HOLIDAY_FIELD_CODES = new Set<string>([
  'holiday_date_year',
  'holiday_date_repeated',
  'holiday_working_weekend',
]);

/** 422 with the domain's messages when a year breaks its own rules (date outside it, date twice…). */
function parseYear(year: number, input: SaveHolidayYearRequest, meta: RequestMeta): HolidayYear {
  const parsed = HolidayYear.safeParse({
    year,
    days: input.days,
    source: input.source,
    verified: input.verified,
  });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const reason = issues
    .map(
      (issue) =>
        caseErrorMessages[issue.message as keyof typeof caseErrorMessages]?.[meta.lang] ?? issue.message,
    )
    .join('; ');
  const fieldErrors: FieldError[] = issues
    .filter((issue) => HOLIDAY_FIELD_CODES.has(issue.message))
    .map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      code: issue.message as FieldMessageCode,
    }));
  throw new AppError(422, 'holiday_rule', { reason }, fieldErrors);
}

/** The yearly calendar of public holidays, edited by catalogue managers. */
export class HolidaysService {
  constructor(private readonly ctx: AppContext) {}

  /** The stored year, else the one computed by the default rules. */
  async getYear(year: number): Promise<HolidayYearView> {
    return viewOf(await holidaysRepo.findYear(this.ctx.db, year), year);
  }

  /** Stores a whole year (version 0 the first time); 409 on a stale version, audited in the same tx. */
  async saveYear(actor: Actor, year: number, input: SaveHolidayYearRequest, meta: RequestMeta) {
    const data = parseYear(year, input, meta);
    return this.ctx.db.transaction().execute(async (tx) => {
      const before = await holidaysRepo.findYear(tx, year, { forUpdate: true });
      if ((before?.version ?? 0) !== input.version) throw versionConflict();
      const row = before
        ? await holidaysRepo.updateYear(tx, data, input.version, actor.userId)
        : await holidaysRepo.insertYear(tx, data, actor.userId);
      if (!row) throw versionConflict();
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: before ? 'holiday_year.update' : 'holiday_year.create',
          entityType: 'holiday_year',
          entityId: String(year),
          ...(before ? { before: auditFields(yearOf(before)) } : {}),
          after: auditFields(data),
        },
      );
      return viewOf(row, year);
    });
  }

  /** Removes a stored year: the default rules apply again. 404 when nothing is stored. */
  async deleteYear(actor: Actor, year: number, version: number | undefined, meta: RequestMeta) {
    return this.ctx.db.transaction().execute(async (tx) => {
      const before = await holidaysRepo.findYear(tx, year, { forUpdate: true });
      if (!before) throw notFound();
      if (version !== undefined && version !== before.version) throw versionConflict();
      await holidaysRepo.deleteYear(tx, year);
      await writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'holiday_year.delete',
          entityType: 'holiday_year',
          entityId: String(year),
          before: auditFields(yearOf(before)),
        },
      );
      return viewOf(undefined, year);
    });
  }
}

/** What the audit row keeps of a year: the days themselves (public facts, nothing personal). */
function auditFields(year: HolidayYear) {
  return { days: year.days, source: year.source, verified: year.verified };
}
