import type { CaseListItem } from '@tuoitho/domain';
import { Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { CaseStatusTag, concernsText, NextDeadline, UrgencyTag } from './CaseTags';
import { nextDeadline } from './caseText';

/** Cases as a table: number, child, concerns, urgency, status, next deadline, assignee. */
export function CaseTable({
  items,
  loading,
  showUnit,
  testId,
}: {
  items: CaseListItem[];
  loading: boolean;
  showUnit: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableColumnsType<CaseListItem> = [
    {
      title: t('cases.fields.number'),
      key: 'number',
      width: 150,
      render: (_value, item) => (
        <Flex vertical>
          <Link to={`/cases/${item.id}`} data-testid="case-link">
            <Typography.Text strong className="tt-mono" style={{ color: 'inherit' }}>
              {item.number}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(item.receivedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('cases.fields.child'),
      key: 'child',
      width: 180,
      render: (_value, item) => (
        <Flex vertical>
          <Link to={`/children/${item.child.id}`}>{item.child.fullName}</Link>
          {showUnit ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.unitName}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('cases.fields.concerns'),
      key: 'concerns',
      width: 200,
      render: (_value, item) => concernsText(item.concerns, language),
    },
    {
      title: t('cases.fields.urgency'),
      key: 'urgency',
      width: 120,
      render: (_value, item) => <UrgencyTag urgency={item.urgency} />,
    },
    {
      title: t('cases.fields.status'),
      key: 'status',
      width: 170,
      render: (_value, item) => <CaseStatusTag status={item.status} />,
    },
    {
      title: t('cases.fields.nextDeadline'),
      key: 'deadline',
      width: 230,
      render: (_value, item) => <NextDeadline deadline={nextDeadline(item.deadlines)} />,
    },
    {
      title: t('cases.fields.assignee'),
      key: 'assignee',
      width: 150,
      render: (_value, item) =>
        item.assignee?.name ?? <Typography.Text type="secondary">{t('cases.unassigned')}</Typography.Text>,
    },
  ];
  return (
    <Table<CaseListItem>
      data-testid={testId}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('cases.list.empty') }}
    />
  );
}
