import { PlusOutlined } from '@ant-design/icons';
import {
  type Incident,
  IncidentCause,
  IncidentOutcome,
  incidentCauseLabels,
  incidentOutcomeLabels,
  placeTypeLabels,
  sexLabels,
} from '@tuoitho/domain';
import { App, Button, Card, Empty, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../lib/dates';
import { useLanguage } from '../../children/ChildTags';
import { labelOf, optionsFromLabels } from '../../children/childText';
import { useDeleteIncident, useIncidentSummary, useIncidents } from '../api';
import { LoadMore, thisYear, YearSelect } from '../OutreachParts';
import { defaultYearSpan, formatNumber, sumTallies, totalsByCause } from '../outreachCharts';
import { IncidentModal } from './IncidentModal';

const outcomeColors: Record<IncidentOutcome, string> = {
  death: 'red',
  serious_injury: 'orange',
  minor_injury: 'gold',
};

/** Incidents and deaths by cause for the chosen year (or the last ten years). */
function CauseSummary({ unit, year }: { unit: string; year: number | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const span = year === undefined ? defaultYearSpan(thisYear()) : { yearFrom: year, yearTo: year };
  const summary = useIncidentSummary(unit, span.yearFrom, span.yearTo);
  const rows = totalsByCause(summary.data?.rows ?? [], IncidentCause.options);
  const total = sumTallies(rows);
  return (
    <Card
      size="small"
      title={
        year === undefined
          ? t('incidents.summary.titleSpan', { from: span.yearFrom, to: span.yearTo })
          : t('incidents.summary.titleYear', { year })
      }
    >
      {summary.isError ? <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      <Table
        rowKey="cause"
        size="small"
        data-testid="incident-summary"
        loading={summary.isFetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description={t('incidents.none')} /> }}
        columns={[
          {
            key: 'cause',
            title: t('incidents.fields.cause'),
            render: (_, row) => labelOf(incidentCauseLabels, row.cause, language),
          },
          {
            key: 'incidents',
            title: t('incidents.summary.incidents'),
            align: 'right',
            render: (_, row) => formatNumber(row.incidents, language),
          },
          {
            key: 'deaths',
            title: t('incidents.summary.deaths'),
            align: 'right',
            render: (_, row) => formatNumber(row.deaths, language),
          },
        ]}
        summary={() =>
          rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('incidents.summary.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{formatNumber(total.incidents, language)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong>{formatNumber(total.deaths, language)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}

/** "Sổ theo dõi": the incidents of the area with cause, outcome and year filters. */
export function IncidentRegisterTab({
  unit,
  canWrite,
  canReadRegistry,
}: {
  unit: string;
  canWrite: boolean;
  canReadRegistry: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [cause, setCause] = useState<IncidentCause | undefined>();
  const [outcome, setOutcome] = useState<IncidentOutcome | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [editing, setEditing] = useState<Incident | 'new' | null>(null);
  const list = useIncidents({ unit, cause, outcome, year });
  const remove = useDeleteIncident();
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center">
          <Select<IncidentCause>
            aria-label={t('incidents.fields.cause')}
            data-testid="incident-filter-cause"
            allowClear
            placeholder={t('incidents.anyCause')}
            value={cause}
            onChange={(value) => setCause(value ?? undefined)}
            options={optionsFromLabels(IncidentCause.options, incidentCauseLabels, language)}
            style={{ minWidth: 200 }}
          />
          <Select<IncidentOutcome>
            aria-label={t('incidents.fields.outcome')}
            data-testid="incident-filter-outcome"
            allowClear
            placeholder={t('incidents.anyOutcome')}
            value={outcome}
            onChange={(value) => setOutcome(value ?? undefined)}
            options={optionsFromLabels(IncidentOutcome.options, incidentOutcomeLabels, language)}
            style={{ minWidth: 180 }}
          />
          <YearSelect
            label={t('incidents.year')}
            placeholder={t('incidents.anyYear')}
            value={year}
            onChange={setYear}
            data-testid="incident-filter-year"
          />
          <Typography.Text strong aria-live="polite">
            {list.data ? t('incidents.found', { n: `${items.length}${list.hasNextPage ? '+' : ''}` }) : null}
          </Typography.Text>
        </Flex>
        {canWrite ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="incident-new"
          >
            {t('incidents.new')}
          </Button>
        ) : null}
      </Flex>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <Table<Incident>
        rowKey="id"
        size="small"
        data-testid="incident-table"
        loading={list.isFetching && !list.isFetchingNextPage}
        dataSource={items}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1500 }}
        locale={{ emptyText: <Empty description={t('incidents.none')} /> }}
        columns={[
          {
            key: 'occurredAt',
            title: t('incidents.fields.occurredAt'),
            width: 140,
            render: (_, item) => formatDateTime(item.occurredAt),
          },
          {
            key: 'cause',
            title: t('incidents.fields.cause'),
            width: 150,
            render: (_, item) => labelOf(incidentCauseLabels, item.cause, language),
          },
          {
            key: 'place',
            title: t('incidents.fields.placeType'),
            width: 200,
            render: (_, item) => (
              <Flex vertical>
                <span>{labelOf(placeTypeLabels, item.placeType, language)}</span>
                {item.placeDescription ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.placeDescription}
                  </Typography.Text>
                ) : null}
              </Flex>
            ),
          },
          { key: 'age', title: t('incidents.fields.age'), dataIndex: 'age', align: 'right', width: 60 },
          {
            key: 'sex',
            title: t('incidents.fields.sex'),
            width: 80,
            render: (_, item) =>
              item.sex ? labelOf(sexLabels, item.sex, language) : t('incidents.unknownSex'),
          },
          {
            key: 'outcome',
            title: t('incidents.fields.outcome'),
            width: 140,
            render: (_, item) => (
              <Tag color={outcomeColors[item.outcome]}>
                {labelOf(incidentOutcomeLabels, item.outcome, language)}
              </Tag>
            ),
          },
          { key: 'unit', title: t('incidents.fields.unit'), dataIndex: 'unitName', width: 170 },
          {
            key: 'child',
            title: t('incidents.fields.child'),
            width: 180,
            render: (_, item) => {
              if (!item.childId)
                return <Typography.Text type="secondary">{t('incidents.notLinked')}</Typography.Text>;
              if (canReadRegistry && item.childName)
                return <Link to={`/children/${item.childId}`}>{item.childName}</Link>;
              return t('incidents.linked');
            },
          },
          {
            key: 'description',
            title: t('incidents.fields.description'),
            dataIndex: 'description',
            width: 240,
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 130,
                  fixed: 'right' as const,
                  render: (_: unknown, item: Incident) =>
                    item.canEdit ? (
                      <Flex gap={4}>
                        <Button size="small" onClick={() => setEditing(item)}>
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={t('incidents.deleteConfirm')}
                          okText={t('incidents.delete')}
                          cancelText={t('common.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() =>
                            remove.mutate(
                              { id: item.id, version: item.version },
                              { onSuccess: () => void message.success(t('incidents.deleted')) },
                            )
                          }
                        >
                          <Button size="small" danger>
                            {t('incidents.delete')}
                          </Button>
                        </Popconfirm>
                      </Flex>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <LoadMore
        hasMore={Boolean(list.hasNextPage)}
        isLoading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      <CauseSummary unit={unit} year={year} />
      {editing ? (
        <IncidentModal
          incident={editing === 'new' ? undefined : editing}
          defaultUnit={unit}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Flex>
  );
}
