import { FacilityKind, facilityKindLabels, playFacilityKinds } from '@tuoitho/domain';
import { Alert, Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLanguage } from '../../children/ChildTags';
import { labelOf } from '../../children/childText';
import { useFacilityCoverage } from '../api';
import { formatNumber } from '../outreachCharts';
import { byNeed, type CoverageRow, coverageTotals, kindOf } from './coverage';

/**
 * "Mức độ đáp ứng": for each commune of the area, its children against its play places in use,
 * the kinds of play place it has none of (red), and the count of facilities of every kind.
 */
export function CoverageTab({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const coverage = useFacilityCoverage(unit);
  const rows = useMemo(() => byNeed(coverage.data?.rows ?? []), [coverage.data]);
  const totals = coverageTotals(rows);
  const kindColumns = FacilityKind.options.map((kind) => ({
    key: kind,
    title: labelOf(facilityKindLabels, kind, language),
    align: 'right' as const,
    width: 110,
    render: (_: unknown, row: CoverageRow) => {
      const { inUse, capacity } = kindOf(row, kind);
      const isMissing = inUse === 0 && playFacilityKinds.includes(kind);
      const count = (
        <Typography.Text type={isMissing ? 'danger' : undefined}>
          {formatNumber(inUse, language)}
        </Typography.Text>
      );
      return capacity > 0 ? (
        <Tooltip title={t('facilities.coverage.capacity', { count: capacity })}>{count}</Tooltip>
      ) : (
        count
      );
    },
  }));

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('facilities.coverage.help')} />
      {coverage.isError ? (
        <ErrorAlert error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('facilities.coverage.communes')}
              value={formatNumber(totals.communes, language)}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('facilities.coverage.childrenPerPlace')}
              value={
                totals.playPlaces > 0 ? formatNumber(totals.children / totals.playPlaces, language, 0) : '–'
              }
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('facilities.coverage.withoutPlayground')}
              value={formatNumber(totals.withoutPlayground, language)}
              styles={{ content: totals.withoutPlayground > 0 ? { color: '#cf1322' } : {} }}
              data-testid="coverage-without-playground"
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('facilities.coverage.withoutSwimming')}
              value={formatNumber(totals.withoutSwimming, language)}
              styles={{ content: totals.withoutSwimming > 0 ? { color: '#cf1322' } : {} }}
            />
          </Card>
        </Col>
      </Row>
      <Table<CoverageRow>
        rowKey="unitCode"
        // A row's `children` is a count of children, not nested rows.
        expandable={{ childrenColumnName: 'nestedRows' }}
        size="small"
        data-testid="coverage-table"
        loading={coverage.isFetching}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 1900 }}
        locale={{ emptyText: <Empty description={t('facilities.coverage.none')} /> }}
        onRow={(row) => ({ 'data-testid': `coverage-${row.unitCode}` }) as never}
        columns={[
          {
            key: 'unit',
            title: t('facilities.coverage.unit'),
            dataIndex: 'unitName',
            fixed: 'left',
            width: 190,
          },
          {
            key: 'children',
            title: t('facilities.coverage.children'),
            align: 'right',
            width: 100,
            render: (_, row) => formatNumber(row.children, language),
          },
          {
            key: 'playPlaces',
            title: t('facilities.coverage.playPlaces'),
            align: 'right',
            width: 120,
            render: (_, row) => formatNumber(row.playPlaces, language),
          },
          {
            key: 'perPlace',
            title: t('facilities.coverage.childrenPerPlace'),
            align: 'right',
            width: 130,
            render: (_, row) =>
              row.childrenPerPlayPlace === null ? (
                <Typography.Text type="danger">{t('facilities.coverage.noPlace')}</Typography.Text>
              ) : (
                formatNumber(row.childrenPerPlayPlace, language, 1)
              ),
          },
          {
            key: 'missing',
            title: t('facilities.coverage.missing'),
            width: 320,
            render: (_, row) =>
              row.missing.length === 0 ? (
                <Tag color="green">{t('facilities.coverage.complete')}</Tag>
              ) : (
                <Flex gap={4} wrap>
                  {row.missing.map((kind) => (
                    <Tag key={kind} color="red" style={{ marginInlineEnd: 0 }}>
                      {labelOf(facilityKindLabels, kind, language)}
                    </Tag>
                  ))}
                </Flex>
              ),
          },
          { key: 'byKind', title: t('facilities.coverage.byKind'), children: kindColumns },
        ]}
      />
    </Flex>
  );
}
