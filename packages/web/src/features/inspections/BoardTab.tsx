import { type FollowUpBoard, inspectionTopicLabels, recommendationStateLabels } from '@tuoitho/domain';
import { Card, Col, Flex, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { EChart } from '../outreach/charts/EChart';
import { useFollowUpBoard } from './api';
import { type BoardCounts, doneShare, yearChartOption } from './inspectionText';
import { yearOptions } from './PlansTab';

type Counts = FollowUpBoard['totals'];

/**
 * The follow-up board: how many recommendations are done, under way, not started and overdue,
 * per responsible unit, per topic and per year (the history across years as a chart).
 */
export function BoardTab({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [yearFrom, setYearFrom] = useState<number | undefined>(undefined);
  const [yearTo, setYearTo] = useState<number | undefined>(undefined);
  const board = useFollowUpBoard({ unit, yearFrom, yearTo });
  const data = board.data;
  const stateNames = useMemo(
    () => ({
      open: recommendationStateLabels.open[language],
      in_progress: recommendationStateLabels.in_progress[language],
      done: recommendationStateLabels.done[language],
      overdue: recommendationStateLabels.overdue[language],
    }),
    [language],
  );
  const chart = useMemo(() => (data ? yearChartOption(data.byYear, stateNames) : null), [data, stateNames]);

  /** Count columns shared by the three tables; `testPrefix` gives the per-unit cells their ids. */
  const countColumns = <R extends Counts>(testPrefix?: (row: R) => string) => {
    const cell = (key: keyof BoardCounts | 'total', suffix: string, danger = false) => ({
      key,
      title: key === 'total' ? t('inspections.board.total') : t(`inspections.board.${key}`),
      width: 110,
      align: 'right' as const,
      render: (_: unknown, row: R) => (
        <Typography.Text
          type={danger && row[key] > 0 ? 'danger' : undefined}
          strong={danger && row[key] > 0}
          data-testid={testPrefix ? `${testPrefix(row)}-${suffix}` : undefined}
        >
          {row[key]}
        </Typography.Text>
      ),
    });
    return [
      cell('total', 'total'),
      cell('done', 'done'),
      cell('inProgress', 'in_progress'),
      cell('open', 'open'),
      cell('overdue', 'overdue', true),
      {
        key: 'share',
        title: t('inspections.board.doneShare'),
        width: 110,
        align: 'right' as const,
        render: (_: unknown, row: R) => {
          const share = doneShare(row);
          return share === null ? '—' : `${share}%`;
        },
      },
    ];
  };

  const years = yearOptions();
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <Typography.Text>{t('inspections.board.years')}</Typography.Text>
        <Select<number | undefined>
          value={yearFrom}
          onChange={setYearFrom}
          allowClear
          placeholder={t('inspections.board.from')}
          aria-label={t('inspections.board.from')}
          options={years.map((value) => ({ value, label: String(value) }))}
          style={{ width: 120 }}
        />
        <Select<number | undefined>
          value={yearTo}
          onChange={setYearTo}
          allowClear
          placeholder={t('inspections.board.to')}
          aria-label={t('inspections.board.to')}
          options={years.map((value) => ({ value, label: String(value) }))}
          style={{ width: 120 }}
        />
        {data ? (
          <Typography.Text type="secondary">
            {t('inspections.board.asOf', { date: formatDate(data.asOf) })}
          </Typography.Text>
        ) : null}
      </Space>
      {board.error ? <ErrorAlert error={board.error} onRetry={() => void board.refetch()} /> : null}
      {data ? (
        <>
          <Row gutter={[12, 12]}>
            {(
              [
                ['total', data.totals.total, undefined],
                ['done', data.totals.done, '#389e0d'],
                ['inProgress', data.totals.inProgress, '#d48806'],
                ['open', data.totals.open, undefined],
                ['overdue', data.totals.overdue, '#cf1322'],
                ['dueSoon', data.totals.dueSoon, '#d48806'],
              ] as const
            ).map(([key, value, color]) => (
              <Col key={key} xs={12} sm={8} lg={4}>
                <Card size="small">
                  <Statistic
                    title={t(`inspections.board.${key}`)}
                    value={value}
                    styles={{ content: color ? { color } : undefined }}
                    valueRender={(node) => (
                      <span
                        data-testid={`board-${key === 'inProgress' ? 'in-progress' : key === 'dueSoon' ? 'due-soon' : key}`}
                      >
                        {node}
                      </span>
                    )}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('inspections.board.byUnit')}>
            <Table
              rowKey="unitCode"
              size="small"
              pagination={false}
              dataSource={data.byUnit}
              scroll={{ x: 820 }}
              onRow={(row) => ({ 'data-testid': `board-unit-${row.unitCode}` }) as never}
              columns={[
                { key: 'unit', title: t('inspections.recommendation.unit'), dataIndex: 'unitName' },
                ...countColumns<(typeof data.byUnit)[number]>((row) => `board-unit-${row.unitCode}`),
              ]}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <Card size="small" title={t('inspections.board.byTopic')}>
                <Table
                  rowKey="topic"
                  size="small"
                  pagination={false}
                  dataSource={data.byTopic}
                  scroll={{ x: 760 }}
                  columns={[
                    {
                      key: 'topic',
                      title: t('inspections.topic'),
                      render: (_, row) => inspectionTopicLabels[row.topic][language],
                    },
                    ...countColumns<(typeof data.byTopic)[number]>(),
                  ]}
                />
              </Card>
            </Col>
            <Col span={24}>
              <Card size="small" title={t('inspections.board.byYear')}>
                {chart && data.byYear.length > 0 ? (
                  <EChart
                    option={chart}
                    label={t('inspections.board.chartLabel')}
                    height={260}
                    data-testid="board-year-chart"
                  />
                ) : null}
                <Table
                  rowKey="year"
                  size="small"
                  pagination={false}
                  dataSource={[...data.byYear].sort((a, b) => b.year - a.year)}
                  scroll={{ x: 760 }}
                  columns={[
                    { key: 'year', title: t('inspections.year'), dataIndex: 'year', width: 80 },
                    ...countColumns<(typeof data.byYear)[number]>(),
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </Flex>
  );
}
