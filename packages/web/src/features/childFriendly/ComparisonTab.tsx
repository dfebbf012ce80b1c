import { type CfComparison, cfAssessmentStatusLabels } from '@tuoitho/domain';
import { Empty, Flex, Segmented, Select, Switch, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayInVietnam } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { labelOf } from '../children/childText';
import { EChart } from '../outreach/charts/EChart';
import { yearsDescending } from '../outreach/outreachCharts';
import { useCfComparison } from './api';
import { CategoryText } from './CfTags';
import {
  assessedUnits,
  defaultChartUnits,
  passedChartOption,
  tallyByYear,
  totalsChartOption,
} from './cfCompare';
import { FIRST_YEAR } from './ResultsTab';

type UnitRow = CfComparison['units'][number];
type ChartView = 'totals' | 'passed';

/**
 * Comparison across years and units: for each commune of the area, its total and result in each
 * year (a table, every figure readable), and a chart of the chosen communes' totals or of the
 * number of communes passing each year.
 */
export function ComparisonTab({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [yearFrom, setYearFrom] = useState(Math.max(FIRST_YEAR, thisYear - 5));
  const [yearTo, setYearTo] = useState(thisYear);
  const [view, setView] = useState<ChartView>('totals');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [isAssessedOnly, setIsAssessedOnly] = useState(true);
  const comparison = useCfComparison(unit, Math.min(yearFrom, yearTo), Math.max(yearFrom, yearTo));
  const data = comparison.data;
  const chartUnits = useMemo(() => chosen ?? (data ? defaultChartUnits(data) : []), [chosen, data]);
  const option = useMemo(() => {
    if (!data) return null;
    return view === 'totals'
      ? totalsChartOption(data, chartUnits)
      : passedChartOption(tallyByYear(data), {
          passed: t('childFriendly.passed'),
          failed: t('childFriendly.failed'),
        });
  }, [data, view, chartUnits, t]);
  const rows = useMemo(
    () => (data ? (isAssessedOnly ? assessedUnits(data) : data.units) : []),
    [data, isAssessedOnly],
  );
  const years = yearsDescending(FIRST_YEAR, thisYear).map((y) => ({ value: y, label: String(y) }));

  const yearColumns = (data?.years ?? []).map((year) => ({
    key: String(year),
    title: String(year),
    align: 'right' as const,
    width: 90,
    render: (_: unknown, row: UnitRow) => {
      const cell = row.cells.find((c) => c.year === year);
      if (!cell || cell.total === null || !cell.assessmentId) {
        return <Typography.Text type="secondary">–</Typography.Text>;
      }
      return (
        <Tooltip
          title={`${cell.passed ? t('childFriendly.passed') : t('childFriendly.failed')} · ${labelOf(cfAssessmentStatusLabels, cell.status, language)}`}
        >
          <Link to={`/child-friendly/${cell.assessmentId}`} data-testid={`cf-cell-${row.unitCode}-${year}`}>
            <Typography.Text type={cell.passed ? 'success' : 'danger'} strong={cell.status === 'recognised'}>
              {cell.total}
              {cell.status === 'recognised' ? ' ★' : ''}
            </Typography.Text>
          </Link>
        </Tooltip>
      );
    },
  }));

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('childFriendly.comparison.yearFrom')}</Typography.Text>
        <Select<number>
          value={yearFrom}
          onChange={setYearFrom}
          options={years}
          aria-label={t('childFriendly.comparison.yearFrom')}
          style={{ width: 100 }}
        />
        <Typography.Text>{t('childFriendly.comparison.yearTo')}</Typography.Text>
        <Select<number>
          value={yearTo}
          onChange={setYearTo}
          options={years}
          aria-label={t('childFriendly.comparison.yearTo')}
          style={{ width: 100 }}
        />
        <Switch
          checked={isAssessedOnly}
          onChange={setIsAssessedOnly}
          aria-label={t('childFriendly.comparison.assessedOnly')}
          data-testid="cf-comparison-assessed-only"
        />
        <Typography.Text>{t('childFriendly.comparison.assessedOnly')}</Typography.Text>
      </Flex>
      {comparison.isError ? (
        <ErrorAlert error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : null}
      <Flex gap={8} align="center" wrap>
        <Segmented<ChartView>
          value={view}
          onChange={setView}
          options={[
            { value: 'totals', label: t('childFriendly.comparison.viewTotals') },
            { value: 'passed', label: t('childFriendly.comparison.viewPassed') },
          ]}
        />
        {view === 'totals' ? (
          <Select<string[]>
            mode="multiple"
            value={chartUnits}
            onChange={(codes) => setChosen(codes)}
            maxCount={8}
            placeholder={t('childFriendly.comparison.chooseUnits')}
            aria-label={t('childFriendly.comparison.chooseUnits')}
            optionFilterProp="label"
            options={(data?.units ?? []).map((row) => ({ value: row.unitCode, label: row.unitName }))}
            style={{ minWidth: 320, flex: 1 }}
          />
        ) : null}
      </Flex>
      {option ? (
        <EChart
          option={option}
          label={
            view === 'totals'
              ? t('childFriendly.comparison.totalsLabel')
              : t('childFriendly.comparison.passedLabel')
          }
          height={320}
          data-testid="cf-comparison-chart"
        />
      ) : null}
      <Typography.Text type="secondary">{t('childFriendly.comparison.legend')}</Typography.Text>
      <Table<UnitRow>
        rowKey="unitCode"
        size="small"
        loading={comparison.isFetching}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 420 + yearColumns.length * 90 }}
        data-testid="cf-comparison"
        locale={{ emptyText: <Empty description={t('childFriendly.comparison.none')} /> }}
        columns={[
          {
            key: 'unit',
            title: t('childFriendly.fields.unit'),
            dataIndex: 'unitName',
            fixed: 'left',
            width: 200,
          },
          {
            key: 'category',
            title: t('childFriendly.fields.category'),
            width: 220,
            render: (_, row) => <CategoryText category={row.category} />,
          },
          ...yearColumns,
        ]}
      />
    </Flex>
  );
}
