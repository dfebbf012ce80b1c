import {
  type FundingSource,
  formatVnd,
  formatVndEn,
  type ProgrammeBudgetLine,
  type ProgrammeIndicatorCode,
  type ProgrammeTargetInput,
  programmeIndicators,
  type TargetDirection,
  type TargetInput,
} from '@tuoitho/domain';

export type Language = 'vi' | 'en';

/** A measured figure as officers read it: 12.5 → "12,5" (Vietnamese) or "12.5" (English). */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A value with its unit of measure: "12,5 %", "3 trẻ em"; null when there is no value. */
export function formatMeasure(
  value: number | null,
  unitOfMeasure: string,
  language: Language,
): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const unit = unitOfMeasure.trim();
  return unit ? `${formatNumber(value, language)} ${unit}` : formatNumber(value, language);
}

/** A target with its year, as in the plan: "50 % (2025)"; "≤ 10 trẻ em (2030)" for an upper limit. */
export function formatGoal(
  target: { direction: TargetDirection; target: number; unitOfMeasure: string; year: number },
  language: Language,
): string {
  const measure = formatMeasure(target.target, target.unitOfMeasure, language) ?? '';
  return `${target.direction === 'at_most' ? '≤ ' : ''}${measure} (${target.year})`;
}

/** Money in whole đồng: "1.250.000 đ" or "1,250,000 VND". */
export function formatMoney(amount: number, language: Language): string {
  const rounded = Math.round(amount);
  return language === 'en' ? formatVndEn(rounded) : formatVnd(rounded);
}

const countUnits: Partial<Record<ProgrammeIndicatorCode, { vi: string; en: string }>> = {
  drowning_deaths: { vi: 'trẻ em', en: 'children' },
  child_injuries: { vi: 'trẻ em', en: 'children' },
  activities_held: { vi: 'hoạt động', en: 'activities' },
  children_reached: { vi: 'lượt', en: 'participations' },
  life_skills_completed: { vi: 'trẻ em', en: 'children' },
  officers_trained: { vi: 'lượt', en: 'officers' },
  communication_reach: { vi: 'lượt người', en: 'people' },
};

/**
 * What a target takes from its indicator when one is chosen: the indicator's name, its usual
 * direction and unit of measure ("%" for a share). The officer may change them afterwards.
 */
export function targetDefaultsFor(
  code: ProgrammeIndicatorCode,
  language: Language,
): Pick<TargetInput, 'label' | 'direction' | 'unitOfMeasure'> {
  const indicator = programmeIndicators[code];
  return {
    label: indicator.label[language],
    direction: indicator.direction,
    unitOfMeasure: indicator.measure === 'percent' ? '%' : (countUnits[code]?.[language] ?? ''),
  };
}

/** A target row of the forms: every field may still be empty while it is typed. */
export interface TargetFormValue {
  id?: string | undefined;
  indicatorCode?: ProgrammeIndicatorCode | null | undefined;
  label?: string | undefined;
  direction?: TargetDirection | undefined;
  value?: number | null | undefined;
  unitOfMeasure?: string | undefined;
  year?: number | null | undefined;
  baselineYear?: number | null | undefined;
  manualValue?: number | null | undefined;
  manualNote?: string | null | undefined;
}

/** The document's part of a target (documents record no value by hand). */
export function targetToRequest(row: TargetFormValue): TargetInput {
  return {
    indicatorCode: row.indicatorCode ?? null,
    label: (row.label ?? '').trim(),
    direction: row.direction ?? 'at_least',
    value: row.value ?? 0,
    unitOfMeasure: (row.unitOfMeasure ?? '').trim(),
    year: row.year ?? 0,
    baselineYear: row.baselineYear ?? null,
  };
}

/** A programme's target: a target without an indicator code carries the value entered by hand. */
export function programmeTargetToRequest(row: TargetFormValue): ProgrammeTargetInput & { id?: string } {
  const isManual = !row.indicatorCode;
  const note = row.manualNote?.trim();
  return {
    ...(row.id ? { id: row.id } : {}),
    ...targetToRequest(row),
    manualValue: isManual ? (row.manualValue ?? null) : null,
    manualNote: isManual && note ? note : null,
  };
}

