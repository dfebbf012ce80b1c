import { type ChildListItem, type SpecialCircumstanceCatalogue, sexLabels } from '@tuoitho/domain';
import { Card, Empty, Flex, Table, type TableColumnsType, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Turned6Tag } from './ChildLifecycleBanners';
import { AtRiskTags, ChildStatusTag, GroupTags, useLanguage } from './ChildTags';
import { formatDateOfBirth, type Language, labelOf } from './childText';

interface ListViewProps {
  items: ChildListItem[];
  catalogue: SpecialCircumstanceCatalogue;
  /** Show the commune under the name (users whose area has several communes). */
  showUnit: boolean;
  loading: boolean;
  /** The list's query string, kept in the profile link so "back" returns to the same list. */
  listQuery: string;
}

function profileLink(child: ChildListItem, listQuery: string) {
  return {
    pathname: `/children/${child.id}`,
    search: listQuery ? `?from=${encodeURIComponent(listQuery)}` : '',
  };
}

function BirthAndAge({ child, t }: { child: ChildListItem; t: TFunction }) {
  return (
    <Flex vertical>
      <span style={{ whiteSpace: 'nowrap' }}>{formatDateOfBirth(child.dateOfBirth)}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('children.ageYears', { count: child.ageYears })}
      </Typography.Text>
    </Flex>
  );
}

function Family({ child, t }: { child: ChildListItem; t: TFunction }) {
  const caregivers = child.caregiverNames.filter((name) => name !== child.householdHeadName);
  return (
    <Flex vertical>
      {child.householdHeadName ? (
        <span>
          <Typography.Text type="secondary">{t('children.headShort')}: </Typography.Text>
          {child.householdHeadName}
        </span>
      ) : null}
      {caregivers.length > 0 ? <span>{caregivers.join(', ')}</span> : null}
    </Flex>
  );
}

function childColumns(
  t: TFunction,
  language: Language,
  { catalogue, showUnit, listQuery }: Pick<ListViewProps, 'catalogue' | 'showUnit' | 'listQuery'>,
): TableColumnsType<ChildListItem> {
  return [
    {
      title: t('children.fields.fullName'),
      key: 'name',
      fixed: 'left',
      width: 170,
      render: (_value, child) => (
        <Flex vertical>
          <Link to={profileLink(child, listQuery)}>
            <Typography.Text strong style={{ color: 'inherit' }}>
              {child.fullName}
            </Typography.Text>
          </Link>
          {child.personalId ? (
            <Typography.Text type="secondary" className="tt-mono" style={{ fontSize: 12 }}>
              {child.personalId}
            </Typography.Text>
          ) : null}
          {showUnit ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {child.unitName}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('children.fields.sex'),
      key: 'sex',
      width: 64,
      render: (_value, child) => labelOf(sexLabels, child.sex, language),
    },
    {
      title: t('children.fields.dateOfBirth'),
      key: 'dateOfBirth',
      width: 96,
      render: (_value, child) => <BirthAndAge child={child} t={t} />,
    },
    {
      title: t('children.fields.village'),
      key: 'village',
      width: 96,
      render: (_value, child) => child.village ?? '',
    },
    {
      title: t('children.columns.family'),
      key: 'family',
      width: 160,
      render: (_value, child) => <Family child={child} t={t} />,
    },
    {
      title: t('children.columns.groups'),
      key: 'groups',
      width: 84,
      render: (_value, child) => <GroupTags groups={child.specialCircumstanceGroups} catalogue={catalogue} />,
    },
    {
      title: t('children.columns.atRisk'),
      key: 'atRisk',
      width: 146,
      render: (_value, child) => <AtRiskTags flags={child.atRisk} />,
    },
    {
      title: t('children.fields.status'),
      key: 'status',
      fixed: 'right',
      width: 110,
      render: (_value, child) => (
        <Flex vertical gap={4} align="flex-start">
          <ChildStatusTag status={child.status} />
          <Turned6Tag child={child} short />
        </Flex>
      ),
    },
  ];
}

/** The list as a table (tablets and computers); it scrolls sideways when the screen is narrow. */
export function ChildTable({ items, catalogue, showUnit, loading, listQuery }: ListViewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table<ChildListItem>
      rowKey="id"
      size="middle"
      columns={childColumns(t, language, { catalogue, showUnit, listQuery })}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 926 }}
      locale={{ emptyText: <Empty description={t('children.empty')} /> }}
      data-testid="children-table"
    />
  );
}

/** The list as cards, one per child (phones). */
export function ChildCards({ items, catalogue, showUnit, loading, listQuery }: ListViewProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (items.length === 0) {
    return loading ? <Card loading /> : <Empty description={t('children.empty')} />;
  }
  return (
    <Flex vertical gap={8} role="list" data-testid="children-cards" style={{ opacity: loading ? 0.6 : 1 }}>
      {items.map((child) => (
        <Card key={child.id} size="small" role="listitem">
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Link to={profileLink(child, listQuery)} style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ color: 'inherit', fontSize: 15 }}>
                {child.fullName}
              </Typography.Text>
            </Link>
            <ChildStatusTag status={child.status} />
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {[
              labelOf(sexLabels, child.sex, language),
              `${formatDateOfBirth(child.dateOfBirth)} (${t('children.ageYears', { count: child.ageYears })})`,
              child.village,
              showUnit ? child.unitName : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
          <Family child={child} t={t} />
          <Turned6Tag child={child} />
          {child.specialCircumstanceGroups.length > 0 || child.atRisk.length > 0 ? (
            <Flex gap={4} wrap style={{ marginTop: 6 }}>
              <GroupTags groups={child.specialCircumstanceGroups} catalogue={catalogue} />
              <AtRiskTags flags={child.atRisk} />
            </Flex>
          ) : null}
        </Card>
      ))}
    </Flex>
  );
}
