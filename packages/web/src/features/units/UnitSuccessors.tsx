import type { Unit, UnitSuccessor } from '@tuoitho/domain';
import { Button, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, nextIsoDate } from '../../lib/dates';
import { useUnitSuccessors } from './api';

const relationColors: Record<UnitSuccessor['relation'], string> = {
  full: 'blue',
  partial: 'orange',
  unchanged: 'green',
  renamed: 'purple',
};

/** Where an old unit went in the 2025 reform, from the statistics office's conversion table. */
export function UnitSuccessors({ unit, onShowToday }: { unit: Unit; onShowToday: (newUnit: Unit) => void }) {
  const { t } = useTranslation();
  const successors = useUnitSuccessors(unit);
  if (successors.isPending) return null;
  if (successors.isError) return <ErrorAlert error={successors.error} />;
  if (successors.data.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noSuccessors')} />;
  }

  const columns: TableColumnsType<UnitSuccessor> = [
    {
      title: t('units.newUnit'),
      key: 'newUnit',
      render: (_value, row) => (
        <>
          <Button
            type="link"
            title={t('units.showToday')}
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => onShowToday(row.newUnit)}
          >
            {row.newUnit.fullName}
          </Button>
          {row.note ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.note}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('units.relation'),
      dataIndex: 'relation',
      render: (relation: UnitSuccessor['relation'], row) => (
        <>
          <Tag color={relationColors[relation]}>{t(`units.relations.${relation}`)}</Tag>
          {row.oldSplitInto > 1 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('units.splitInto', { count: row.oldSplitInto })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    {
      title: t('units.area'),
      dataIndex: 'area',
      render: (share: UnitSuccessor['area']) => t(`units.shares.${share}`),
    },
    {
      title: t('units.population'),
      dataIndex: 'population',
      render: (share: UnitSuccessor['population']) => t(`units.shares.${share}`),
    },
  ];

  return (
    <>
      <Typography.Paragraph>
        {t('units.successorsIntro', { date: formatDate(unit.validTo ? nextIsoDate(unit.validTo) : null) })}
      </Typography.Paragraph>
      <Table<UnitSuccessor>
        size="small"
        rowKey={(row) => `${row.oldUnit.id}-${row.newUnit.id}`}
        columns={columns}
        dataSource={successors.data}
        pagination={false}
        scroll={{ x: 480 }}
      />
    </>
  );
}
