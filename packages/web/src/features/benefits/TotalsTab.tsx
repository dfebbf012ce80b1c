import { budgetSourceLabels } from '@tuoitho/domain';
import { Card, Empty, Flex, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { todayInVietnam } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { labelOf } from '../children/childText';
import { useBenefitTotals } from './api';
import {
  addMonths,
  barHeights,
  formatMoney,
  formatMonth,
  type MonthTotal,
  monthOf,
  niceCeiling,
  type RuleTotal,
  totalsByMonth,
  totalsByRule,
} from './benefitMath';

const CHART_HEIGHT = 220;
const AXIS_WIDTH = 96;
const BAR_GAP = 6;

/** Amounts by month as bars (due in light, paid in solid), drawn in plain SVG. */
function MonthlyBars({ months }: { months: MonthTotal[] }) {
  const { t } = useTranslation();
  const top = niceCeiling(Math.max(0, ...months.map((month) => month.amountVnd)));
  const due = barHeights(
    months.map((month) => month.amountVnd),
    top,
    CHART_HEIGHT,
  );
  const paid = barHeights(
    months.map((month) => month.paidVnd),
    top,
    CHART_HEIGHT,
  );
  const slot = Math.max(18, Math.min(72, Math.floor(900 / Math.max(1, months.length))));
  const width = AXIS_WIDTH + months.length * slot + 8;
  const grid = [0, 0.25, 0.5, 0.75, 1];
  return (
    <div style={{ overflowX: 'auto' }}>
      <svg
        width={width}
        height={CHART_HEIGHT + 44}
        role="img"
        aria-label={t('benefits.totals.chartLabel')}
        data-testid="benefit-totals-chart"
      >
        {grid.map((share) => {
          const y = 8 + CHART_HEIGHT - share * CHART_HEIGHT;
          return (
            <g key={share}>
              <line x1={AXIS_WIDTH} x2={width} y1={y} y2={y} stroke="#f0f0f0" />
              <text x={AXIS_WIDTH - 6} y={y + 4} textAnchor="end" fontSize={11} fill="#8c8c8c">
                {formatMoney(top * share)}
              </text>
            </g>
          );
        })}
        {months.map((month, index) => {
          const x = AXIS_WIDTH + index * slot + BAR_GAP / 2;
          const barWidth = slot - BAR_GAP;
          const dueHeight = due[index] ?? 0;
          const paidHeight = paid[index] ?? 0;
          return (
            <g key={month.month}>
              <title>
                {`${formatMonth(month.month)}: ${t('benefits.totals.due')} ${formatMoney(month.amountVnd)}, ${t(
                  'benefits.totals.paid',
                )} ${formatMoney(month.paidVnd)}`}
              </title>
              <rect
                x={x}
                y={8 + CHART_HEIGHT - dueHeight}
                width={barWidth}
                height={dueHeight}
                fill="#9fd4d8"
              />
              <rect
                x={x}
                y={8 + CHART_HEIGHT - paidHeight}
                width={barWidth}
                height={paidHeight}
                fill="#0b6a73"
              />
              {index % Math.ceil(months.length / 12) === 0 ? (
                <text
                  x={x + barWidth / 2}
                  y={CHART_HEIGHT + 26}
                  textAnchor="middle"
                  fontSize={11}
                  fill="#595959"
                >
                  {formatMonth(month.month)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <Flex gap={16} style={{ paddingInlineStart: AXIS_WIDTH }}>
        <span>
          <span
            style={{
              display: 'inline-block',
              width: 12,
              height: 12,
              background: '#9fd4d8',
              marginInlineEnd: 6,
            }}
          />
          {t('benefits.totals.due')}
        </span>
        <span>
          <span
            style={{
              display: 'inline-block',
              width: 12,
              height: 12,
              background: '#0b6a73',
              marginInlineEnd: 6,
            }}
          />
          {t('benefits.totals.paid')}
        </span>
      </Flex>
    </div>
  );
}

/** "Tổng hợp": the amounts of the last 12 or 24 months, by month and by benefit and budget. */
export function TotalsTab({ unit }: { unit: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [span, setSpan] = useState<12 | 24>(12);
  const to = monthOf(todayInVietnam());
  const from = addMonths(to, -(span - 1));
  const totals = useBenefitTotals(unit, from, to);
  const months = totals.data ? totalsByMonth(totals.data) : [];
  const rows = totals.data ? totalsByRule(totals.data) : [];
  const sum = rows.reduce((acc, row) => ({ due: acc.due + row.amountVnd, paid: acc.paid + row.paidVnd }), {
    due: 0,
    paid: 0,
  });
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {t('benefits.totals.range', { from: formatMonth(from), to: formatMonth(to) })}
        </Typography.Text>
        <Segmented<12 | 24>
          aria-label={t('benefits.totals.span')}
          value={span}
          onChange={setSpan}
          options={[
            { value: 12, label: t('benefits.totals.months', { count: 12 }) },
            { value: 24, label: t('benefits.totals.months', { count: 24 }) },
          ]}
        />
      </Flex>
      {totals.isError ? <ErrorAlert error={totals.error} onRetry={() => void totals.refetch()} /> : null}
      <Card size="small" title={t('benefits.totals.byMonth')} loading={totals.isPending}>
        {months.length > 0 ? <MonthlyBars months={months} /> : <Empty />}
      </Card>
      <Card size="small" title={t('benefits.totals.byRule')}>
        <Table<RuleTotal>
          rowKey="key"
          size="small"
          data-testid="benefit-totals-table"
          loading={totals.isFetching}
          dataSource={rows}
          pagination={false}
          columns={[
            { key: 'rule', title: t('benefits.fields.benefit'), dataIndex: 'ruleName' },
            {
              key: 'budget',
              title: t('benefits.fields.budgetSource'),
              render: (_, row) => labelOf(budgetSourceLabels, row.budgetSource, language),
            },
            { key: 'lines', title: t('benefits.payments.lines'), align: 'right', dataIndex: 'lines' },
            {
              key: 'due',
              title: t('benefits.totals.due'),
              align: 'right',
              render: (_, row) => formatMoney(row.amountVnd),
            },
            {
              key: 'paid',
              title: t('benefits.totals.paid'),
              align: 'right',
              render: (_, row) => formatMoney(row.paidVnd),
            },
          ]}
          summary={() =>
            rows.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <strong>{t('benefits.totals.total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <strong>{formatMoney(sum.due)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  <strong>{formatMoney(sum.paid)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </Flex>
  );
}
