import type {
  CfAssessmentScore,
  CfAssessmentValue,
  CfCatalogue,
  CfIndicator,
  CfIndicatorEntry,
  CfValueInput,
} from '@tuoitho/domain';

/**
 * Pure helpers of the assessment form: what the form holds for each indicator, the scoring
 * entries the domain's `scoreAssessment` takes (so the browser scores live exactly as the server
 * does), the request that saves it, and "what is missing" for the commune to pass.
 */

/** What the form holds for one indicator. */
export interface CfDraftEntry {
  /** `bands`: the percent or count; for a system indicator, the assessor's replacement figure. */
  value: number | null;
  /** `yes_no`: the answer. */
  yes: boolean | null;
  /** `manual`: the points given. */
  points: number | null;
  /**
   * The system measured this indicator: the form shows its figure, and `value` is only a
   * replacement. A system indicator the system has no figure for is entered like any other.
   */
  hasSystemFigure: boolean;
  /** The assessor replaces the system figure (and must say why in `note`). */
  isOverridden: boolean;
  note: string;
  evidenceNote: string;
}

export type CfDraft = Record<string, CfDraftEntry>;

export const isSystemIndicator = (indicator: CfIndicator) =>
  indicator.source === 'system' && indicator.rule.kind === 'bands';

/** True when the indicator's figure comes from the system (and may only be replaced with a reason). */
const followsSystem = (indicator: CfIndicator, entry: CfDraftEntry | undefined) =>
  isSystemIndicator(indicator) && (entry?.hasSystemFigure ?? false);

const indicatorsOf = (catalogue: CfCatalogue) => catalogue.criteria.flatMap((c) => c.indicators);

/** The form's starting point: what is saved for each indicator of the assessment's catalogue. */
export function draftOf(catalogue: CfCatalogue, values: readonly CfAssessmentValue[]): CfDraft {
  const byCode = new Map(values.map((value) => [value.code, value]));
  const draft: CfDraft = {};
  for (const indicator of indicatorsOf(catalogue)) {
    const saved = byCode.get(indicator.code);
    const hasSystemFigure = isSystemIndicator(indicator) && Boolean(saved?.system);
    const isOverridden = hasSystemFigure && (saved?.overridden ?? false);
    draft[indicator.code] = {
      value: hasSystemFigure && !isOverridden ? null : (saved?.value ?? null),
      yes: saved?.yes ?? null,
      points: indicator.rule.kind === 'manual' ? (saved?.points ?? null) : null,
      hasSystemFigure,
      isOverridden,
      note: saved?.note ?? '',
      evidenceNote: saved?.evidenceNote ?? '',
    };
  }
  return draft;
}

/**
 * The figure a system indicator is scored with: the assessor's replacement once a number is
 * typed, otherwise the system's. A denominator of 0 (nothing to measure, e.g. no abuse case in
 * the year) counts as "no case", which some indicators score in full — as the server scores it.
 */
function systemEntry(
  entry: CfDraftEntry | undefined,
  saved: CfAssessmentValue | undefined,
): CfIndicatorEntry {
  if (entry?.isOverridden && entry.value !== null) return { value: entry.value };
  const system = saved?.system ?? null;
  if (!system) return { value: null };
  return system.denominator === 0 ? { value: system.value, noCase: true } : { value: system.value };
}

/** The entries `scoreAssessment` takes, from the form and the saved system figures. */
export function entriesOf(
  catalogue: CfCatalogue,
  draft: CfDraft,
  values: readonly CfAssessmentValue[],
): Record<string, CfIndicatorEntry> {
  const byCode = new Map(values.map((value) => [value.code, value]));
  const entries: Record<string, CfIndicatorEntry> = {};
  for (const indicator of indicatorsOf(catalogue)) {
    const entry = draft[indicator.code];
    if (followsSystem(indicator, entry)) {
      entries[indicator.code] = systemEntry(entry, byCode.get(indicator.code));
      continue;
    }
    switch (indicator.rule.kind) {
      case 'yes_no':
        entries[indicator.code] = { yes: entry?.yes ?? null };
        break;
      case 'manual':
        entries[indicator.code] = { points: entry?.points ?? null };
        break;
      case 'bands':
        entries[indicator.code] = { value: entry?.value ?? null };
        break;
    }
  }
  return entries;
}

const textOrNull = (text: string) => (text.trim() ? text.trim() : null);

/** The values of `PUT /assessments/{id}`: a system indicator sends null to keep the system figure. */
export function valuesToSave(catalogue: CfCatalogue, draft: CfDraft): CfValueInput[] {
  return indicatorsOf(catalogue).map((indicator) => {
    const entry = draft[indicator.code];
    const isSystem = followsSystem(indicator, entry);
    const kind = indicator.rule.kind;
    const isOverride = isSystem && (entry?.isOverridden ?? false);
    return {
      code: indicator.code,
      value: kind === 'bands' && (!isSystem || isOverride) ? (entry?.value ?? null) : null,
      yes: kind === 'yes_no' ? (entry?.yes ?? null) : null,
      points: kind === 'manual' ? (entry?.points ?? null) : null,
      note: isSystem && !isOverride ? null : textOrNull(entry?.note ?? ''),
      evidenceNote: textOrNull(entry?.evidenceNote ?? ''),
    };
  });
}

/** Codes of the system indicators whose figure is replaced without a number or without a reason. */
export function overridesWithoutReason(catalogue: CfCatalogue, draft: CfDraft): string[] {
  return indicatorsOf(catalogue)
    .filter((indicator) => {
      const entry = draft[indicator.code];
      return (
        followsSystem(indicator, entry) && entry?.isOverridden && (entry.value === null || !entry.note.trim())
      );
    })
    .map((indicator) => indicator.code);
}

/** True when the form differs from what is saved. */
export function isDraftChanged(catalogue: CfCatalogue, draft: CfDraft, saved: CfDraft): boolean {
  return JSON.stringify(valuesToSave(catalogue, draft)) !== JSON.stringify(valuesToSave(catalogue, saved));
}

export interface CfShortfall {
  /** Criteria above 0 but under their pass points, with the points they lack. */
  notMet: Array<{ number: number; points: number; passPoints: number; short: number }>;
  /** Criteria at 0: the commune cannot pass whatever its total. */
  atZero: number[];
  /** Points the total lacks to reach the threshold of the unit's category; 0 when reached. */
  totalShort: number;
  /** Indicators with nothing entered yet, by criterion. */
  missing: Array<{ number: number; codes: string[] }>;
}

/** What keeps the commune from passing, from a score. */
export function shortfallOf(score: CfAssessmentScore): CfShortfall {
  return {
    notMet: score.criteria
      .filter((c) => c.points > 0 && !c.met)
      .map((c) => ({
        number: c.number,
        points: c.points,
        passPoints: c.passPoints,
        short: c.passPoints - c.points,
      })),
    atZero: score.criteria.filter((c) => c.points === 0).map((c) => c.number),
    totalShort: Math.max(0, score.threshold - score.total),
    missing: score.criteria
      .map((c) => ({
        number: c.number,
        codes: c.indicators.filter((i) => i.missing).map((i) => i.code),
      }))
      .filter((c) => c.codes.length > 0),
  };
}

/** True when nothing keeps the commune from passing. */
export const isShortfallEmpty = (shortfall: CfShortfall) =>
  shortfall.notMet.length === 0 &&
  shortfall.atZero.length === 0 &&
  shortfall.totalShort === 0 &&
  shortfall.missing.length === 0;
