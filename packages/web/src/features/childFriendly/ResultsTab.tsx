import { CfAssessmentStatus, type CfAssessmentSummary, cfAssessmentStatusLabels } from '@tuoitho/domain';
import { Alert, Card, Col, Empty, Flex, Row, Select, Statistic, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayInVietnam } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { labelOf } from '../children/childText';
import { yearsDescending } from '../outreach/outreachCharts';
import { useCfAssessments } from './api';
import { CategoryText, CfStatusTag, DecisionText, PassedTag } from './CfTags';
import { countResults, filterResults, type PassedFilter } from './cfCompare';

/** Decision 06/QĐ-TTg dates from 2019: the first year an assessment can belong to. */
export const FIRST_YEAR = 2019;

/**
 * The province's view of a year: every commune's assessment with its total against its threshold,
 * whether it passes, its status and the recognition decision, filtered by status and result.
 */
export function ResultsTab({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [status, setStatus] = useState<CfAssessmentStatus | undefined>();
  const [passed, setPassed] = useState<PassedFilter>('all');
  const assessments = useCfAssessments({ unit, year, status });
  const all = assessments.data?.items ?? [];
  const rows = useMemo(
    () => filterResults(assessments.data?.items ?? [], passed),
    [assessments.data, passed],
  );
  const counts = countResults(all);

  const statistic = (title: string, value: number, testId: string) => (
    <Col xs={12} md={6}>
      <Card size="small">
        <Statistic title={title} value={value} data-testid={testId} />
      </Card>
    </Col>
  );

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap>
        <Select<number>
          value={year}
          onChange={setYear}
          aria-label={t('childFriendly.fields.year')}
          options={yearsDescending(FIRST_YEAR, thisYear).map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 110 }}
          data-testid="cf-results-year"
        />
        <Select<CfAssessmentStatus | 'all'>
          value={status ?? 'all'}
          onChange={(value) => setStatus(value === 'all' ? undefined : value)}
          aria-label={t('childFriendly.fields.status')}
          options={[
            { value: 'all', label: t('childFriendly.results.anyStatus') },
            ...CfAssessmentStatus.options.map((value) => ({
              value,
              label: labelOf(cfAssessmentStatusLabels, value, language),
            })),
          ]}
          style={{ minWidth: 200 }}
          data-testid="cf-results-status"
        />
        <Select<PassedFilter>
          value={passed}
          onChange={setPassed}
          aria-label={t('childFriendly.fields.result')}
          options={[
            { value: 'all', label: t('childFriendly.results.anyResult') },
            { value: 'passed', label: t('childFriendly.passed') },
            { value: 'failed', label: t('childFriendly.failed') },
          ]}
          style={{ minWidth: 150 }}
          data-testid="cf-results-passed"
        />
      </Flex>
      {assessments.isError ? (
        <ErrorAlert error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : null}
      {assessments.data && !assessments.data.isComplete ? (
        <Alert type="warning" showIcon title={t('childFriendly.results.incomplete')} />
      ) : null}
      <Row gutter={[16, 16]}>
        {statistic(t('childFriendly.results.assessed'), counts.assessed, 'cf-results-assessed')}
        {statistic(t('childFriendly.results.passedCount'), counts.passed, 'cf-results-passed-count')}
        {statistic(t('childFriendly.results.waiting'), counts.waiting, 'cf-results-waiting')}
        {statistic(t('childFriendly.results.recognised'), counts.recognised, 'cf-results-recognised')}
      </Row>
      <Table<CfAssessmentSummary>
        rowKey="id"
        size="small"
        loading={assessments.isFetching}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 1000 }}
        data-testid="cf-results"
        locale={{ emptyText: <Empty description={t('childFriendly.results.none', { year })} /> }}
        onRow={(row) => ({ 'data-testid': `cf-result-${row.unitCode}` }) as never}
        columns={[
          {
            key: 'unit',
            title: t('childFriendly.fields.unit'),
            fixed: 'left',
            width: 220,
            render: (_, row) => <Link to={`/child-friendly/${row.id}`}>{row.unitName}</Link>,
          },
          {
            key: 'category',
            title: t('childFriendly.fields.category'),
            width: 240,
            render: (_, row) => <CategoryText category={row.category} />,
          },
          {
            key: 'total',
            title: t('childFriendly.fields.total'),
            align: 'right',
            width: 110,
            sorter: (a, b) => a.total - b.total,
            render: (_, row) => row.total,
          },
          {
            key: 'threshold',
            title: t('childFriendly.fields.threshold'),
            align: 'right',
            width: 90,
            render: (_, row) => row.threshold,
          },
          {
            key: 'result',
            title: t('childFriendly.fields.result'),
            width: 100,
            render: (_, row) => <PassedTag passed={row.passed} />,
          },
          {
            key: 'status',
            title: t('childFriendly.fields.status'),
            width: 170,
            render: (_, row) => <CfStatusTag status={row.status} />,
          },
          {
            key: 'decision',
            title: t('childFriendly.fields.decision'),
            render: (_, row) => <DecisionText number={row.decisionNumber} date={row.decisionDate} />,
          },
        ]}
      />
    </Flex>
  );
}
