import type { AuditEntry } from '@tuoitho/domain';
import { Card, Empty, Flex, Spin, Table, type TableColumnsType, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { formatDiff } from '../audit/api';
import { useChildHistory } from './api';
import { ChildStatusTag } from './ChildTags';

/** "Lịch sử": the status changes of the child and every recorded change of the record. */
export function ChildHistory({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const history = useChildHistory(childId, true);

  // A known action gets a readable label; a new one still shows as its code.
  const actionLabel = (action: string) => {
    const key = action.replaceAll('.', '_');
    return t(`transfer.actions.${key}`, {
      defaultValue: t(`children.history.actions.${key}`, {
        defaultValue: t(`audit.actions.${key}`, { defaultValue: action }),
      }),
    });
  };

  if (history.isPending) return <Spin />;
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const { statusChanges, audit } = history.data;

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'occurredAt',
      width: 170,
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>,
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUsername',
      width: 160,
      render: (value: string | null) =>
        value ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      // Entries of a record merged into this one are told apart, with a link to that record (an
      // import's entry, which stands for the creation of an imported child, is not one of them).
      render: (value: string, entry) =>
        entry.entityType === 'child' && entry.entityId && entry.entityId !== childId ? (
          <Flex gap={6} wrap align="center">
            <span>{actionLabel(value)}</span>
            <Tag style={{ marginInlineEnd: 0 }}>
              <Link to={`/children/${entry.entityId}`}>{t('merge.fromMergedRecord')}</Link>
            </Tag>
          </Flex>
        ) : (
          actionLabel(value)
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('children.history.statusChanges')}>
        {statusChanges.length === 0 ? (
          <Typography.Text type="secondary">{t('children.history.noStatusChanges')}</Typography.Text>
        ) : (
          <Timeline
            items={statusChanges.map((change) => ({
              key: `${change.changedAt}-${change.status}`,
              title: formatDateTime(change.changedAt),
              content: (
                <Flex vertical gap={2} align="flex-start">
                  <ChildStatusTag status={change.status} />
                  {change.reason ? <span>{change.reason}</span> : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {change.changedBy
                      ? t('children.history.by', { name: change.changedBy.fullName })
                      : t('children.history.byJob')}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        )}
      </Card>
      <Card size="small" title={t('children.history.audit')}>
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={audit}
          pagination={audit.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 560 }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('children.history.noAudit')} />
            ),
          }}
          expandable={{
            rowExpandable: (entry) => formatDiff(entry.diff) !== '',
            expandedRowRender: (entry) => <pre className="tt-diff">{formatDiff(entry.diff)}</pre>,
          }}
        />
      </Card>
    </Flex>
  );
}