export interface BudgetFormValue {
  year?: number | null | undefined;
  source?: FundingSource | undefined;
  planned?: number | null | undefined;
  spent?: number | null | undefined;
}

/** Budget rows as the API takes them; rows without a year or a source are left out. */
export function budgetToRequest(rows: readonly BudgetFormValue[]): ProgrammeBudgetLine[] {
  return rows.flatMap((row) =>
    row.year && row.source
      ? [{ year: row.year, source: row.source, planned: row.planned ?? 0, spent: row.spent ?? 0 }]
      : [],
  );
}

/** Indexes of budget rows that repeat a year and source already given above them. */
export function duplicateBudgetRows(rows: readonly BudgetFormValue[]): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  rows.forEach((row, index) => {
    if (!row.year || !row.source) return;
    const key = `${row.year}:${row.source}`;
    if (seen.has(key)) duplicates.push(index);
    seen.add(key);
  });
  return duplicates;
}

/** Planned and spent money summed over the years, by source in the catalogue's order. */
export function budgetTotalsBySource(
  lines: readonly ProgrammeBudgetLine[],
  sources: readonly FundingSource[],
): Array<{ source: FundingSource; planned: number; spent: number }> {
  return sources.flatMap((source) => {
    const ofSource = lines.filter((line) => line.source === source);
    if (ofSource.length === 0) return [];
    return [
      {
        source,
        planned: ofSource.reduce((sum, line) => sum + line.planned, 0),
        spent: ofSource.reduce((sum, line) => sum + line.spent, 0),
      },
    ];
  });
}

/** Years offered by the year filters: from 2013 (the first year of data) to next year, newest first. */
export function filterYears(thisYear: number, firstYear = 2013): number[] {
  const years: number[] = [];
  for (let year = thisYear + 1; year >= firstYear; year -= 1) years.push(year);
  return years;
}

/** The period of a programme: "2021–2030", or one year. */
export function formatPeriod(yearFrom: number, yearTo: number): string {
  return yearFrom === yearTo ? String(yearFrom) : `${yearFrom}–${yearTo}`;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The Content-Type sent with a document file: the browser's when it knows one, else from the
 * extension (some systems give none for .docx). The server sniffs the content anyway.
 */
export function documentContentType(fileName: string, browserType: string): string {
  if (browserType) return browserType;
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.pdf')) return 'application/pdf';
  if (lower.endsWith('.docx')) return DOCX_TYPE;
  return 'application/octet-stream';
}

/** A file size for people: "850 KB", "2,4 MB". */
export function formatFileSize(bytes: number, language: Language): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), language)} KB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, language)} MB`;
}

/**
 * The ECharts option of a target's trend: the yearly values as a line (gaps where a year has no
 * value) and the target as a dashed mark line.
 */
export function trendChartOption(
  series: ReadonlyArray<{ year: number; value: number | null }>,
  target: number,
  unitOfMeasure: string,
  language: Language,
): Record<string, unknown> {
  const unit = unitOfMeasure.trim();
  const values = [target, ...series.flatMap((point) => (point.value === null ? [] : [point.value]))];
  // Shares stay on a 0–100 scale; a change against a baseline may go below zero.
  const isShare = unit === '%' && values.every((value) => value >= 0 && value <= 100);
  return {
    animation: false,
    grid: { left: 8, right: 12, top: 14, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) =>
        typeof value === 'number' ? (formatMeasure(value, unit, language) ?? '') : '—',
    },
    xAxis: { type: 'category', data: series.map((point) => String(point.year)), axisLabel: { fontSize: 10 } },
    yAxis: {
      type: 'value',
      min: Math.min(0, ...values),
      max: isShare ? 100 : undefined,
      splitNumber: 2,
      axisLabel: { fontSize: 10 },
    },
    series: [
      {
        type: 'line',
        data: series.map((point) => point.value),
        connectNulls: false,
        symbolSize: 5,
        lineStyle: { width: 2, color: '#0b6a73' },
        itemStyle: { color: '#0b6a73' },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { type: 'dashed', color: '#d46b08' },
          data: [{ yAxis: target }],
        },
      },
    ],
  };
}
