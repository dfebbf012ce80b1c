import { EditOutlined } from '@ant-design/icons';
import { type CfCriterion, type CfIndicator, cfSystemFigureLabels, cfUnitCategories } from '@tuoitho/domain';
import { Alert, Button, Collapse, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { labelOf } from '../children/childText';
import { useCfCatalogue } from './api';
import { CatalogueEditor } from './CatalogueEditor';
import { UnverifiedTag } from './CfTags';
import { describeRule, hasUnverified } from './cfCatalogue';

function IndicatorTable({ criterion }: { criterion: CfCriterion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table<CfIndicator>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={criterion.indicators}
      scroll={{ x: 760 }}
      columns={[
        { key: 'code', title: t('childFriendly.catalogue.code'), dataIndex: 'code', width: 70 },
        {
          key: 'name',
          title: t('childFriendly.catalogue.indicator'),
          render: (_, indicator) => (
            <Flex gap={6} wrap align="center">
              <span>{indicator.name[language]}</span>
              {indicator.verified ? null : <UnverifiedTag />}
              {indicator.systemFigure ? (
                <Tag color="blue" title={labelOf(cfSystemFigureLabels, indicator.systemFigure, language)}>
                  {t('childFriendly.catalogue.fromSystem')}
                </Tag>
              ) : null}
            </Flex>
          ),
        },
        {
          key: 'max',
          title: t('childFriendly.catalogue.maxPoints'),
          dataIndex: 'maxPoints',
          align: 'right',
          width: 90,
        },
        {
          key: 'rule',
          title: t('childFriendly.catalogue.rule'),
          width: 320,
          render: (_, indicator) => describeRule(indicator.rule, indicator.maxPoints, language),
        },
      ]}
    />
  );
}

/**
 * The 13 criteria of Decision 06/QĐ-TTg with their indicators, maxima, pass points and scoring;
 * what is not confirmed against the Decision carries "chưa xác minh", and an administrator may
 * edit exactly those items.
 */
export function CatalogueTab() {
  const { t } = useTranslation();
  const language = useLanguage();
  const catalogue = useCfCatalogue();
  const [isEditing, setIsEditing] = useState(false);
  if (catalogue.isError)
    return <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  if (!catalogue.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const data = catalogue.data;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex vertical gap={4}>
          <Typography.Text>
            {t('childFriendly.catalogue.intro', { total: data.maxTotal })}{' '}
            {data.maxTotalVerified ? null : <UnverifiedTag />}
          </Typography.Text>
          <Typography.Text type="secondary">
            {data.legalRef} · {t('childFriendly.catalogue.updatedAt', { at: formatDateTime(data.updatedAt) })}
          </Typography.Text>
        </Flex>
        {data.canEdit ? (
          <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)} data-testid="cf-catalogue-edit">
            {t('childFriendly.catalogue.edit')}
          </Button>
        ) : null}
      </Flex>
      <Alert
        type="info"
        showIcon
        title={t('childFriendly.catalogue.thresholds')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {Object.values(cfUnitCategories).map((category) => (
              <li key={category.code}>
                {category.label[language]}: <strong>{category.minPoints}</strong>{' '}
                {category.verified ? null : <UnverifiedTag />}
              </li>
            ))}
            <li>{t('childFriendly.catalogue.rules')}</li>
          </ul>
        }
      />
      <Collapse
        data-testid="cf-catalogue"
        items={data.criteria.map((criterion) => ({
          key: criterion.number,
          label: (
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>
                {criterion.number}. {criterion.name[language]}
              </Typography.Text>
              <Tag style={{ marginInlineEnd: 0 }}>
                {t('childFriendly.catalogue.maxAndPass', {
                  max: criterion.maxPoints,
                  pass: criterion.passPoints,
                })}
              </Tag>
              {hasUnverified(criterion) ? <UnverifiedTag /> : null}
            </Flex>
          ),
          children: (
            <Flex vertical gap={8}>
              <Flex gap={12} wrap>
                <span>
                  {t('childFriendly.catalogue.maxPoints')}: {criterion.maxPoints}{' '}
                  {criterion.maxPointsVerified ? null : <UnverifiedTag />}
                </span>
                <span>
                  {t('childFriendly.catalogue.passPoints')}: {criterion.passPoints}{' '}
                  {criterion.passPointsVerified ? null : <UnverifiedTag />}
                </span>
                <Typography.Text type="secondary">{criterion.legalRef}</Typography.Text>
              </Flex>
              <IndicatorTable criterion={criterion} />
            </Flex>
          ),
        }))}
      />
      {isEditing ? <CatalogueEditor catalogue={data} onClose={() => setIsEditing(false)} /> : null}
    </Flex>
  );
}
