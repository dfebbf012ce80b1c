import type { Unit } from '@tuoitho/domain';
import { Descriptions, Divider, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/dates';
import { isPreReformUnit, useUnit } from './api';
import { UnitSuccessors } from './UnitSuccessors';
import { ancestorNames } from './unitText';

interface UnitDetailsProps {
  code: string | undefined;
  at: string;
  /** Shows a successor on today's tree. */
  onShowToday: (unit: Unit) => void;
}

/** Code, type, validity and path of the selected unit; for an old unit, where it went in 2025. */
export function UnitDetails({ code, at, onShowToday }: UnitDetailsProps) {
  const { t } = useTranslation();
  const unit = useUnit(code, at);

  if (!code) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.selectHint')} />;
  if (unit.isPending) return <Skeleton active />;
  if (unit.isError) return <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />;

  const data = unit.data;
  const isOld = isPreReformUnit(data);
  const from = formatDate(data.validFrom);
  const to = formatDate(data.validTo);
  const validity =
    from && to
      ? t('units.validRange', { from, to })
      : from
        ? t('units.validSince', { from })
        : to
          ? t('units.validUntil', { to })
          : t('units.validAlways');

  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {data.fullName}
        </Typography.Title>
        {isOld ? <Tag color="default">{t('units.expired')}</Tag> : null}
      </Flex>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: 'code',
            label: t('units.code'),
            children: <Typography.Text copyable>{data.code}</Typography.Text>,
          },
          { key: 'name', label: t('units.name'), children: data.name },
          { key: 'type', label: t('units.type'), children: data.typeName },
          { key: 'level', label: t('units.level'), children: t(`units.levels.${data.level}`) },
          { key: 'validity', label: t('units.validity'), children: validity },
          { key: 'path', label: t('units.path'), children: ancestorNames(data).join(' — ') || '—' },
        ]}
      />
      {isOld ? (
        <>
          <Divider titlePlacement="start" style={{ marginBlock: 8 }}>
            {t('units.successors')}
          </Divider>
          <UnitSuccessors unit={data} onShowToday={onShowToday} />
        </>
      ) : null}
    </Flex>
  );
}
