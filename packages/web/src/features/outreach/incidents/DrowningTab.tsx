import {
  type DrowningView,
  incidentAgeGroupLabels,
  placeTypeLabels,
  seasonLabels,
  sexLabels,
} from '@tuoitho/domain';
import { Card, Col, DatePicker, Empty, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { dayjs } from '../../../lib/dates';
import { useLanguage } from '../../children/ChildTags';
import { labelOf } from '../../children/childText';
import { useDrowningView } from '../api';
import { EChart } from '../charts/EChart';
import { FIRST_YEAR, thisYear } from '../OutreachParts';
import {
  barChartOption,
  DEATH_COLOR,
  defaultYearSpan,
  formatNumber,
  INCIDENT_COLOR,
  lineChartOption,
  monthName,
  shareOf,
  type Tally,
} from '../outreachCharts';

type ChartKind = 'bar' | 'horizontal' | 'line' | 'none';

interface FigureProps {
  title: string;
  /** Name of the category column of the table (month, season, place…). */
  categoryTitle: string;
  categories: readonly string[];
  tallies: readonly Tally[];
  chart: ChartKind;
  yearFrom: number;
  yearTo: number;
  testId: string;
}

/**
 * One breakdown of the drowning view: a chart and, for screen readers and printing, the same
 * figures as a table (one column per category, incidents and deaths as rows).
 */
function Figure({ title, categoryTitle, categories, tallies, chart, yearFrom, yearTo, testId }: FigureProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const incidentsName = t('incidents.drowning.incidents');
  const deathsName = t('incidents.drowning.deaths');
  const option = useMemo(() => {
    const series = [
      { name: incidentsName, values: tallies.map((tally) => tally.incidents), color: INCIDENT_COLOR },
      { name: deathsName, values: tallies.map((tally) => tally.deaths), color: DEATH_COLOR },
    ];
    if (chart === 'line') return lineChartOption(categories, series);
    return barChartOption(categories, series, chart === 'horizontal');
  }, [categories, tallies, chart, incidentsName, deathsName]);
  const rows = [
    { key: 'incidents', name: incidentsName, values: tallies.map((tally) => tally.incidents) },
    { key: 'deaths', name: deathsName, values: tallies.map((tally) => tally.deaths) },
  ];
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      {chart === 'none' ? null : (
        <EChart
          option={option}
          label={t('incidents.drowning.chartLabel', { title, from: yearFrom, to: yearTo })}
          height={chart === 'horizontal' ? Math.max(220, categories.length * 36) : 260}
          data-testid={`${testId}-chart`}
        />
      )}
      <Table
        rowKey="key"
        size="small"
        data-testid={`${testId}-table`}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: categoryTitle, dataIndex: 'name', fixed: 'left' as const, width: 130 },
          ...categories.map((category, index) => ({
            key: String(index),
            title: category,
            align: 'right' as const,
            render: (_: unknown, row: (typeof rows)[number]) =>
              formatNumber(row.values[index] ?? 0, language),
          })),
        ]}
      />
    </Card>
  );
}

/** The figures of the view, with their categories named in the current language. */
function useBreakdowns(view: DrowningView | undefined) {
  const language = useLanguage();
  const { t } = useTranslation();
  return useMemo(() => {
    if (!view) return undefined;
    return {
      byMonth: {
        categories: view.byMonth.map((row) => monthName(row.month, language)),
        tallies: view.byMonth,
      },
      byYear: { categories: view.byYear.map((row) => String(row.year)), tallies: view.byYear },
      bySeason: {
        categories: view.bySeason.map((row) => labelOf(seasonLabels, row.season, language)),
        tallies: view.bySeason,
      },
      byPlaceType: {
        categories: view.byPlaceType.map((row) => labelOf(placeTypeLabels, row.placeType, language)),
        tallies: view.byPlaceType,
      },
      byAgeGroup: {
        categories: view.byAgeGroup.map((row) => labelOf(incidentAgeGroupLabels, row.ageGroup, language)),
        tallies: view.byAgeGroup,
      },
      bySex: {
        categories: view.bySex.map((row) =>
          row.sex === 'unknown' ? t('incidents.unknownSex') : labelOf(sexLabels, row.sex, language),
        ),
        tallies: view.bySex,
      },
    };
  }, [view, language, t]);
}

/**
 * "Đuối nước": drownings of the area over a span of years, by month, season, place type, age
 * group, sex and year, each as a chart and as a table.
 */
export function DrowningTab({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const currentYear = thisYear();
  const [span, setSpan] = useState(() => defaultYearSpan(currentYear));
  const view = useDrowningView(unit, span.yearFrom, span.yearTo);
  const data = view.data;
  const breakdowns = useBreakdowns(data);
  const deathShare = data ? shareOf(data.total.deaths, data.total.incidents) : null;
  const summerShare = data ? shareOf(data.summerHoliday.incidents, data.total.incidents) : null;

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <Typography.Text>{t('incidents.drowning.years')}</Typography.Text>
        <DatePicker.RangePicker
          picker="year"
          allowClear={false}
          aria-label={t('incidents.drowning.years')}
          data-testid="drowning-years"
          value={[dayjs(`${span.yearFrom}-01-01`), dayjs(`${span.yearTo}-01-01`)]}
          disabledDate={(date) => date.year() > currentYear || date.year() < FIRST_YEAR - 3}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) setSpan({ yearFrom: from.year(), yearTo: to.year() });
          }}
        />
        {data ? (
          <Typography.Text type="secondary">
            {t('incidents.drowning.of', { unit: data.unitName, from: data.yearFrom, to: data.yearTo })}
          </Typography.Text>
        ) : null}
      </Flex>
      {view.isError ? <ErrorAlert error={view.error} onRetry={() => void view.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('incidents.drowning.total')}
              value={data ? formatNumber(data.total.incidents, language) : '–'}
              loading={view.isPending}
              data-testid="drowning-total"
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('incidents.drowning.totalDeaths')}
              value={data ? formatNumber(data.total.deaths, language) : '–'}
              styles={{ content: { color: DEATH_COLOR } }}
              loading={view.isPending}
              data-testid="drowning-deaths"
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('incidents.drowning.deathShare')}
              value={deathShare === null ? '–' : `${formatNumber(deathShare, language, 1)} %`}
              loading={view.isPending}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('incidents.drowning.summerHoliday')}
              value={data ? formatNumber(data.summerHoliday.incidents, language) : '–'}
              suffix={
                summerShare === null ? null : (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('incidents.drowning.summerShare', { share: formatNumber(summerShare, language, 1) })}
                  </Typography.Text>
                )
              }
              loading={view.isPending}
            />
          </Card>
        </Col>
      </Row>
      {data && data.total.incidents === 0 ? <Empty description={t('incidents.drowning.none')} /> : null}
      {breakdowns && data && data.total.incidents > 0 ? (
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <Figure
              title={t('incidents.drowning.byMonth')}
              categoryTitle={t('incidents.drowning.month')}
              {...breakdowns.byMonth}
              chart="bar"
              {...span}
              testId="drowning-month"
            />
          </Col>
          <Col xs={24} xl={12}>
            <Figure
              title={t('incidents.drowning.bySeason')}
              categoryTitle={t('incidents.drowning.season')}
              {...breakdowns.bySeason}
              chart="bar"
              {...span}
              testId="drowning-season"
            />
          </Col>
          <Col xs={24} xl={12}>
            <Figure
              title={t('incidents.drowning.byAgeGroup')}
              categoryTitle={t('incidents.drowning.ageGroup')}
              {...breakdowns.byAgeGroup}
              chart="bar"
              {...span}
              testId="drowning-age"
            />
          </Col>
          <Col xs={24} xl={12}>
            <Figure
              title={t('incidents.drowning.byPlaceType')}
              categoryTitle={t('incidents.drowning.placeType')}
              {...breakdowns.byPlaceType}
              chart="horizontal"
              {...span}
              testId="drowning-place"
            />
          </Col>
          <Col xs={24} xl={12}>
            <Figure
              title={t('incidents.drowning.byYear')}
              categoryTitle={t('incidents.drowning.yearColumn')}
              {...breakdowns.byYear}
              chart="line"
              {...span}
              testId="drowning-year"
            />
          </Col>
          <Col xs={24} xl={12}>
            <Figure
              title={t('incidents.drowning.bySex')}
              categoryTitle={t('incidents.drowning.sex')}
              {...breakdowns.bySex}
              chart="none"
              {...span}
              testId="drowning-sex"
            />
          </Col>
        </Row>
      ) : null}
    </Flex>
  );
}
